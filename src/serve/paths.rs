//! Request URLs to paths of the output, refusing anything that climbs out
//! of the site, and content types by file extension.

/// Why a request URL names nothing the server can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadPath {
    /// Not an absolute path (`http://...`, `*`, or no leading `/`).
    NotAPath,
    /// Percent-escapes that are not UTF-8, a NUL, or a backslash.
    Malformed,
    /// A `..` segment: an attempt to leave the served site.
    Traversal,
}

/// A request path, decoded and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPath {
    /// Without the leading `/`, segments joined by `/`, with a trailing `/`
    /// if the URL had one: `""`, `jobs/nurse/`, `css/careers.css`.
    pub path: String,
    /// The query string, with its `?`, to keep in redirects.
    pub query: String,
}

/// Decodes and normalises the path of a request URL. `.` and empty
/// segments are dropped; a `..` segment, even percent-encoded, is refused.
pub fn parse(url: &str) -> Result<RequestPath, BadPath> {
    let url = url.split('#').next().unwrap_or_default();
    let (raw, query) = match url.split_once('?') {
        Some((raw, query)) => (raw, format!("?{query}")),
        None => (url, String::new()),
    };
    if !raw.starts_with('/') {
        return Err(BadPath::NotAPath);
    }
    let decoded = percent_decode(raw).ok_or(BadPath::Malformed)?;
    if decoded.contains(['\0', '\\']) {
        return Err(BadPath::Malformed);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(BadPath::Traversal),
            s => segments.push(s),
        }
    }
    let mut path = segments.join("/");
    if !path.is_empty() && decoded.ends_with('/') {
        path.push('/');
    }
    Ok(RequestPath { path, query })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file by its extension.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "rtf" => "application/rtf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(url: &str) -> Result<String, BadPath> {
        parse(url).map(|p| p.path)
    }

    #[test]
    fn normalises_paths() {
        assert_eq!(path("/").unwrap(), "");
        assert_eq!(path("/jobs/nurse/").unwrap(), "jobs/nurse/");
        assert_eq!(path("/jobs//nurse/./").unwrap(), "jobs/nurse/");
        assert_eq!(path("/jobs/nurse").unwrap(), "jobs/nurse");
        assert_eq!(path("/St%20Mary%27s/").unwrap(), "St Mary's/");
        assert_eq!(path("/T%C5%B7/?a=1#x").unwrap(), "Tŷ/");
        assert_eq!(parse("/jobs?page=2").unwrap().query, "?page=2");
    }

    #[test]
    fn refuses_traversal_and_garbage() {
        assert_eq!(path("/../Cargo.toml"), Err(BadPath::Traversal));
        assert_eq!(path("/jobs/../../etc/passwd"), Err(BadPath::Traversal));
        assert_eq!(path("/%2e%2e/Cargo.toml"), Err(BadPath::Traversal));
        assert_eq!(path("/..%2fCargo.toml"), Err(BadPath::Traversal));
        assert_eq!(path("/a%5c..%5cb"), Err(BadPath::Malformed));
        assert_eq!(path("/a%00"), Err(BadPath::Malformed));
        assert_eq!(path("/%ff"), Err(BadPath::Malformed));
        assert_eq!(path("/%4"), Err(BadPath::Malformed));
        assert_eq!(path("http://x/"), Err(BadPath::NotAPath));
        assert_eq!(path("*"), Err(BadPath::NotAPath));
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("css/careers.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("documents/JD.PDF"), "application/pdf");
        assert_eq!(content_type("fonts/a.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
