//! Shared helpers for the integration tests: a fixture site written into a
//! temporary folder from Rust strings, built with the library, and small
//! readers that parse what the build wrote.
//!
//! Each test module uses only some of these helpers.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use careers::site::Visibility;
use careers::{BuildOptions, Error, Report};
use scraper::{Html, Selector};
use tempfile::TempDir;

/// The base URL every fixture uses unless it writes its own site.yaml.
pub const BASE_URL: &str = "https://example.nhs.uk/careers/";

/// A minimal valid site.yaml; tests append settings to it.
pub const SITE_YAML: &str = "\
title: Example Trust careers
base_url: https://example.nhs.uk/careers/
employer: Example NHS Foundation Trust
";

/// The front matter of one vacancy, built up field by field.
#[derive(Debug, Clone)]
pub struct Job {
    title: String,
    reference: String,
    band: String,
    location: String,
    posted: String,
    closes: String,
    extra: Vec<String>,
}

impl Job {
    /// An advert posted 2026-01-01 that closes 2026-12-31, band 5, in Dartford.
    pub fn new(title: &str, reference: &str) -> Self {
        Self {
            title: yaml_string(title),
            reference: yaml_string(reference),
            band: "5".to_owned(),
            location: "location: Dartford".to_owned(),
            posted: "2026-01-01".to_owned(),
            closes: "2026-12-31".to_owned(),
            extra: Vec::new(),
        }
    }

    /// The band exactly as YAML text: `6`, `"6"`, `Band 6`, `Consultant`.
    pub fn band(mut self, yaml: &str) -> Self {
        self.band = yaml.to_owned();
        self
    }

    /// A single town.
    pub fn town(mut self, town: &str) -> Self {
        self.location = format!("location: {}", yaml_string(town));
        self
    }

    /// The whole `location:`/`locations:` entry as YAML.
    pub fn locations_yaml(mut self, yaml: &str) -> Self {
        self.location = yaml.trim_end().to_owned();
        self
    }

    pub fn posted(mut self, date: &str) -> Self {
        self.posted = date.to_owned();
        self
    }

    pub fn closes(mut self, date: &str) -> Self {
        self.closes = date.to_owned();
        self
    }

    /// Any other front matter, as YAML lines.
    pub fn with(mut self, yaml: &str) -> Self {
        self.extra.push(yaml.trim_end().to_owned());
        self
    }

