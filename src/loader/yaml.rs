//! A bound on what a YAML document expands to, for every YAML text jointly
//! reads (statement files, the config, the bookmarks and state files, and
//! the front matter of sources and imports).
//!
//! The YAML parser limits how often aliases are followed, not what they
//! expand to: one anchor of a thousand strings aliased by three thousand
//! areas makes a 1 MB file take gigabytes. None of jointly's files needs
//! aliases, but a few small ones do no harm, so what is bounded is the
//! expanded size: a document may expand to [`EXPANSION`] times its text (plus
//! a little), which no document without aliases can reach, since every node
//! and every byte of a scalar takes at least a byte of text.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// How many times its own size a document may expand to.
pub const EXPANSION: usize = 4;

/// Room for short texts, which may expand more than [`EXPANSION`] times.
const SLACK: usize = 64 * 1024;

/// Checks that `text` does not expand, through aliases, past [`EXPANSION`]
/// times its size. The error is located where the limit was crossed.
/// Errors of syntax are left to the caller's parse, which reports them.
/// Walking stops at the limit, so the check costs no more than the limit.
pub fn check_expansion(text: &str) -> Result<(), serde_yaml::Error> {
    // An alias (`*a`) needs an anchor (`&a`): without both, nothing expands.
    if memchr::memchr(b'&', text.as_bytes()).is_none() || memchr::memchr(b'*', text.as_bytes()).is_none() {
        return Ok(());
    }
    let limit = text.len().saturating_mul(EXPANSION).saturating_add(SLACK);
    let mut left = limit;
    for document in serde_yaml::Deserializer::from_str(text) {
        let mut exceeded = false;
        let walked = Counter {
            left: &mut left,
            exceeded: &mut exceeded,
        }
        .deserialize(document);
        match walked {
            Err(e) if exceeded => return Err(e),
            // A syntax error: the caller's parse reports it.
            Err(_) => return Ok(()),
            Ok(()) => {}
        }
    }
    Ok(())
}

/// Parses `text` as `serde_yaml::from_str` does, after [`check_expansion`].
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_yaml::Error> {
    check_expansion(text)?;
    serde_yaml::from_str(text)
}

/// The message of the error [`check_expansion`] gives.
fn too_large<E: de::Error>() -> E {
    E::custom(format!(
        "its aliases (`*name`) expand the document to more than {EXPANSION} times its size; \
         jointly's files need no aliases: write the values out, or remove the anchors (`&name`)"
    ))
}

/// Walks a document, counting its nodes and the bytes of its scalars as
/// the parser expands them, and fails once `left` runs out.
struct Counter<'a> {
    left: &'a mut usize,
    exceeded: &'a mut bool,
}

impl Counter<'_> {
    fn charge<E: de::Error>(&mut self, bytes: usize) -> Result<(), E> {
        match self.left.checked_sub(bytes.saturating_add(1)) {
            Some(left) => {
                *self.left = left;
                Ok(())
            }
            None => {
                *self.exceeded = true;
                Err(too_large())
            }
        }
    }

    fn again(&mut self) -> Counter<'_> {
        Counter {
            left: self.left,
            exceeded: self.exceeded,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(mut self, _: bool) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_i64<E: de::Error>(mut self, _: i64) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_u64<E: de::Error>(mut self, _: u64) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_i128<E: de::Error>(mut self, _: i128) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_u128<E: de::Error>(mut self, _: u128) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_f64<E: de::Error>(mut self, _: f64) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_str<E: de::Error>(mut self, s: &str) -> Result<(), E> {
        self.charge(s.len())
    }

    fn visit_bytes<E: de::Error>(mut self, b: &[u8]) -> Result<(), E> {
        self.charge(b.len())
    }

    fn visit_unit<E: de::Error>(mut self) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_none<E: de::Error>(mut self) -> Result<(), E> {
        self.charge(0)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.charge(0)?;
        while seq.next_element_seed(self.again())?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.charge(0)?;
        while map.next_key_seed(self.again())?.is_some() {
            map.next_value_seed(self.again())?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(mut self, data: A) -> Result<(), A::Error> {
        self.charge(0)?;
        let ((), variant) = data.variant_seed(self.again())?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One anchor of `strings` strings of `len` bytes, aliased `uses` times.
    fn amplifier(strings: usize, len: usize, uses: usize) -> String {
        let mut s = String::from("anchor: &c\n");
        for i in 0..strings {
            s.push_str(&format!("  - \"{i:0len$}\"\n"));
        }
        s.push_str("uses:\n");
        for _ in 0..uses {
            s.push_str("  - *c\n");
        }
        s
    }

    #[test]
    fn an_alias_amplification_is_refused_with_a_location_and_a_few_aliases_pass() {
        let bomb = amplifier(1000, 1000, 3000);
        let e = check_expansion(&bomb).unwrap_err();
        assert!(
            e.to_string().contains("expand the document to more than 4 times"),
            "{e}"
        );
        assert!(e.location().is_some(), "{e}");
        assert!(check_expansion(&amplifier(3, 10, 3)).is_ok());
        assert!(check_expansion("a: [1, 2]\nb: {c: R&D * 2}\n").is_ok());
        // Syntax errors are left to the parse that follows.
        assert!(check_expansion("a: &x [\n*x").is_ok());
    }

    #[test]
    fn a_billion_laughs_stops_at_the_limit() {
        let mut s =
            String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (i, c) in ('b'..='i').enumerate() {
            let prev = char::from(b'a' + u8::try_from(i).unwrap());
            s.push_str(&format!(
                "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
        }
        assert!(check_expansion(&s).is_err());
    }
}
