//! A list of lists kept in one: a trial's values by section (its photos' lines and places,
//! its paragraphs set loose). The search clones a trial for every move it weighs; kept so, a
//! clone is one allocation a field, not one a section.

use std::ops::{Index, IndexMut};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Nested<T> {
    values: Vec<T>,
    /// Where each list starts in `values`, and last where the last ends (shared by clones:
    /// moves change values, never how many a list holds).
    bounds: Arc<[usize]>,
}

impl<T> Nested<T> {
    pub(super) fn from_lists(lists: impl IntoIterator<Item = Vec<T>>) -> Self {
        let mut values = Vec::new();
        let mut bounds = vec![0];
        for list in lists {
            values.extend(list);
            bounds.push(values.len());
        }
        Nested {
            values,
            bounds: bounds.into(),
        }
    }

    /// Each list, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &[T]> {
        self.bounds.windows(2).map(|b| &self.values[b[0]..b[1]])
    }

    /// Each list, in order, to change in place.
    pub(super) fn iter_mut(&mut self) -> impl Iterator<Item = &mut [T]> {
        let mut rest = self.values.as_mut_slice();
        let bounds = Arc::clone(&self.bounds);
        (0..bounds.len() - 1).map(move |i| {
            let (list, tail) = std::mem::take(&mut rest).split_at_mut(bounds[i + 1] - bounds[i]);
            rest = tail;
            list
        })
    }
}

impl<T> Index<usize> for Nested<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        &self.values[self.bounds[i]..self.bounds[i + 1]]
    }
}

impl<T> IndexMut<usize> for Nested<T> {
    fn index_mut(&mut self, i: usize) -> &mut [T] {
        &mut self.values[self.bounds[i]..self.bounds[i + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::Nested;

    #[test]
    fn keeps_each_list_apart() {
        let mut n = Nested::from_lists([vec![1, 2], vec![], vec![3]]);
        assert_eq!(n.iter().collect::<Vec<_>>(), [&[1, 2][..], &[], &[3]]);
        n[0][1] = 5;
        for list in n.iter_mut() {
            list.iter_mut().for_each(|v| *v += 1);
        }
        assert_eq!((&n[0], &n[1], &n[2]), (&[2, 6][..], &[][..], &[4][..]));
        let copy = n.clone();
        n[2][0] = 0;
        assert_eq!(copy[2], [4]);
    }
}
