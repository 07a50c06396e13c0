"""``make exports``: the edition's data in other tools' formats, written to ``exports/``.

- ``exports/timeline-timelinejs.csv``: the timeline in Knight Lab TimelineJS's spreadsheet
  columns, so that an instructor can paste it into TimelineJS's Google Sheets template.
- ``exports/annotations.jsonld``: one W3C Web Annotation per audited claim, anchored in the
  article by a TextQuoteSelector, for annotation tools.
- ``exports/claimreview.json``: one schema.org ClaimReview per audited claim; the article's page
  carries the same reviews as JSON-LD.
"""
from __future__ import annotations

import csv
import io
import json
import sys

from . import bibliography, claims, datapackage, markup, paths, witness
from .bibliography import plain

# The files written, in exports/.
TIMELINEJS = "timeline-timelinejs.csv"
ANNOTATIONS = "annotations.jsonld"
CLAIMREVIEW = "claimreview.json"
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Enough context either side for a selector to find one place even if a quote recurred.
SELECTOR_CONTEXT = 32
# When the audit was made: the date its sources were read (their urldate).
AUDITED = "2026-11-27"
# The article's page in the built site, from the site's root: each ClaimReview's url is its
# claim's note there (relative, until the edition has a public address).
ARTICLE_PAGE = "chapters/article.html"
EDITION = "Research edition of “Fresh hysteria over detail-less Bolivia-Iran security deal”"
# TimelineJS reads Year, Month, Day and Time by position and the rest by name, lower-cased with
# the space removed (NUKnightLab/TimelineJS3, src/js/core/ConfigFactory.js).
TIMELINEJS_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background",
]


def _parts(date: str) -> tuple[str, str, str]:
    """``2023-07-20`` → ("2023", "7", "20"); ``2023-07`` → ("2023", "7", "")."""
    pieces = date.split("-") + ["", ""]
    return pieces[0], str(int(pieces[1])) if pieces[1] else "", str(int(pieces[2])) if pieces[2] else ""


def _cited(keys: list[str], sources: dict) -> list[tuple[str, str, str]]:
    """Each source as (address, title, outlet), as a reader sees them."""
    return [(sources[key].fields["url"], plain(sources[key].fields["title"]), plain(sources[key].fields["howpublished"]))
            for key in keys]


def timelinejs_rows() -> list[dict[str, str]]:
    sources = bibliography.load()
    rows = []
    for event in datapackage.rows("timeline"):
        year, month, day = _parts(event["date"])
        end_year, end_month, end_day = _parts(event["end_date"]) if event["end_date"] else ("", "", "")
        text = markup.timelinejs_text(event["summary"], _cited(event.keys("sources"), sources), event["certainty"])
        rows.append({
            **dict.fromkeys(TIMELINEJS_COLUMNS, ""),
            "Year": year, "Month": month, "Day": day,
            "End Year": end_year, "End Month": end_month, "End Day": end_day,
            "Headline": event["title"], "Text": text, "Group": event["thread"],
        })
    return rows


def timelinejs_csv() -> str:
    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=TIMELINEJS_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(timelinejs_rows())
    return handle.getvalue()


def _selector(text: str, offset: int, exact: str) -> dict:
    return {
        "type": "TextQuoteSelector",
        "exact": exact,
        "prefix": text[max(0, offset - SELECTOR_CONTEXT):offset],
        "suffix": text[offset + len(exact):offset + len(exact) + SELECTOR_CONTEXT],
    }


def annotations() -> dict:
    page, about = witness.article(), witness.metadata()
    text, sources = witness.body_text(page), bibliography.load()
    items = []
    for claim in claims.load(page):
        status = claims.SCALE[claim.status]
        # The sources, for the claim first, then against or qualifying it. A body with a purpose
        # is a SpecificResource whose source is the address: the model lets an External Web
        # Resource carry no purpose (Web Annotation Data Model, 3.3.5).
        cited = [{"type": "SpecificResource", "source": sources[key].fields["url"], "purpose": "linking"}
                 for key in claim.sources + claim.counter_sources]
        items.append({
            "id": f"urn:edition:claim:{claim.id}",
            "type": "Annotation",
            "motivation": "assessing",
            "created": AUDITED,
            "body": [
                {"type": "TextualBody", "purpose": "assessing", "value": claim.note, "format": "text/plain", "language": "en"},
                {"type": "TextualBody", "purpose": "classifying", "value": status.label},
                {"type": "TextualBody", "purpose": "tagging", "value": claim.kind},
                *cited,
            ],
            "target": {"source": about["url"],
                       "selector": _selector(text, witness.body_offset(page, claim.paragraph, claim.start), claim.quote)},
        })
    return {"@context": ANNOTATION_CONTEXT, "id": "urn:edition:claims", "type": "AnnotationCollection",
            "label": f"Claims audit of the {EDITION[0].lower()}{EDITION[1:]}", "total": len(items),
            "first": {"type": "AnnotationPage", "items": items}}


def claimreviews(article_page: str = ARTICLE_PAGE) -> list[dict]:
    """One review per claim. The claim's author is the outlet: the capture keeps no byline."""
    page, about = witness.article(), witness.metadata()
    outlet = {"@type": "Organization", "name": about["outlet"]}
    reviews = []
    for claim in claims.load(page):
        status = claims.SCALE[claim.status]
        rating = {"@type": "Rating", "alternateName": status.label, "ratingExplanation": status.criterion}
        if status.rating is not None:
            rating |= {"ratingValue": status.rating, "bestRating": 5, "worstRating": 1}
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim.id,
            "url": f"{article_page}#note-{claim.id}",
            "claimReviewed": claim.quote,
            "reviewBody": claim.note,
            "reviewRating": rating,
            "author": {"@type": "Organization", "name": EDITION},
            "datePublished": AUDITED,
            "itemReviewed": {
                "@type": "Claim",
                "author": outlet,
                "datePublished": about["published"],
                "appearance": {"@type": "CreativeWork", "url": about["url"], "headline": page.title,
                               "datePublished": about["published"], "publisher": outlet},
            },
        })
    return reviews


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def contents() -> dict[str, str]:
    """Each export's file name and text: what `make exports` writes and the site offers."""
    return {TIMELINEJS: timelinejs_csv(), ANNOTATIONS: _json(annotations()), CLAIMREVIEW: _json(claimreviews())}


def main() -> int:
    paths.EXPORTS.mkdir(exist_ok=True)
    for name, text in contents().items():
        path = paths.EXPORTS / name
        path.write_text(text, encoding="utf-8")
        print(f"wrote {paths.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
