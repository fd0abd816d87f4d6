#!/usr/bin/env python3
# Links check: no internal link, image, stylesheet, script or document
# (every href/src/srcset in every .html page, url() in the site's CSS, and the
# site's own absolute URLs in feeds and the sitemap) points at a missing file
# or at a missing #fragment. Each page is checked as a host would serve it
# from the root of a domain ("/") and under a path prefix ("/careers/" by
# default): relative URLs are resolved against the page's URL, a URL ending
# in "/" means its index.html, and a URL that climbs out of the prefix is
# broken. 404.html is served at any depth, so it is resolved as if at
# <base path>/no/such/page/, with its absolute paths taken from base_url's
# path (base_url read from the home page's canonical link). External URLs are
# not fetched.
#
# usage: check_links.py SITE_DIR [PREFIX ...]     (default prefixes: / /careers/)
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitelib import Report, css_urls, files_named, html_files, parse_page, read_text  # noqa: E402

HOST = "http://verify.invalid"
SKIP_SCHEMES = {"mailto", "tel", "sms", "data", "javascript", "about", "blob"}


def norm_prefix(p):
    p = "/" + p.strip("/") + "/"
    return "/" if p == "//" else p


class Checker:
    def __init__(self, site):
        self.site = site
        self.pages = {}
        self.problems = {}  # (where, what) -> [modes]
        self.checked = 0
        self.base_url = None
        home = os.path.join(site, "index.html")
        if os.path.isfile(home):
            canon = self.page("index.html").canonical
            if canon and urlsplit(canon).scheme in ("http", "https"):
                self.base_url = canon if canon.endswith("/") else canon.rsplit("/", 1)[0] + "/"
        self.base_path = norm_prefix(urlsplit(self.base_url).path) if self.base_url else "/"

    def page(self, rel):
        if rel not in self.pages:
            self.pages[rel] = parse_page(os.path.join(self.site, rel))
        return self.pages[rel]

    def problem(self, where, what, mode):
        self.problems.setdefault((where, what), [])
        if mode not in self.problems[(where, what)]:
            self.problems[(where, what)].append(mode)

    def target_file(self, sub):
        """The file a path inside the site (no leading slash) is served from, or None."""
        sub = unquote(sub)
        candidate = sub + "index.html" if sub == "" or sub.endswith("/") else sub
        full = os.path.join(self.site, candidate)
        if os.path.isfile(full):
            return candidate
        if os.path.isdir(full) and os.path.isfile(os.path.join(full, "index.html")):
            return candidate.rstrip("/") + "/index.html"  # hosts redirect dir -> dir/
        return None

    def check_fragment(self, target, fragment, where, shown, mode):
        if not fragment or not target.endswith(".html") or fragment == "top":
            return
        if unquote(fragment) not in self.page(target).ids:
            self.problem(where, f"{shown}: no element with id \"{unquote(fragment)}\" in {target}", mode)

    def check_url(self, value, page_url, root, where, shown, mode, self_rel=None):
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme.lower() in SKIP_SCHEMES:
            return
        self.checked += 1
        if self.base_url and value.startswith(self.base_url):
            # the site's own absolute URL (canonical links, feeds): map it onto the output
            sub = urlsplit(value[len(self.base_url):]).path
            target = self.target_file(sub)
            if target is None:
                self.problem(where, f"{shown}: {value} is this site's URL but public/{sub or 'index.html'} does not exist", mode)
            else:
                self.check_fragment(target, urlsplit(value).fragment, where, shown, mode)
            return
        resolved = urlsplit(urljoin(page_url, value))
        if f"{resolved.scheme}://{resolved.netloc}" != HOST:
            return  # external: not fetched
        if value.startswith("#") or value == "":
            if self_rel:
                self.check_fragment(self_rel, parts.fragment, where, shown, mode)
            return
        path = resolved.path
        if not path.startswith(root):
            self.problem(where, f"{shown} resolves to {path}, outside the site at {root}", mode)
            return
        target = self.target_file(path[len(root):])
        if target is None:
            self.problem(where, f"{shown} resolves to {path}: no such file in the site", mode)
            return
        self.check_fragment(target, resolved.fragment, where, shown, mode)

    def check_html(self, rel, prefix):
        page = self.page(rel)
        if rel == "404.html":
            root = self.base_path
            page_url = HOST + self.base_path + "no/such/page/"
            mode = "any depth"
        else:
            root = prefix
            page_url = HOST + prefix + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            mode = prefix
        if page.base_href is not None:
            page_url = urljoin(page_url, page.base_href)
        for tag, attr, value, line in page.urls:
            shown = f'<{tag} {attr}="{value}">'
            self.check_url(value, page_url, root, f"{rel}:{line}", shown, mode, self_rel=rel)
        for line, css in page.inline_styles:
            for value, _ in css_urls(css):
                self.check_url(value, page_url, root, f"{rel}:{line}", f"url({value})", mode, self_rel=rel)

    def check_css(self, rel, prefix):
        for value, line in css_urls(read_text(os.path.join(self.site, rel))):
            self.check_url(value, HOST + prefix + rel, prefix, f"{rel}:{line}", f"url({value})", prefix)

    def check_xml(self, rel):
        try:
            root = ET.parse(os.path.join(self.site, rel)).getroot()
        except ET.ParseError:
            return  # the feeds check reports XML that does not parse
        for el in root.iter():
            tag = el.tag.split("}")[-1]
            if tag in ("link", "loc") and (el.text or "").strip():
                value = el.text.strip()
            elif tag == "link" and el.get("href"):
                value = el.get("href")
            else:
                continue
            if self.base_url and value.startswith(self.base_url):
                self.check_url(value, HOST + "/", "/", rel, f"<{tag}>{value}</{tag}>", "absolute")


def main():
    site = sys.argv[1]
    prefixes = [norm_prefix(p) for p in (sys.argv[2:] or ["/", "/careers/"])]
    report = Report("links")
    checker = Checker(site)
    pages = html_files(site)
    if not pages:
        report.problem(site, "no .html files found")
    if checker.base_url is None:
        report.problem("index.html", "no absolute canonical link, so base_url is unknown (404.html resolved against /)")
    css_files = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        css_files += sorted(os.path.relpath(os.path.join(root, f), site).replace(os.sep, "/") for f in files if f.endswith(".css"))
    for prefix in prefixes:
        for rel in pages:
            checker.check_html(rel, prefix)
        for rel in css_files:
            checker.check_css(rel, prefix)
    for rel in files_named(site, "feed.xml") + files_named(site, "sitemap.xml"):
        checker.check_xml(rel)
    def order(item):
        (where, what), _ = item
        file, _, line = where.partition(":")
        return (file, int(line) if line.isdigit() else 0, what)

    for (where, what), modes in sorted(checker.problems.items(), key=order):
        report.problem(where, f"{what} (served at {', '.join(modes)})")
    return report.finish(f"{len(pages)} pages, {checker.checked} URLs at {' and '.join(prefixes)}")


if __name__ == "__main__":
    sys.exit(main())
