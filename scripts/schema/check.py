"""Checks `careers schema` with a real validator (check-jsonschema).

1. Both schemas are valid draft 2020-12 schemas (--check-metaschema).
2. Every example advert's front matter and every site.yaml of the example
   site, the good test site and the tolerated sites validate.
3. Each broken fixture the parser refuses for a field reason is refused by
   the schema too; the others are listed with why no schema can say.
4. Agreement cases: small changes to one advert, each put through both
   `careers check` and the schema, which must give the same verdict.

usage: check.py CAREERS_BINARY REPO WORK_DIR
Prints PASS/FAIL lines; exits non-zero if any failed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CAREERS, REPO, WORK = (Path(a) for a in sys.argv[1:4])
CHECK = Path(sys.executable).parent / "check-jsonschema"
failures = 0


def report(ok, what):
    global failures
    print(("PASS " if ok else "FAIL ") + what)
    failures += 0 if ok else 1


def front_matter(md):
    text = md.read_text(encoding="utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    assert lines[0].strip() == "---", f"{md}: no front matter"
    end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
    return "\n".join(lines[1:end]) + "\n"


def validate(schema, files):
    """The files check-jsonschema refuses, of `files`."""
    if not files:
        return set()
    out = subprocess.run(
        [CHECK, "--output-format", "json", "--schemafile", schema, *map(str, files)],
        capture_output=True, text=True,
    )
    if not out.stdout.strip():
        sys.exit(f"check-jsonschema gave no report: {out.stderr.strip()}")
    result = json.loads(out.stdout)
    refused = {e["filename"] for e in result.get("errors", [])}
    refused |= {e["filename"] for e in result.get("parse_errors", [])}
    return refused


def extract(md, name):
    out = WORK / "front-matter" / (name + ".yaml")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(front_matter(md), encoding="utf-8")
    return out


vacancy_schema = WORK / "careers-vacancy.schema.json"
site_schema = WORK / "careers-site.schema.json"
for schema, flag in [(vacancy_schema, []), (site_schema, ["--site"])]:
    schema.write_text(subprocess.run([CAREERS, "schema", *flag], check=True,
                                     capture_output=True, text=True).stdout)
meta = subprocess.run([CHECK, "--check-metaschema", vacancy_schema, site_schema],
                      capture_output=True, text=True)
report(meta.returncode == 0, "both schemas are valid draft 2020-12 schemas" + meta.stdout.strip()[:0])

# 2. Good files validate.
good_sites = [REPO, REPO / "tests/good-site", *sorted(p for p in (REPO / "tests/tolerated").iterdir() if p.is_dir())]
adverts, settings = [], []
for site in good_sites:
    tag = site.name if site != REPO else "example"
    for md in sorted((site / "content/jobs").rglob("*.md")):
        adverts.append(extract(md, f"{tag}--{md.stem}"))
    settings.append(site / "content/site.yaml")
refused = validate(vacancy_schema, adverts) | validate(site_schema, settings)
for f in adverts + settings:
    if str(f) in refused:
        report(False, f"{f} is refused by the schema")
report(not refused, f"{len(adverts)} adverts and {len(settings)} site.yaml files of good sites validate")

# A site `careers init` makes validates against the schemas it writes.
with tempfile.TemporaryDirectory() as tmp:
    new_site = Path(tmp) / "site"
    subprocess.run([CAREERS, "init", new_site, "--now", "2026-01-05"], check=True, capture_output=True)
    written = new_site / ".vscode"
    advert = extract(next((new_site / "content/jobs").glob("*.md")), "init--advert")
    bad = validate(written / "careers-vacancy.schema.json", [advert])
    bad |= validate(written / "careers-site.schema.json", [new_site / "content/site.yaml"])
    report(not bad, "a site careers init makes validates against the schemas it writes")

# 3. Broken fixtures refused for a field reason.
FIELD_REASONS = {
    "band-11": "job", "band-8e": "job", "date-in-words": "job", "date-with-dots": "job",
    "impossible-date-iso": "job", "impossible-date-uk": "job", "salary-negative": "job",
    "salary-absurd": "job", "slug-leaves-folder": "job", "document-outside-folder": "job",
    "unknown-field-job": "job", "missing-required-field": "job",
    "unknown-field-site": "site", "unknown-field-site-misspelt": "site",
}
NOT_FIELD_REASONS = {
    "closes-before-posted": "compares two fields' values, which JSON Schema cannot",
    "salary-max-below-min": "compares two fields' values, which JSON Schema cannot",
    "duplicate-reference": "a clash between two files",
    "duplicate-url": "a clash between two files",
    "unknown-employer": "depends on site.yaml's employers",
    "missing-document": "depends on the files in content/documents",
    "placeholder-left": "a [[placeholder]] left in the advert's text, below the front matter",
    "template-syntax-error": "a theme's template, not a field",
    "empty-file": "no front matter to validate",
    "no-front-matter": "no front matter to validate",
    "unterminated-front-matter": "the front matter is never closed: not YAML to validate",
    "not-utf8": "the file is not text",
}
broken = REPO / "tests/broken"
for case in sorted(p.name for p in broken.iterdir() if p.is_dir()):
    if case in FIELD_REASONS:
        if FIELD_REASONS[case] == "job":
            f = extract(broken / case / "content/jobs/staff-nurse.md", f"broken--{case}")
            bad = str(f) in validate(vacancy_schema, [f])
        else:
            f = broken / case / "content/site.yaml"
            bad = str(f) in validate(site_schema, [f])
        report(bad, f"broken/{case}: refused by the schema")
    elif case in NOT_FIELD_REASONS:
        print(f"SKIP broken/{case}: {NOT_FIELD_REASONS[case]}")
    elif case.startswith("yaml-"):
        print(f"SKIP broken/{case}: a YAML syntax or size limit, the YAML reader's to refuse")
    else:
        report(False, f"broken/{case}: not classed as a field reason or not")

# 4. Agreement cases: (name, field changes); None removes a field.
BASE = {
    "title": "Staff Nurse", "reference": "100-SN-001", "band": "5",
    "salary": "{min: 29970, max: 36483}", "location": "Dartford",
    "posted": "2025-12-01", "closes": "2026-01-31",
}
CASES = [
    ("band Band 6", {"band": "Band 6"}), ("band 8a", {"band": '"8a"'}),
    ("band BAND 8D", {"band": "BAND 8D"}), ("band 9", {"band": "9"}),
    ("band Consultant", {"band": "Consultant"}), ("band 8", {"band": "8"}),
    ("band 10", {"band": "10"}), ("band ???", {"band": '"???"'}),
    ("band Bandage", {"band": "Bandage"}), ("band empty", {"band": ""}),
    ("posted UK", {"posted": "01/12/2025"}), ("posted words", {"posted": "1st Dec. 2025"}),
    ("posted capitals", {"posted": "1 DECEMBER 2025"}), ("posted Sept", {"posted": "1 Sept 2025"}),
    ("posted quoted", {"posted": '"2025-12-01"'}), ("posted 31 Nov", {"posted": "31/11/2025"}),
    ("posted month 13", {"posted": "2025-13-01"}), ("posted 1899", {"posted": "1899-12-01"}),
    ("posted two-digit year", {"posted": "01/12/25"}), ("posted number", {"posted": "20251201"}),
    ("closes 30 Feb", {"closes": "2026-02-30"}), ("closes local time", {"closes": "2026-01-31 12:00"}),
    ("closes offset", {"closes": "2026-01-31T12:00:00+00:00"}), ("closes Z", {"closes": "2026-01-31T12:00Z"}),
    ("closes bad time", {"closes": "2026-01-31 25:00"}),
    ("contract Fixed Term", {"contract": "Fixed Term"}), ("contract temporary", {"contract": "temporary"}),
    ("contract zero hours", {"contract": "zero hours"}),
    ("working pattern list", {"working_pattern": "[Full Time, job_share, nights]"}),
    ("working pattern unknown", {"working_pattern": "[full-time, sometimes]"}),
    ("dbs Enhanced", {"dbs": "Enhanced"}), ("dbs full", {"dbs": "full"}),
    ("hours 37.5", {"hours": "37.5"}), ("hours text", {"hours": '"37.5"'}),
    ("hours 0", {"hours": "0"}), ("hours 101", {"hours": "101"}), ("hours -5 text", {"hours": '"-5"'}),
    ("salary figure", {"salary": "40617"}), ("salary text figure", {"salary": '"£40,617"'}),
    ("salary pounds text", {"salary": '{min: "£29,970", period: per annum}'}),
    ("salary hourly", {"salary": "{min: 12.45, period: hourly, pro_rata: true}"}),
    ("salary period fortnight", {"salary": "{min: 29970, period: fortnight}"}),
    ("salary no min", {"salary": "{max: 36483}"}), ("salary zero", {"salary": "0"}),
    ("locations", {"location": None, "locations": "[Maidstone, {site: Littlebrook Hospital, town: Dartford}]"}),
    ("location group", {"location": "{site: Littlebrook Hospital, town: Dartford, postcode: DA2 6PB}"}),
    ("location and locations", {"locations": "[Maidstone]"}),
    ("no location", {"location": None}), ("location empty list", {"location": "[]"}),
    ("location no letters", {"location": '"---"'}),
    ("eleven sites", {"location": None, "locations": "[" + ", ".join(f"Town{i}" for i in range(11)) + "]"}),
    ("site without town", {"location": "{site: Littlebrook Hospital}"}),
    ("apply_url", {"apply_url": "https://www.jobs.nhs.uk/candidate/jobadvert/C9380"}),
    ("apply_url javascript", {"apply_url": "javascript:alert(1)"}),
    ("apply_url no scheme", {"apply_url": "www.jobs.nhs.uk"}),
    ("contact", {"contact": "{name: Jane Smith, email: jane.smith@example.nhs.uk, phone: +44 (0)1632 960123}"}),
    ("contact bad email", {"contact": "{email: jane}"}), ("contact bad phone", {"contact": "{phone: ext 123}"}),
    ("document web", {"documents": "[{title: JD, file: 'https://www.example.nhs.uk/jd.pdf'}]"}),
    ("document no title", {"documents": "[{file: 'https://www.example.nhs.uk/jd.pdf'}]"}),
    ("slug words", {"slug": "Staff Nurse AMU"}), ("slug slash", {"slug": "a/b"}),
    ("empty optional field", {"closed_early": ""}), ("tags one", {"tags": "nursing"}),
    ("draft text", {"draft": "yes"}), ("title blank", {"title": '" "'}),
    ("unknown field", {"twitter": "x"}),
]
SITE_YAML = "title: Example careers\nbase_url: https://careers.example.nhs.uk/\nemployer: Example NHS Foundation Trust\n"
agreed = 0
for name, changes in CASES:
    fields = dict(BASE)
    fields.update(changes)
    fm = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content/jobs").mkdir(parents=True)
        (root / "content/site.yaml").write_text(SITE_YAML)
        (root / "content/jobs/staff-nurse.md").write_text(f"---\n{fm}---\n\nThe job.\n")
        parser_ok = subprocess.run([CAREERS, "check", "--root", root, "--now", "2025-12-02"],
                                   capture_output=True).returncode == 0
        f = WORK / "cases" / (name.replace(" ", "-").replace("?", "q") + ".yaml")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(fm, encoding="utf-8")
        schema_ok = str(f) not in validate(vacancy_schema, [f])
    if parser_ok == schema_ok:
        agreed += 1
    else:
        verdict = lambda ok: "accepts" if ok else "refuses"
        report(False, f"case '{name}': careers check {verdict(parser_ok)}, the schema {verdict(schema_ok)}")
report(agreed == len(CASES), f"{agreed} of {len(CASES)} agreement cases: careers check and the schema agree")

print(f"{'no' if failures == 0 else failures} failures")
sys.exit(1 if failures else 0)
