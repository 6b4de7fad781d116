//! Per-thread cache of each token's summed input rows. News text repeats its words, and a
//! token's rows (word id and character n-grams) and their sum depend on the token alone, so
//! the sum is computed once; the line's mean is the sum of the cached sums over the rows.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::FastText;
use crate::error::Result;

/// Tokens kept per thread before the cache starts over (about 10 MB at dimension 16).
const MAX_TOKENS: usize = 100_000;

/// A token's summed rows and how many rows it has.
type Sum = (Box<[f32]>, usize);

thread_local! {
   static CACHE: RefCell<(u64, FxHashMap<Box<str>, Sum>)> = RefCell::new((u64::MAX, FxHashMap::default()));
}

/// Add the summed input rows of `token` under `model` to `hidden`; returns how many rows.
pub(crate) fn add_token(model: &FastText, token: &str, hidden: &mut [f32]) -> Result<usize> {
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.0 != model.id {
            // another model: its sums differ
            cache.0 = model.id;
            cache.1.clear();
        }
        if let Some((sum, n)) = cache.1.get(token) {
            add(hidden, sum);
            return Ok(*n);
        }
        let mut rows = Vec::new();
        model.dictionary.token_rows(token, &mut rows);
        let mut sum = vec![0.0f32; model.model.hidden_size()];
        model.model.add_rows(&rows, &mut sum)?;
        add(hidden, &sum);
        if cache.1.len() >= MAX_TOKENS {
            cache.1.clear();
        }
        cache.1.insert(Box::from(token), (sum.into_boxed_slice(), rows.len()));
        Ok(rows.len())
    })
}

fn add(hidden: &mut [f32], sum: &[f32]) {
    for (h, s) in hidden.iter_mut().zip(sum) {
        *h += *s;
    }
}

/// Empty this thread's cache (for measuring prediction on words never seen before).
pub fn clear() {
    CACHE.with(|cell| cell.borrow_mut().1.clear());
}
