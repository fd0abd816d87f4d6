//! Fetching a source from an `https://` address with ureq and rustls:
//! timeouts, a limit on the size of what is read, and plain-English errors
//! when the machine is offline or the address answers with an error. Plain
//! `http://` is refused, except to 127.0.0.1 when a caller (a test) allows
//! it explicitly.

use std::io::Read;
use std::time::Duration;

/// The most a source may be.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// How an address is fetched.
#[derive(Debug, Clone, Default)]
pub struct FetchOptions {
    /// Allow `http://127.0.0.1` (tests serving fixtures), never other hosts.
    pub allow_local_http: bool,
}

/// What an address gave: its text and whether it said it is XML or HTML.
#[derive(Debug)]
pub struct Fetched {
    pub text: String,
    pub content_type: String,
}

/// Why an address could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("only https:// addresses are fetched, so nobody can change the advert on its way")]
    NotHttps,
    #[error("could not reach it: {0} (is this computer online?)")]
    Offline(String),
    #[error("the server answered {0}")]
    Status(u16),
    #[error("it is larger than {} MB", MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("its text could not be read: {0}")]
    Read(String),
}

/// Whether `source` names a web address rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Fetches `url`.
pub fn get(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let lower = url.to_ascii_lowercase();
    let local = lower.starts_with("http://127.0.0.1:") || lower.starts_with("http://127.0.0.1/");
    let allowed = lower.starts_with("https://") || (options.allow_local_http && local);
    if !allowed {
        return Err(FetchError::NotHttps);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .timeout_connect(Some(Duration::from_secs(10)))
        .max_redirects(5)
        .https_only(!local)
        .http_status_as_error(false)
        .user_agent(concat!("careers/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .get(url)
        .call()
        .map_err(|e| FetchError::Offline(e.to_string()))?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(FetchError::Status(status));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut bytes = Vec::new();
    response
        .into_body()
        .into_reader()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FetchError::Read(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(FetchError::TooLarge);
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| FetchError::Read("it is not UTF-8 text".to_owned()))?;
    Ok(Fetched { text, content_type })
}