    pub fn front_matter(&self) -> String {
        let mut text = format!(
            "title: {}\nreference: {}\nband: {}\n{}\nposted: {}\ncloses: {}\n",
            self.title, self.reference, self.band, self.location, self.posted, self.closes
        );
        for line in &self.extra {
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// A double-quoted YAML string, safe for any text.
pub fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

/// A site in a temporary folder.
pub struct Fixture {
    dir: Arc<TempDir>,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixture {
    /// An empty site with the default site.yaml and a `content/jobs` folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixture = Self { dir: Arc::new(dir) };
        fixture.write("content/jobs/.keep", "");
        fixture.site_yaml(SITE_YAML)
    }

    /// The site root (holding `content/`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder, `<root>/public`.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes any file under the site root, making its folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        fs::write(&path, bytes).expect("write fixture file");
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root().join(rel)).expect("remove fixture file");
        self
    }

    /// Replaces content/site.yaml.
    pub fn site_yaml(self, yaml: &str) -> Self {
        self.write("content/site.yaml", yaml);
        self
    }

    /// The default site.yaml plus these settings.
    pub fn settings(self, yaml: &str) -> Self {
        self.site_yaml(&format!("{SITE_YAML}{}\n", yaml.trim_end()))
    }

    /// content/jobs/<file> with this front matter (without `---` lines) and body.
    pub fn job(self, file: &str, front_matter: &str, body: &str) -> Self {
        self.write(
            &format!("content/jobs/{file}"),
            &format!("---\n{}---\n{body}", ensure_newline(front_matter)),
        );
        self
    }

    /// content/jobs/<file> from a `Job`, with a short body.
    pub fn vacancy(self, file: &str, job: Job) -> Self {
        self.job(
            file,
            &job.front_matter(),
            "## Job summary\n\nA rewarding role in a friendly team.\n",
        )
    }

    /// content/pages/<file>.
    pub fn page(self, file: &str, front_matter: &str, body: &str) -> Self {
        self.write(
            &format!("content/pages/{file}"),
            &format!("---\n{}---\n{body}", ensure_newline(front_matter)),
        );
        self
    }

    /// Options building into `<root>/public` as of `now`.
    pub fn options(&self, now: &str) -> BuildOptions {
        BuildOptions {
            root: self.root().to_owned(),
            now: Some(now.to_owned()),
            visibility: Visibility::default(),
            ..BuildOptions::default()
        }
    }

    pub fn try_build(&self, now: &str) -> Result<Report, Error> {
        careers::build(&self.options(now))
    }

    /// Builds into `<root>/public`, panicking with the diagnostics on failure.
    pub fn build(&self, now: &str) -> Output {
        self.build_with(self.options(now))
    }

    /// Builds with drafts shown.
    pub fn build_drafts(&self, now: &str) -> Output {
        let mut options = self.options(now);
        options.visibility.drafts = true;
        self.build_with(options)
    }

    pub fn build_with(&self, options: BuildOptions) -> Output {
        let dir = options.output_dir();
        match careers::build(&options) {
            Ok(_) => Output {
                dir,
                _site: Some(Arc::clone(&self.dir)),
            },
            Err(Error::Invalid(problems)) => panic!("the build failed:\n{problems}"),
            Err(err) => panic!("the build failed: {err}"),
        }
    }

    /// The diagnostics of a build that must fail as invalid.
    pub fn build_errors(&self, now: &str) -> careers::diagnostics::Diagnostics {
        match self.try_build(now) {
            Err(Error::Invalid(problems)) => problems,
            Err(err) => panic!("expected invalid content, got {err}"),
            Ok(_) => panic!("expected the build to fail"),
        }
    }
}

fn ensure_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

/// A built output folder. It keeps the fixture's temporary folder alive,
/// so `Fixture::new()...build(now)` can be used in one expression.
pub struct Output {
    pub dir: PathBuf,
    _site: Option<Arc<TempDir>>,
}

impl Output {
    /// An output folder made some other way (e.g. the example site's build).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            _site: None,
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).is_file()
    }

    pub fn text(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel))
            .unwrap_or_else(|e| panic!("cannot read {rel} in the output: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.text(rel))
    }

    /// Every file's bytes, by path relative to the output folder.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.dir)
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("under root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(rel, fs::read(&path).expect("read file"));
        }
    }
}

pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

/// The trimmed text of every element matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// The one element matching `css`, as text.
pub fn text_of(html: &Html, css: &str) -> String {
    let found = texts(html, css);
    assert_eq!(found.len(), 1, "expected one {css}, found {found:?}");
    found.into_iter().next().unwrap()
}

/// The whole visible text of a page, whitespace collapsed.
pub fn page_text(html: &Html) -> String {
    let body = html
        .select(&selector("body"))
        .next()
        .expect("a body element");
    let mut words = Vec::new();
    visible_text(body, &mut words);
    words.join(" ")
}

/// The words of `element` a reader sees: not those of a `hidden` element
/// (a notice the page script may show later), a script or a style.
pub fn visible_text(element: scraper::ElementRef<'_>, words: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(text) => words.extend(text.split_whitespace().map(str::to_owned)),
            scraper::Node::Element(e)
                if e.attr("hidden").is_none() && !matches!(e.name(), "script" | "style") =>
            {
                visible_text(scraper::ElementRef::wrap(child).expect("an element"), words);
            }
            _ => {}
        }
    }
}

