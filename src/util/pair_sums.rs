//! The shared core of every actor × actor (or issue × issue) measure: for
//! each pair of rows that meet on a shared entity, the sum over those
//! entities of a function of the two rows' values.
//!
//! A row-by-row sparse product (Gustavson), in O(Σₛ nₛ²) time and O(rows)
//! scratch memory. Used by the discourse network kernel and by the stance
//! graph's agreement and conflict counts.

use crate::util::rows::Rows;

/// The shared core of every actor × actor (or issue × issue) measure: for
/// each pair of rows that meet on a shared entity, the sum over those
/// entities of `f(row₁'s value, row₂'s value)`.
///
/// `by_row[r]` lists (shared entity, value) and `by_shared[s]` lists
/// (row, value), each sorted by its first field. Pairs come out once, with
/// row₁ < row₂, ordered by (row₁, row₂), to `sink`: a row-by-row sparse
/// product (Gustavson), in O(Σₛ nₛ²) time and O(rows) scratch memory.
pub(crate) fn pair_sums<L: Copy, const K: usize>(
    by_row: &Rows<(u32, L)>,
    by_shared: &Rows<(u32, L)>,
    n: usize,
    f: impl Fn(L, L) -> [f64; K],
    mut sink: impl FnMut(usize, usize, [f64; K]),
) {
    let mut sums = vec![[0.0; K]; n];
    let mut touched_flag = vec![false; n];
    let mut touched: Vec<usize> = Vec::new();
    for r1 in 0..n {
        for &(s, l1) in by_row.row(r1) {
            let list = by_shared.row(s as usize);
            let start = list.partition_point(|&(r, _)| r as usize <= r1);
            for &(r2, l2) in &list[start..] {
                let r2 = r2 as usize;
                if !touched_flag[r2] {
                    touched_flag[r2] = true;
                    touched.push(r2);
                }
                let v = f(l1, l2);
                for (sum, x) in sums[r2].iter_mut().zip(v) {
                    *sum += x;
                }
            }
        }
        touched.sort_unstable();
        for &r2 in &touched {
            sink(r1, r2, sums[r2]);
            sums[r2] = [0.0; K];
            touched_flag[r2] = false;
        }
        touched.clear();
    }
}
