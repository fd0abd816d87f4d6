//! Readers of the feeds and the sitemap a build writes, parsed as XML.

use std::collections::BTreeSet;

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