/// The links to vacancy pages in a page's main content, each with its
/// text, in order (a card that links twice counts once).
pub fn vacancy_links(html: &Html) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for a in html.select(&selector("main a[href]")) {
        let href = a.value().attr("href").unwrap_or("");
        let is_job = href
            .trim_end_matches('/')
            .rsplit_once("jobs/")
            .is_some_and(|(_, slug)| !slug.is_empty() && !slug.contains('/'));
        if !is_job || found.last().is_some_and(|(h, _)| h == href) {
            continue;
        }
        let text = a.text().collect::<String>();
        found.push((
            href.to_owned(),
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    }
    found
}

/// The text of a page's main content, whitespace collapsed.
pub fn main_text(html: &Html) -> String {
    let mut words = Vec::new();
    for main in html.select(&selector("main")) {
        visible_text(main, &mut words);
    }
    words.join(" ")
}

/// The `href`s of the links in a page's main content marked with `rel`
/// (`next`, `prev`) or whose text starts with `word` ("Next", "Previous").
pub fn rel_links(html: &Html, rel: &str, word: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for a in html.select(&selector("main a[href]")) {
        let rels = a.value().attr("rel").unwrap_or("");
        let text = a.text().collect::<String>();
        if rels.split_whitespace().any(|r| r == rel) || text.trim().starts_with(word) {
            let href = a.value().attr("href").unwrap().to_owned();
            if !found.contains(&href) {
                found.push(href);
            }
        }
    }
    found
}

/// The titles of the vacancies a list page shows, in order.
pub fn listed_titles(html: &Html) -> Vec<String> {
    vacancy_links(html).into_iter().map(|(_, t)| t).collect()
}

/// The `href`s of the vacancies a list page shows, in order.
pub fn listed_links(html: &Html) -> Vec<String> {
    vacancy_links(html).into_iter().map(|(h, _)| h).collect()
}

/// The value of `attr` on every element matching `css`.
pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    html.select(&selector(css))
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// Whether the page asks search engines not to index it.
pub fn is_noindex(html: &Html) -> bool {
    attrs(html, "meta[name=robots]", "content")
        .iter()
        .any(|c| c.contains("noindex"))
}

/// Every JSON-LD block of a page, parsed.
pub fn json_ld(html: &Html) -> Vec<serde_json::Value> {
    html.select(&selector(r#"script[type="application/ld+json"]"#))
        .map(|e| {
            let text: String = e.text().collect();
            serde_json::from_str(&text)
                .unwrap_or_else(|err| panic!("JSON-LD does not parse: {err}\n{text}"))
        })
        .collect()
}

/// The items of an RSS feed, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    pub title: String,
    pub link: String,
    pub guid: String,
    pub guid_is_permalink: Option<String>,
    pub pub_date: String,
}

/// An RSS feed, parsed with roxmltree.
#[derive(Debug, Clone)]
pub struct Feed {
    pub channel_link: String,
    pub self_link: String,
    pub self_rel: String,
    pub items: Vec<FeedItem>,
}

impl Feed {
    pub fn guids(&self) -> Vec<String> {
        self.items.iter().map(|i| i.guid.clone()).collect()
    }

    pub fn guid_set(&self) -> BTreeSet<String> {
        self.items.iter().map(|i| i.guid.clone()).collect()
    }
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

pub fn parse_feed(xml: &str) -> Feed {
    let doc = roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("the feed is not well-formed XML: {e}\n{xml}"));
    let rss = doc.root_element();
    assert_eq!(rss.tag_name().name(), "rss", "an RSS document");
    assert_eq!(rss.attribute("version"), Some("2.0"), "RSS 2.0");
    let channels: Vec<_> = rss
        .children()
        .filter(|n| n.has_tag_name("channel"))
        .collect();
    assert_eq!(channels.len(), 1, "one channel");
    let channel = channels[0];
    let child_text = |node: roxmltree::Node, name: &str| -> Option<String> {
        node.children()
            .find(|n| {
                n.is_element() && n.tag_name().name() == name && n.tag_name().namespace().is_none()
            })
            .map(|n| n.text().unwrap_or("").to_owned())
    };
    for required in ["title", "link", "description"] {
        assert!(
            child_text(channel, required).is_some(),
            "the channel needs <{required}>"
        );
    }
    let atom_link = channel
        .children()
        .find(|n| n.has_tag_name((ATOM, "link")))
        .expect("an atom:link in the channel");
    let items = channel
        .children()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let guid = item
                .children()
                .find(|n| n.has_tag_name("guid"))
                .expect("every item has a guid");
            FeedItem {
                title: child_text(item, "title").expect("item title"),
                link: child_text(item, "link").expect("item link"),
                guid: guid.text().unwrap_or("").to_owned(),
                guid_is_permalink: guid.attribute("isPermaLink").map(str::to_owned),
                pub_date: child_text(item, "pubDate").expect("item pubDate"),
            }
        })
        .collect();
    Feed {
        channel_link: child_text(channel, "link").unwrap(),
        self_link: atom_link.attribute("href").unwrap_or("").to_owned(),
        self_rel: atom_link.attribute("rel").unwrap_or("").to_owned(),
        items,
    }
}

