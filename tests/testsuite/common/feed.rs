//! Readers of the feeds, calendars and the sitemap a build writes: RSS and
//! Atom as XML, JSON Feed as JSON, iCalendar through the icalendar crate,
//! each checked for what its standard requires.

use std::collections::BTreeSet;

use icalendar::Component;

use super::{BASE_URL, Output};

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

/// An Atom feed's entries as (id, title, link), after checking the
/// elements RFC 4287 requires of the feed and of each entry.
pub fn atom_entries(xml: &str, path: &str) -> Vec<(String, String, String)> {
    const NS: &str = "http://www.w3.org/2005/Atom";
    let doc = roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((NS, "feed")), "{path}: an Atom feed");
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> Option<String> {
        node.children()
            .find(|n| n.has_tag_name((NS, name)))
            .map(|n| n.text().unwrap_or("").to_owned())
    };
    for required in ["id", "title", "updated"] {
        assert!(
            child(feed, required).is_some_and(|t| !t.is_empty()),
            "{path}: the feed needs <{required}>"
        );
    }
    assert!(
        feed.children()
            .any(|n| n.has_tag_name((NS, "author")) && child(n, "name").is_some()),
        "{path}: a feed-level author, as entries have none"
    );
    let self_link = feed
        .children()
        .find(|n| n.has_tag_name((NS, "link")) && n.attribute("rel") == Some("self"))
        .and_then(|n| n.attribute("href"))
        .unwrap_or_default();
    assert_eq!(
        self_link,
        format!("{BASE_URL}{path}"),
        "{path} names itself"
    );
    feed.children()
        .filter(|n| n.has_tag_name((NS, "entry")))
        .map(|entry| {
            for required in ["id", "title", "updated"] {
                assert!(
                    child(entry, required).is_some_and(|t| !t.is_empty()),
                    "{path}: an entry needs <{required}>"
                );
            }
            let link = entry
                .children()
                .find(|n| n.has_tag_name((NS, "link")))
                .and_then(|n| n.attribute("href"))
                .unwrap_or_else(|| panic!("{path}: an entry needs a link"))
                .to_owned();
            (
                child(entry, "id").unwrap(),
                child(entry, "title").unwrap(),
                link,
            )
        })
        .collect()
}

/// A JSON Feed's items, after checking the fields version 1.1 requires.
pub fn json_items(text: &str, path: &str) -> Vec<serde_json::Value> {
    let feed: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
    assert_eq!(
        feed["version"], "https://jsonfeed.org/version/1.1",
        "{path}"
    );
    assert!(feed["title"].is_string(), "{path}: title");
    assert_eq!(feed["feed_url"], format!("{BASE_URL}{path}"), "{path}");
    let items = feed["items"].as_array().expect("items").clone();
    for item in &items {
        assert!(item["id"].is_string(), "{path}: every item has an id");
        assert!(
            item["content_html"].is_string() || item["content_text"].is_string(),
            "{path}: every item has content_html or content_text"
        );
    }
    items
}

/// The calendar at `path`, read by the icalendar crate's parser after
/// checking the lines themselves: CRLF, at most 75 octets.
pub fn calendar(out: &Output, path: &str) -> icalendar::Calendar {
    let text = out.text(path);
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{path}");
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "{path}: a bare LF in {line:?}");
        assert!(line.len() <= 75, "{path}: {line:?} is over 75 octets");
    }
    text.parse()
        .unwrap_or_else(|e| panic!("{path} is not iCalendar: {e}\n{text}"))
}

/// A calendar's events as (UID, DTSTART in UTC, URL).
pub fn events(cal: &icalendar::Calendar) -> Vec<(String, String, String)> {
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            let start = match e.get_start() {
                Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t))) => {
                    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
                }
                other => panic!("DTSTART is not a UTC date-time: {other:?}"),
            };
            (
                e.get_uid().unwrap_or_default().to_owned(),
                start,
                e.get_url().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}
