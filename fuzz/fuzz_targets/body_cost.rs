//! Feeds Markdown bodies through rendering and sanitising and fails when
//! one takes longer than a fixed amount per byte: a body whose cost grows
//! faster than its size (deep nesting, many open tags) would let one advert
//! stall a whole build or `careers serve`.
#![no_main]

use std::time::{Duration, Instant};

use careers::markdown::render;
use libfuzzer_sys::fuzz_target;

/// Generous even for an instrumented build on a busy machine; a cost that
/// grows with the square of the size passes it within a few KB.
const PER_BYTE: Duration = Duration::from_micros(20);
const FIXED: Duration = Duration::from_millis(20);

fn timed(text: &str) -> Duration {
    let started = Instant::now();
    let _ = std::hint::black_box(render(std::hint::black_box(text), 1));
    started.elapsed()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bound = FIXED + PER_BYTE * u32::try_from(text.len()).unwrap_or(u32::MAX);
    // A slow run may be the machine, not the input: only the fastest of
    // three counts.
    let mut fastest = timed(text);
    for _ in 0..2 {
        if fastest <= bound {
            return;
        }
        fastest = fastest.min(timed(text));
    }
    assert!(
        fastest <= bound,
        "{} bytes took {fastest:?}, over {bound:?}",
        text.len()
    );
});