/// The `<loc>`s of a sitemap.
pub fn sitemap_urls(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("the sitemap is not well-formed XML: {e}\n{xml}"));
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assert!(doc.root_element().has_tag_name((ns, "urlset")));
    doc.descendants()
        .filter(|n| n.has_tag_name((ns, "loc")))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

pub fn set<const N: usize>(items: [&str; N]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The facts of a vacancy page: each `<dt>` in its main content with the
/// `<dd>` that follows it, whitespace collapsed.
pub fn facts(html: &Html) -> BTreeMap<String, String> {
    let squash = |e: scraper::ElementRef| {
        e.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut facts = BTreeMap::new();
    for dt in html.select(&selector("main dt")) {
        let dd = dt
            .next_siblings()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "dd")
            .unwrap_or_else(|| panic!("{} has a value", squash(dt)));
        facts.entry(squash(dt)).or_insert_with(|| squash(dd));
    }
    facts
}

/// Every file of the output whose path ends with `suffix`.
pub fn output_files(out: &Output, suffix: &str) -> Vec<String> {
    out.files()
        .into_keys()
        .filter(|p| p.ends_with(suffix))
        .collect()
}

/// Every list page (home, band, town and their later pages): each HTML
/// file outside `jobs/` that shows vacancy cards.
pub fn list_pages(out: &Output) -> Vec<String> {
    output_files(out, ".html")
        .into_iter()
        .filter(|p| !p.starts_with("jobs/") && p != "404.html")
        .collect()
}

/// The open vacancy at `jobs/<slug>/` is published: indexed page with
/// JSON-LD, on the home page, in the main feed and the sitemap.
pub fn assert_open(out: &Output, slug: &str, reference: &str) {
    let page = format!("jobs/{slug}/index.html");
    assert!(out.exists(&page), "{page} exists");
    let html = out.html(&page);
    assert!(!is_noindex(&html), "{page} is indexable");
    assert!(
        !main_text(&html).to_lowercase().contains("closed"),
        "{page} is not marked closed"
    );
    assert_eq!(json_ld(&html).len(), 1, "{page} has JSON-LD");
    let home = out.html("index.html");
    assert!(
        listed_links(&home).contains(&format!("jobs/{slug}/")),
        "{slug} is on the home page"
    );
    assert!(
        parse_feed(&out.text("feed.xml"))
            .guid_set()
            .contains(reference),
        "{reference} is in feed.xml"
    );
    assert!(
        sitemap_urls(&out.text("sitemap.xml")).contains(&format!("{BASE_URL}jobs/{slug}/")),
        "{slug} is in the sitemap"
    );
}

/// The vacancy at `jobs/<slug>/` is closed: its page is kept, marked closed
/// and noindex, without JSON-LD, and it has left every list, feed and the
/// sitemap.
pub fn assert_closed(out: &Output, slug: &str, reference: &str) {
    let page = format!("jobs/{slug}/index.html");
    assert!(out.exists(&page), "{page} is kept");
    let html = out.html(&page);
    assert!(is_noindex(&html), "{page} is noindex");
    assert!(
        main_text(&html).to_lowercase().contains("closed"),
        "{page} says it has closed"
    );
    assert!(json_ld(&html).is_empty(), "{page} has no JSON-LD");
    assert_unlisted(out, slug, reference);
}

/// No list page links to `jobs/<slug>/` from a vacancy card, and no feed
/// nor the sitemap names it.
pub fn assert_unlisted(out: &Output, slug: &str, reference: &str) {
    let tail = format!("jobs/{slug}/");
    for list in list_pages(out) {
        let links = listed_links(&out.html(&list));
        assert!(
            !links.iter().any(|l| l.ends_with(&tail)),
            "{slug} is not listed on {list}: {links:?}"
        );
    }
    let feeds = output_files(out, "feed.xml");
    assert!(!feeds.is_empty());
    for feed in feeds {
        let feed_xml = parse_feed(&out.text(&feed));
        assert!(
            !feed_xml.guid_set().contains(reference),
            "{reference} is not in {feed}"
        );
        assert!(
            !feed_xml.items.iter().any(|i| i.link.ends_with(&tail)),
            "{slug} is not linked from {feed}"
        );
    }
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    assert!(
        !urls.iter().any(|u| u.ends_with(&tail)),
        "{slug} is not in the sitemap"
    );
}

/// The path prefix the link tests serve the site under.
pub const SERVED_AT: &str = "/careers/";

/// Whether `href` is a link this site resolves itself (relative, not to
/// another scheme or a fragment of the same page).
pub fn is_relative(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    !(lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with('#')
        || lower.starts_with('/')
        || lower.starts_with("//"))
}

/// Resolves a relative `href` found in the output file `page` (e.g.
/// `jobs/nurse/index.html`) as a browser would with the site served under
/// `/careers/`, and returns the output file it names (a URL ending in `/`
/// means its `index.html`), or `None` if it leaves the site.
pub fn resolve(page: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let page_url = format!("{SERVED_AT}{page}");
    let base_dir = &page_url[..page_url.rfind('/').expect("a slash") + 1];
    let joined = if href.starts_with('/') {
        href.to_owned()
    } else {
        format!("{base_dir}{href}")
    };
    // An empty href is the page itself.
    let joined = if href.is_empty() {
        page_url.clone()
    } else {
        joined
    };
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        match *part {
            "" if i == 0 => {}
            ".." => {
                segments.pop();
                if last {
                    segments.push("");
                }
            }
            "." => {
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    let path = format!("/{}", segments.join("/"));
    let rel = path.strip_prefix(SERVED_AT)?;
    if rel.is_empty() || rel.ends_with('/') {
        Some(format!("{rel}index.html"))
    } else {
        Some(rel.to_owned())
    }
}

/// Follows the link `href` of `page` to an output file that must exist.
pub fn follow(out: &Output, page: &str, href: &str) -> String {
    let target =
        resolve(page, href).unwrap_or_else(|| panic!("{href} on {page} leaves {SERVED_AT}"));
    assert!(
        out.exists(&target),
        "{href} on {page} resolves to {target}, which does not exist"
    );
    target
}

/// The machine-readable closing moment on a vacancy page: the one moment
/// (written in one or more `<time datetime>`s) in its main content that
/// holds a time of day.
pub fn closing_moment(html: &Html) -> String {
    let mut moments: Vec<String> = attrs(html, "main time", "datetime")
        .into_iter()
        .filter(|d| d.contains('T'))
        .collect();
    moments.dedup();
    assert_eq!(moments.len(), 1, "one closing moment: {moments:?}");
    moments.into_iter().next().unwrap()
}
