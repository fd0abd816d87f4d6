#!/usr/bin/env python3
# HTML check: every .html page of the built site goes through the Nu Html
# Checker (vnu.jar from the npm package vnu-jar, run with the machine's Java)
# in one run, errors only. Passes when vnu reports zero errors; on failure
# prints each error with its file, line and the offending markup.
#
# usage: check_html.py SITE_DIR
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitelib import Report, html_files  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VNU = os.path.join(HERE, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


def main():
    site = sys.argv[1]
    report = Report("html")
    pages = html_files(site)
    if not pages:
        report.problem(site, "no .html files found")
        return report.finish("0 pages")
    cmd = ["java", "-Xss8m", "-jar", VNU, "--errors-only", "--format", "json", "--stdout"]
    cmd += [os.path.join(site, p) for p in pages]
    run = subprocess.run(cmd, capture_output=True, text=True)
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        report.problem("vnu", f"exit {run.returncode}, unreadable output: {(run.stdout + run.stderr)[:2000]}")
        return report.finish(f"{len(pages)} pages")
    site_abs = os.path.abspath(site)
    for m in messages:
        if m.get("type") not in ("error", "non-document-error") and m.get("subType") != "fatal":
            continue
        url = m.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        path = os.path.relpath(os.path.abspath(path), site_abs) if path else "?"
        where = f"{path}:{m.get('lastLine', '?')}"
        extract = " ".join(m.get("extract", "").split())
        what = m.get("message", "").strip()
        if extract:
            what += f"  [{extract[:160]}]"
        report.problem(where, what)
    if run.returncode not in (0, 1):
        report.problem("vnu", f"exited {run.returncode}: {run.stderr[:2000]}")
    return report.finish(f"{len(pages)} pages")


if __name__ == "__main__":
    sys.exit(main())
