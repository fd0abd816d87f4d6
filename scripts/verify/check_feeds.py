#!/usr/bin/env python3
# Feeds check: every feed.xml in the built site (/feed.xml,
# /bands/*/feed.xml, /locations/*/feed.xml, and any other) is RSS 2.0 that
# Python's feedparser reads with bozo == 0; the channel has a title, an
# absolute link and a description; every item has a title, an absolute
# http(s) link, a guid and an RFC 822 pubDate; guids are unique within a feed.
# Every band and location page has its feed beside it.
#
# usage: check_feeds.py SITE_DIR      (run with the verify venv's python)
import email.utils
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitelib import Report, files_named  # noqa: E402

import feedparser  # noqa: E402


def absolute_http(url):
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def text(el, name):
    child = el.find(name)
    return None if child is None else (child.text or "").strip()


def check_feed(site, rel, report):
    path = os.path.join(site, rel)
    parsed = feedparser.parse(path)
    if parsed.bozo:
        report.problem(rel, f"feedparser bozo: {parsed.get('bozo_exception')!r}")
    if parsed.get("version") != "rss20":
        report.problem(rel, f"not RSS 2.0 (feedparser says {parsed.get('version')!r})")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        report.problem(rel, f"not well-formed XML: {e}")
        return 0
    if root.tag != "rss" or root.get("version") != "2.0":
        report.problem(rel, f"root element is <{root.tag} version={root.get('version')!r}>, not <rss version=\"2.0\">")
    channel = root.find("channel")
    if channel is None:
        report.problem(rel, "no <channel>")
        return 0
    for name in ("title", "link", "description"):
        if not text(channel, name):
            report.problem(rel, f"channel has no <{name}>")
    if text(channel, "link") and not absolute_http(text(channel, "link")):
        report.problem(rel, f"channel <link> is not an absolute http(s) URL: {text(channel, 'link')!r}")
    for atom in channel.findall("{http://www.w3.org/2005/Atom}link"):
        if not absolute_http(atom.get("href")):
            report.problem(rel, f"atom:link href is not absolute: {atom.get('href')!r}")
    guids = {}
    items = channel.findall("item")
    for i, item in enumerate(items, 1):
        where = f"{rel} item {i}"
        title = text(item, "title")
        if not title:
            report.problem(where, "no <title>")
        else:
            where += f" ({title[:50]})"
        link = text(item, "link")
        if not link:
            report.problem(where, "no <link>")
        elif not absolute_http(link):
            report.problem(where, f"<link> is not an absolute http(s) URL: {link!r}")
        guid = text(item, "guid")
        if not guid:
            report.problem(where, "no <guid>")
        else:
            if guid in guids:
                report.problem(where, f"guid {guid!r} repeats item {guids[guid]}")
            guids.setdefault(guid, i)
            is_permalink = item.find("guid").get("isPermaLink", "true")
            if is_permalink == "true" and not absolute_http(guid):
                report.problem(where, f"guid {guid!r} is a permalink (isPermaLink not \"false\") but not an absolute URL")
        pub = text(item, "pubDate")
        if not pub:
            report.problem(where, "no <pubDate>")
        else:
            try:
                if email.utils.parsedate_to_datetime(pub) is None:
                    raise ValueError
            except (TypeError, ValueError):
                report.problem(where, f"pubDate {pub!r} is not an RFC 822 date")
    if len(parsed.entries) != len(items):
        report.problem(rel, f"feedparser saw {len(parsed.entries)} items, the XML has {len(items)}")
    return len(items)


def main():
    site = sys.argv[1]
    report = Report("feeds")
    feeds = files_named(site, "feed.xml")
    if "feed.xml" not in feeds:
        report.problem("feed.xml", "the site has no root feed")
    # every band and town page has a feed beside it (spec section 5)
    for section in ("bands", "locations"):
        base = os.path.join(site, section)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if name == "page":
                continue
            d = os.path.join(base, name)
            if os.path.isfile(os.path.join(d, "index.html")) and not os.path.isfile(os.path.join(d, "feed.xml")):
                report.problem(f"{section}/{name}/", "has a page but no feed.xml")
    items = sum(check_feed(site, rel, report) for rel in feeds)
    return report.finish(f"{len(feeds)} feeds, {items} items")


if __name__ == "__main__":
    sys.exit(main())
