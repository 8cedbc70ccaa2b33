//! `Set`: a small ordered set as a sorted `Vec`, for the filters' chosen values. A filter holds
//! a handful of values; `BTreeSet` brought four tree instantiations into the wasm (about 7 KB
//! gzip) for what a binary search over a few elements does as well.

/// An ordered set of a few values, iterated in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    /// Adds `v`; false when it was there already.
    pub fn insert(&mut self, v: T) -> bool {
        match self.0.binary_search(&v) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, v);
                true
            }
        }
    }

    /// Removes `v`; false when it was not there.
    pub fn remove(&mut self, v: &T) -> bool {
        match self.0.binary_search(v) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, v: &T) -> bool {
        self.0.binary_search(v).is_ok()
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut s = Set::default();
        for v in iter {
            s.insert(v);
        }
        s
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_keeps_each_value_once_in_order() {
        let mut s: Set<&str> = ["b", "a", "b"].into_iter().collect();
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.insert("c") && !s.insert("a"));
        assert!(s.remove(&"a") && !s.remove(&"a"));
        assert!(s.contains(&"b") && !s.contains(&"a"));
        assert_eq!(s.len(), 2);
        s.clear();
        assert!(s.is_empty());
    }
}
