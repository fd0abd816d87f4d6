//! The browser's side of the benchmark: plain HTTP/1.1 GETs of pages, the
//! reload channel a tab holds open, and reading a list page for the
//! advert it shows.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use careers::serve;

/// A list (the home page's, a band's) and the page of it showing the advert.
pub(crate) struct List {
    pub(crate) base: String,
    pub(crate) page: usize,
}

impl List {
    pub(crate) fn new(
        base: &str,
        position: Option<usize>,
        page_size: usize,
    ) -> Result<Self, String> {
        let position = position.ok_or(format!("the advert is not listed on {base}"))?;
        let size = if page_size == 0 {
            usize::MAX
        } else {
            page_size
        };
        Ok(Self {
            base: base.to_owned(),
            page: position / size + 1,
        })
    }

    pub(crate) fn url(&self, page: usize) -> String {
        match page {
            1 => self.base.clone(),
            n => format!("{}page/{n}/", self.base),
        }
    }

    /// Fetches the page that showed the advert (timed) and checks that the
    /// list shows `title`: there, or a page or two away if the new title
    /// moved it.
    pub(crate) fn fetch(&mut self, port: u16, title: &str) -> Result<Duration, String> {
        let answer = get(port, &self.url(self.page))?;
        if shows(&answer.body, title) {
            return Ok(answer.last_byte);
        }
        let near = self.page.saturating_sub(2).max(1)..=self.page + 2;
        for page in near {
            if get(port, &self.url(page)).is_ok_and(|a| shows(&a.body, title)) {
                self.page = page;
                return Ok(answer.last_byte);
            }
        }
        Err(format!("{} does not show \"{title}\"", self.url(self.page)))
    }
}

/// Whether the page `html`, as a browser shows its text (entities such as
/// `&#39;` decoded, tags gone, runs of white space as one), holds `text`.
pub(crate) fn shows(html: &str, text: &str) -> bool {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let page = scraper::Html::parse_document(html);
    let shown = words(&page.root_element().text().collect::<Vec<_>>().join(""));
    shown.contains(&words(text))
}

/// An answer, with when its first and last bytes came.
pub(crate) struct Answer {
    pub(crate) body: String,
    pub(crate) first_byte: Duration,
    pub(crate) last_byte: Duration,
}

pub(crate) fn get(port: u16, path: &str) -> Result<Answer, String> {
    let asked = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    let mut first = [0u8; 1];
    stream.read_exact(&mut first).map_err(|e| e.to_string())?;
    let first_byte = asked.elapsed();
    raw.push(first[0]);
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let last_byte = asked.elapsed();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").ok_or("an incomplete answer")?;
    if !head.starts_with("HTTP/1.1 200") {
        return Err(format!(
            "GET {path}: {}",
            head.lines().next().unwrap_or(head)
        ));
    }
    Ok(Answer {
        body: body.to_owned(),
        first_byte,
        last_byte,
    })
}

/// The reload channel, read as a browser tab reads it.
pub(crate) struct Tab {
    pub(crate) reader: BufReader<TcpStream>,
}

impl Tab {
    pub(crate) fn open(port: u16) -> Result<Self, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        write!(
            stream,
            "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
            serve::EVENTS_PATH
        )
        .map_err(|e| e.to_string())?;
        let mut tab = Self {
            reader: BufReader::new(stream),
        };
        tab.read_until("event: hello")?;
        Ok(tab)
    }

    pub(crate) fn wait_for_reload(&mut self) -> Result<(), String> {
        self.read_until("event: reload")
    }

    pub(crate) fn read_until(&mut self, wanted: &str) -> Result<(), String> {
        loop {
            let mut line = String::new();
            let n = self
                .reader
                .read_line(&mut line)
                .map_err(|e| format!("the reload channel: {e}"))?;
            if n == 0 {
                return Err("the reload channel closed".to_owned());
            }
            if line.trim_end() == wanted {
                return Ok(());
            }
        }
    }
}
