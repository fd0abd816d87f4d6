//! How long each stage of a build took, for `build --timings`.

/// How long each stage of a build took, for `build --timings`.
#[derive(Debug, Clone)]
pub struct Timings {
    last: std::time::Instant,
    pub stages: Vec<(&'static str, std::time::Duration)>,
}

impl Timings {
    pub(crate) fn start() -> Self {
        Self {
            last: std::time::Instant::now(),
            stages: Vec::new(),
        }
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = std::time::Instant::now();
        self.stages.push((stage, now - self.last));
        self.last = now;
    }
}
