#!/usr/bin/env python3
# Feeds check: every feed.xml in the built site (/feed.xml,
# /bands/*/feed.xml, /locations/*/feed.xml, and any other) is RSS 2.0 that
# Python's feedparser reads with bozo == 0; the channel has a title, an
# absolute link and a description; every item has a title, an absolute
# http(s) link, a guid and an RFC 822 pubDate; guids are unique within a feed.
# Every band and location page has its feed beside it.
# Where the site has Atom feeds (careers writes atom.xml, feed.json and
# closing-dates.ics beside every feed.xml), each feed.xml has all three
# beside it: the Atom feed is read by feedparser as Atom 1.0 with bozo == 0,
# has RFC 4287's id, title and updated (and so has each entry, with a link)
# and holds the RSS feed's items in the same order; feed.json has JSON Feed
# 1.1's version, title and items each with an id and content_html or
# content_text; every .ics is CRLF lines of at most 75 octets, one
# VCALENDAR with VERSION and PRODID, each VEVENT with a UID, a DTSTAMP and
# a DTSTART in UTC.
#
# usage: check_feeds.py SITE_DIR      (run with the verify venv's python)
import email.utils
import json
import os
import re
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


ATOM = "{http://www.w3.org/2005/Atom}"


def rss_links(site, rel):
    try:
        channel = ET.parse(os.path.join(site, rel)).getroot().find("channel")
    except ET.ParseError:
        return None
    return [text(item, "link") for item in channel.findall("item")] if channel is not None else None


def check_atom(site, rel, rss_rel, report):
    path = os.path.join(site, rel)
    parsed = feedparser.parse(path)
    if parsed.bozo:
        report.problem(rel, f"feedparser bozo: {parsed.get('bozo_exception')!r}")
    if parsed.get("version") != "atom10":
        report.problem(rel, f"not Atom 1.0 (feedparser says {parsed.get('version')!r})")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        report.problem(rel, f"not well-formed XML: {e}")
        return
    for name in ("id", "title", "updated"):
        if not text(root, ATOM + name):
            report.problem(rel, f"feed has no <{name}>")
    links = []
    for i, entry in enumerate(root.findall(ATOM + "entry"), 1):
        for name in ("id", "title", "updated"):
            if not text(entry, ATOM + name):
                report.problem(f"{rel} entry {i}", f"entry has no <{name}>")
        link = entry.find(ATOM + "link")
        href = link.get("href") if link is not None else None
        if not absolute_http(href):
            report.problem(f"{rel} entry {i}", f"entry has no absolute <link>: {href!r}")
        links.append(href)
    if rss_links(site, rss_rel) not in (None, links):
        report.problem(rel, f"its entries are not the items of {rss_rel} in the same order")


def check_json_feed(site, rel, report):
    try:
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            feed = json.load(f)
    except (OSError, ValueError) as e:
        report.problem(rel, f"not JSON: {e}")
        return
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        report.problem(rel, f"version is {feed.get('version')!r}, not JSON Feed 1.1")
    if not isinstance(feed.get("title"), str):
        report.problem(rel, "no title")
    items = feed.get("items")
    if not isinstance(items, list):
        report.problem(rel, "no items list")
        return
    for i, item in enumerate(items, 1):
        if not isinstance(item.get("id"), str):
            report.problem(f"{rel} item {i}", "no id")
        if not (isinstance(item.get("content_html"), str) or isinstance(item.get("content_text"), str)):
            report.problem(f"{rel} item {i}", "neither content_html nor content_text")


def check_calendar(site, rel, report):
    with open(os.path.join(site, rel), "rb") as f:
        data = f.read()
    if not data.endswith(b"\r\n"):
        report.problem(rel, "does not end in CRLF")
    lines = data.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            report.problem(rel, f"line {n} has a bare CR or LF")
        if len(line) > 75:
            report.problem(rel, f"line {n} is {len(line)} octets, over 75")
    unfolded = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and unfolded:
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    text_lines = [line.decode("utf-8", "replace") for line in unfolded]
    if text_lines[:1] != ["BEGIN:VCALENDAR"] or text_lines[-1:] != ["END:VCALENDAR"]:
        report.problem(rel, "is not one VCALENDAR")
    for name in ("VERSION:2.0", "PRODID:"):
        if not any(line.startswith(name) for line in text_lines):
            report.problem(rel, f"has no {name.rstrip(':')}")
    event = None
    for line in text_lines:
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT" and event is not None:
            for name in ("UID", "DTSTAMP", "DTSTART"):
                if name not in event:
                    report.problem(rel, f"an event has no {name}")
            start = event.get("DTSTART", "")
            if start and not re.fullmatch(r"\d{8}T\d{6}Z", start):
                report.problem(rel, f"DTSTART {start!r} is not a UTC date-time")
            event = None
        elif event is not None and ":" in line:
            name, value = line.split(":", 1)
            event[name.split(";")[0]] = value


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
    atoms = files_named(site, "atom.xml")
    if atoms:
        for rel in feeds:
            folder = rel[: -len("feed.xml")]
            for beside in ("atom.xml", "feed.json", "closing-dates.ics"):
                if not os.path.isfile(os.path.join(site, folder + beside)):
                    report.problem(rel, f"has no {beside} beside it")
    for rel in atoms:
        check_atom(site, rel, rel[: -len("atom.xml")] + "feed.xml", report)
    jsons = files_named(site, "feed.json")
    for rel in jsons:
        check_json_feed(site, rel, report)
    calendars = [rel for name in ("closing-dates.ics", "closing-date.ics") for rel in files_named(site, name)]
    for rel in calendars:
        check_calendar(site, rel, report)
    return report.finish(
        f"{len(feeds)} RSS feeds, {items} items; {len(atoms)} Atom, {len(jsons)} JSON feeds, {len(calendars)} calendars"
    )


if __name__ == "__main__":
    sys.exit(main())
