//! Text similarity: TF-IDF vectors over words, compared by cosine.
//!
//! Stop words are dropped and plurals folded (see [`super::words`]); the
//! inverse document frequency comes from the documents the space was fitted
//! on, so words every commitment of the two statements shares weigh little.

use std::collections::{HashMap, HashSet};

use super::words;

/// A vocabulary with inverse document frequencies.
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
    /// Further words to ignore, such as the names of the parties.
    extra_stop: HashSet<String>,
}

/// A sparse vector of unit length, sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector(Vec<(u32, f32)>);

impl Vector {
    /// Whether no known word was found in the text.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TfIdf {
    /// Learns the vocabulary and document frequencies of `docs`. Words in
    /// `extra_stop` (folded, as [`words::each_word`] folds them) are ignored
    /// besides the stop words.
    pub fn fit<'a>(docs: impl IntoIterator<Item = &'a str>, extra_stop: HashSet<String>) -> TfIdf {
        let mut space = TfIdf {
            extra_stop,
            ..TfIdf::default()
        };
        let mut df: Vec<u32> = Vec::new();
        let mut n = 0u32;
        let mut seen: HashSet<u32> = HashSet::new();
        let mut doc_terms: Vec<String> = Vec::new();
        for doc in docs {
            n += 1;
            seen.clear();
            doc_terms.clear();
            space.each_term(doc, |term| doc_terms.push(term.to_string()));
            for term in doc_terms.drain(..) {
                let next = space.terms.len() as u32;
                let id = *space.terms.entry(term).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                if seen.insert(id) {
                    df[id as usize] += 1;
                }
            }
        }
        // Smoothed as in scikit-learn, so a word in every document still counts a little.
        space.idf = df
            .iter()
            .map(|&d| ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        space
    }

    /// Calls `f` with each folded word of `text` that is not a stop word.
    fn each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        words::each_word(text, |lower, folded| {
            if !words::is_stop_word(lower) && !self.extra_stop.contains(folded) {
                f(folded);
            }
        });
    }

    /// The unit TF-IDF vector of `text`; words outside the vocabulary are ignored.
    pub fn vector(&self, text: &str) -> Vector {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        self.each_term(text, |term| {
            if let Some(&id) = self.terms.get(term) {
                *tf.entry(id).or_default() += 1.0;
            }
        });
        let mut v: Vec<(u32, f32)> = tf
            .into_iter()
            .map(|(t, n)| (t, n * self.idf[t as usize]))
            .collect();
        v.sort_unstable_by_key(|&(t, _)| t);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        Vector(v)
    }
}

/// The cosine of two unit vectors: 0 (nothing shared) to 1 (same words in the same proportions).
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.0.get(i), b.0.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_ranks_shared_rare_words_highest() {
        let docs = [
            "Cooperation on quantum communication and standards.",
            "Cooperation on semiconductor supply chains.",
            "Cooperation on quantum sensing research.",
            "Cooperation on online safety.",
        ];
        let space = TfIdf::fit(docs, HashSet::new());
        let v: Vec<Vector> = docs.iter().map(|d| space.vector(d)).collect();
        assert!((cosine(&v[0], &v[0]) - 1.0).abs() < 1e-5);
        // "cooperation" is a stop word: the online-safety text shares nothing with the quantum one.
        assert_eq!(cosine(&v[0], &v[3]), 0.0);
        assert!(cosine(&v[0], &v[2]) > cosine(&v[0], &v[1]));
        assert!(cosine(&v[0], &v[2]) > 0.1);
    }

    #[test]
    fn extra_stop_words_and_unknown_words_are_ignored() {
        let stop: HashSet<String> = ["singapore".to_string()].into();
        let space = TfIdf::fit(["Singapore and AI.", "Singapore and quantum."], stop);
        let a = space.vector("Singapore’s plans");
        assert!(a.is_empty());
        assert_eq!(
            cosine(&space.vector("AI"), &space.vector("Singapore quantum")),
            0.0
        );
    }
}
