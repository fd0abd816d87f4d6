//! How the process takes memory from the kernel: settings the binary makes
//! before any work.

/// Turns transparent huge pages off for this process, where the kernel
/// allows it: for a one-off command such as a build. With them, each first
/// touch of the allocator's fresh memory zeroes 2 MiB at once: turning
/// them off took a 10,000-advert build's time in the kernel from 10.0 to
/// 4.5 seconds, and its wall time from 22.7 to 19.3. `serve` keeps them:
/// its rebuilds reuse memory, and took about 25 ms with them against 55 ms
/// without. Best effort: a kernel that refuses changes nothing else.
pub fn without_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
