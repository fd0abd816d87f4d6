//! How the process takes memory from the kernel: settings the binary makes
//! before any work.

/// Turns transparent huge pages off for this process, where the kernel
/// allows it: for a one-off command such as a build. With them, each first
/// touch of the allocator's fresh memory zeroes 2 MiB at once: on a
/// 10,000-advert build that was 8 of 26 seconds of CPU, in the kernel, and
/// the build took longer, not shorter. `serve` keeps them: its rebuilds
/// reuse memory, and took 23 ms with them against 55 ms without. Best
/// effort: a kernel that refuses changes nothing else.
pub fn without_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
