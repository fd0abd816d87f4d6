#!/usr/bin/env python3
# Structured data check: every vacancy page (jobs/*/index.html) that is open
# (no robots noindex) carries exactly one schema.org JobPosting in JSON-LD,
# which parses and holds the properties Google for Jobs requires (title,
# description, datePosted, validThrough, hiringOrganization.name,
# jobLocation.address.addressCountry) with valid values: ISO 8601 dates,
# employmentType from Google's list, baseSalary in GBP with a unitText from
# Google's list. Closed (noindex) vacancy pages carry no JobPosting.
#
# usage: check_jsonld.py SITE_DIR
import datetime
import json
import os
import re
import sys
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitelib import Report, parse_page  # noqa: E402

EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
UNIT_TEXTS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def iso8601(value):
    """A datetime for an ISO 8601 date or date-time with offset, else None."""
    if not isinstance(value, str):
        return None
    try:
        if ISO_DATE.match(value):
            return datetime.datetime.fromisoformat(value + "T00:00:00+00:00")
        if ISO_DATETIME.match(value):
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return None


def nonempty_str(value):
    return isinstance(value, str) and value.strip() != ""


def as_list(value):
    return value if isinstance(value, list) else [value]


def job_postings(data):
    """JobPosting objects in a JSON-LD value (object, array or @graph)."""
    out = []
    for node in as_list(data):
        if isinstance(node, dict):
            if "JobPosting" in as_list(node.get("@type")):
                out.append(node)
            if "@graph" in node:
                out.extend(job_postings(node["@graph"]))
    return out


def number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def check_posting(jp, where, report):
    def bad(what):
        report.problem(where, what)

    ctx = jp.get("@context")
    if not (isinstance(ctx, str) and re.match(r"^https?://schema\.org/?$", ctx)):
        bad(f"@context is {ctx!r}, not https://schema.org/")
    for key in ("title", "description"):
        if not nonempty_str(jp.get(key)):
            bad(f"{key} missing or empty")
    posted = iso8601(jp.get("datePosted"))
    if "datePosted" not in jp:
        bad("datePosted missing")
    elif posted is None:
        bad(f"datePosted {jp.get('datePosted')!r} is not an ISO 8601 date")
    through = iso8601(jp.get("validThrough"))
    if "validThrough" not in jp:
        bad("validThrough missing")
    elif through is None:
        bad(f"validThrough {jp.get('validThrough')!r} is not an ISO 8601 date or date-time with offset")
    if posted and through and through < posted:
        bad(f"validThrough {jp['validThrough']} is before datePosted {jp['datePosted']}")
    org = jp.get("hiringOrganization")
    if not isinstance(org, dict) or not nonempty_str(org.get("name")):
        bad("hiringOrganization.name missing or empty")
    elif "sameAs" in org and not urlsplit(str(org["sameAs"])).scheme in ("http", "https"):
        bad(f"hiringOrganization.sameAs {org['sameAs']!r} is not an absolute URL")
    locations = jp.get("jobLocation")
    if not locations:
        bad("jobLocation missing")
    else:
        for i, place in enumerate(as_list(locations), 1):
            addr = place.get("address") if isinstance(place, dict) else None
            if not isinstance(addr, dict):
                bad(f"jobLocation[{i}].address missing")
                continue
            country = addr.get("addressCountry")
            if isinstance(country, dict):
                country = country.get("name")
            if not nonempty_str(country):
                bad(f"jobLocation[{i}].address.addressCountry missing or empty")
            elif len(country) == 2 and not re.match(r"^[A-Z]{2}$", country):
                bad(f"jobLocation[{i}].address.addressCountry {country!r} is not an ISO 3166 alpha-2 code")
            if not any(nonempty_str(addr.get(k)) for k in ("addressLocality", "addressRegion", "postalCode", "streetAddress")):
                bad(f"jobLocation[{i}].address has only a country (Google wants locality, region or postcode)")
    if "employmentType" in jp:
        for value in as_list(jp["employmentType"]):
            if value not in EMPLOYMENT_TYPES:
                bad(f"employmentType {value!r} is not one of {', '.join(sorted(EMPLOYMENT_TYPES))}")
    if "baseSalary" in jp:
        salary = jp["baseSalary"]
        if not isinstance(salary, dict):
            bad("baseSalary is not a MonetaryAmount object")
        else:
            if salary.get("currency") != "GBP":
                bad(f"baseSalary.currency is {salary.get('currency')!r}, not 'GBP'")
            value = salary.get("value")
            if not isinstance(value, dict):
                bad("baseSalary.value is not a QuantitativeValue object")
            else:
                if value.get("unitText") not in UNIT_TEXTS:
                    bad(f"baseSalary.value.unitText {value.get('unitText')!r} is not one of {', '.join(sorted(UNIT_TEXTS))}")
                amounts = {k: value[k] for k in ("value", "minValue", "maxValue") if k in value}
                if not amounts:
                    bad("baseSalary.value has no value, minValue or maxValue")
                for k, v in amounts.items():
                    if not number(v):
                        bad(f"baseSalary.value.{k} {v!r} is not a non-negative number")
                if number(amounts.get("minValue")) and number(amounts.get("maxValue")) and amounts["minValue"] > amounts["maxValue"]:
                    bad(f"baseSalary minValue {amounts['minValue']} is above maxValue {amounts['maxValue']}")
    if "url" in jp and urlsplit(str(jp["url"])).scheme not in ("http", "https"):
        bad(f"url {jp['url']!r} is not an absolute URL")


def main():
    site = sys.argv[1]
    report = Report("structured-data")
    jobs_dir = os.path.join(site, "jobs")
    slugs = sorted(d for d in os.listdir(jobs_dir) if os.path.isfile(os.path.join(jobs_dir, d, "index.html"))) if os.path.isdir(jobs_dir) else []
    if not slugs:
        report.problem("jobs/", "no vacancy pages found")
    n_open = n_closed = 0
    for slug in slugs:
        rel = f"jobs/{slug}/index.html"
        page = parse_page(os.path.join(site, rel))
        postings = []
        for line, raw in page.jsonld:
            try:
                postings.extend(job_postings(json.loads(raw)))
            except ValueError as e:
                report.problem(f"{rel}:{line}", f"JSON-LD does not parse: {e}")
        if page.noindex:
            n_closed += 1
            if postings:
                report.problem(rel, f"closed (noindex) page carries {len(postings)} JobPosting(s); it should carry none")
            continue
        n_open += 1
        if len(postings) != 1:
            report.problem(rel, f"open page carries {len(postings)} JobPostings; it should carry exactly one")
        for jp in postings:
            check_posting(jp, rel, report)
    return report.finish(f"{n_open} open and {n_closed} closed vacancy pages")


if __name__ == "__main__":
    sys.exit(main())
