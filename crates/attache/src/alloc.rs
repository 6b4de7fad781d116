//! The global allocator: mimalloc, asked for a plain block whenever the layout's alignment is
//! one that every mimalloc block has. The `mimalloc` crate always takes mimalloc's aligned
//! path, which costs about twice the instructions of the plain one (BENCHMARKS.md,
//! "Allocator").

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Every mimalloc block is aligned to a machine word: its size classes are whole words.
const WORD_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc, with the plain path for word-aligned layouts.
pub struct Mimalloc;

// SAFETY: every path hands mimalloc a size and, where the alignment exceeds a word, that
// alignment; mimalloc returns null on failure, as `GlobalAlloc` requires, and `mi_free`
// takes any block from either path.
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            // SAFETY: a plain block is word-aligned, so aligned for this layout
            unsafe { mi::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: the alignment of a `Layout` is a power of two
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            // SAFETY: as in `alloc`
            unsafe { mi::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as in `alloc`
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            // SAFETY: `ptr` came from this allocator; the new block is word-aligned
            unsafe { mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast() }
        } else {
            // SAFETY: `ptr` came from this allocator with this alignment
            unsafe { mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_their_layout_asks() {
        let a = Mimalloc;
        for size in [1usize, 3, 8, 12, 24, 40, 100, 1000, 5000, 70_000] {
            for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
                let Ok(layout) = Layout::from_size_align(size, align) else { continue };
                // SAFETY: a non-zero size; the block is freed with the same allocator
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    let q = a.realloc(p, layout, size * 3);
                    assert!(!q.is_null());
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap_or(layout));
                    let z = a.alloc_zeroed(layout);
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
