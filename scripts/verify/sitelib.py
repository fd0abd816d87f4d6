# Shared helpers for the Python checkers of scripts/verify-site (feeds.py,
# jsonld.py, links.py, html.py): walking a built site, reading its HTML, and
# printing the one-line PASS/FAIL result each checker ends with.
import html.parser
import os
import re
import sys

MAX_DETAILS = 200  # problems printed per checker before "... and N more"


def html_files(site):
    """Every .html file under the site, as paths relative to it, sorted."""
    out = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                out.append(os.path.relpath(os.path.join(root, name), site).replace(os.sep, "/"))
    return out


def files_named(site, wanted):
    out = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name == wanted:
                out.append(os.path.relpath(os.path.join(root, name), site).replace(os.sep, "/"))
    return out


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


class Page(html.parser.HTMLParser):
    """What the checkers need from one HTML page: its URL-bearing attributes,
    ids, robots meta, canonical link and JSON-LD blocks."""

    URL_ATTRS = {
        "a": ["href"],
        "area": ["href"],
        "link": ["href"],
        "img": ["src", "srcset"],
        "source": ["src", "srcset"],
        "script": ["src"],
        "iframe": ["src"],
        "embed": ["src"],
        "object": ["data"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "track": ["src"],
        "input": ["src"],
        "form": ["action"],
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []  # (tag, attr, value, line)
        self.ids = set()
        self.robots = ""
        self.canonical = None
        self.base_href = None
        self.jsonld = []  # (line, text)
        self._in_jsonld = None
        self.inline_styles = []  # (line, css text) from <style> and style=""
        self._in_style = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        for key in ("id", "name") if tag in ("a",) else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "meta" and a.get("name", "").lower() == "robots":
            self.robots += " " + a.get("content", "").lower()
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = a.get("href")
        if tag == "base" and "href" in a:
            self.base_href = a["href"]
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = [line, ""]
        if tag == "style":
            self._in_style = [line, ""]
        if a.get("style"):
            self.inline_styles.append((line, a["style"]))
        for attr in self.URL_ATTRS.get(tag, []):
            if attr in a:
                value = a[attr]
                if attr == "srcset":
                    for cand in value.split(","):
                        cand = cand.strip().split()
                        if cand:
                            self.urls.append((tag, attr, cand[0], line))
                else:
                    self.urls.append((tag, attr, value, line))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._in_jsonld is not None:
            self._in_jsonld[1] += data
        if self._in_style is not None:
            self._in_style[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld is not None:
            self.jsonld.append(tuple(self._in_jsonld))
            self._in_jsonld = None
        if tag == "style" and self._in_style is not None:
            self.inline_styles.append(tuple(self._in_style))
            self._in_style = None

    @property
    def noindex(self):
        return "noindex" in self.robots


def parse_page(path):
    p = Page()
    p.feed(read_text(path))
    p.close()
    return p


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")


def css_urls(text):
    """url(...) and @import targets in a piece of CSS, with line numbers."""
    text_no_comments = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    out = []
    for m in CSS_URL.finditer(text_no_comments):
        value = next(g for g in m.groups() if g is not None)
        line = text_no_comments.count("\n", 0, m.start()) + 1
        out.append((value, line))
    return out


class Report:
    """Collects problems and prints the checker's closing PASS/FAIL line."""

    def __init__(self, name):
        self.name = name
        self.problems = []

    def problem(self, where, what):
        self.problems.append(f"{where}: {what}")

    def finish(self, counted):
        for p in self.problems[:MAX_DETAILS]:
            print("  " + p)
        if len(self.problems) > MAX_DETAILS:
            print(f"  ... and {len(self.problems) - MAX_DETAILS} more")
        n = len(self.problems)
        status = "PASS" if n == 0 else "FAIL"
        print(f"{status} {self.name}: {counted}, {n} problem{'s' if n != 1 else ''}")
        sys.stdout.flush()
        return 0 if n == 0 else 1
