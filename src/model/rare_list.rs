//! [`RareList`]: a list that is usually empty, one pointer wide.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// A list that most nodes leave empty (an area's section path, intro,
/// outro and lead-ins). It is one pointer wide (a `Vec` is three, a boxed
/// slice two) and allocates nothing while empty; a non-empty one costs one
/// small allocation more than a boxed slice, which is rare by definition.
/// A library holds hundreds of thousands of areas, and each of these
/// fields was 8 to 16 bytes of every one of them.
///
/// It reads as a slice (`Deref`), is built by `collect()` or from a `Vec`,
/// and serializes as a sequence, exactly as a `Vec` does.
#[derive(Clone, PartialEq, Eq)]
pub struct RareList<T>(Option<Box<Box<[T]>>>);

impl<T> RareList<T> {
    /// An empty list (allocates nothing).
    pub const fn new() -> RareList<T> {
        RareList(None)
    }
}

impl<T> Default for RareList<T> {
    fn default() -> RareList<T> {
        RareList::new()
    }
}

impl<T> Deref for RareList<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], |items| &**items)
    }
}

impl<T> DerefMut for RareList<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.as_deref_mut().map_or(&mut [], |items| &mut **items)
    }
}

impl<T> From<Vec<T>> for RareList<T> {
    fn from(items: Vec<T>) -> RareList<T> {
        RareList((!items.is_empty()).then(|| Box::new(items.into_boxed_slice())))
    }
}

impl<T> From<Box<[T]>> for RareList<T> {
    fn from(items: Box<[T]>) -> RareList<T> {
        RareList((!items.is_empty()).then(|| Box::new(items)))
    }
}

impl<T, const N: usize> From<[T; N]> for RareList<T> {
    fn from(items: [T; N]) -> RareList<T> {
        RareList::from(Vec::from(items))
    }
}

impl<T> FromIterator<T> for RareList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> RareList<T> {
        RareList::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<'a, T> IntoIterator for &'a RareList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut RareList<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T> IntoIterator for RareList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0
            .map(|items| items.into_vec())
            .unwrap_or_default()
            .into_iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for RareList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: serde::Serialize> serde::Serialize for RareList<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for RareList<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RareList<T>, D::Error> {
        Vec::<T>::deserialize(d).map(RareList::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_wide_and_nothing_allocated_while_empty() {
        assert_eq!(
            std::mem::size_of::<RareList<String>>(),
            std::mem::size_of::<usize>()
        );
        let empty: RareList<String> = Vec::new().into();
        assert!(empty.0.is_none());
        assert_eq!(empty, RareList::default());
        assert!(empty.is_empty());
    }

    #[test]
    fn reads_as_the_slice_it_was_built_from() {
        let list: RareList<&str> = ["II. Key Outcomes", "A. Emerging"].into_iter().collect();
        assert_eq!(list.len(), 2);
        assert_eq!(&list[..], ["II. Key Outcomes", "A. Emerging"]);
        assert_eq!(list.join(" › "), "II. Key Outcomes › A. Emerging");
        let mut list = list;
        if let Some(first) = list.get_mut(0) {
            *first = "I.";
        }
        assert_eq!(
            (&list).into_iter().copied().collect::<Vec<_>>(),
            ["I.", "A. Emerging"]
        );
        assert_eq!(list.into_iter().collect::<Vec<_>>(), ["I.", "A. Emerging"]);
    }

    #[test]
    fn serializes_as_a_vec_does() {
        let items = vec!["a".to_string(), "b".to_string()];
        let list = RareList::from(items.clone());
        assert_eq!(
            postcard::to_allocvec(&list).ok(),
            postcard::to_allocvec(&items).ok()
        );
        assert_eq!(
            serde_json::to_string(&list).ok(),
            serde_json::to_string(&items).ok()
        );
        let empty: RareList<String> = RareList::new();
        assert_eq!(serde_json::to_string(&empty).ok().as_deref(), Some("[]"));
        let bytes = postcard::to_allocvec(&items).unwrap_or_default();
        assert_eq!(postcard::from_bytes::<RareList<String>>(&bytes).ok(), Some(list));
        assert_eq!(
            postcard::from_bytes::<RareList<String>>(&[0]).ok(),
            Some(RareList::new())
        );
    }
}
