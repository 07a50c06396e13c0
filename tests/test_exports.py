"""`make exports` writes the timeline in TimelineJS's columns, and every row survives the trip;
the claims audit as Web Annotations and ClaimReviews. Exports are written into a scratch copy."""
import csv
import json
import re
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry
from referencing.jsonschema import DRAFT4

from edition import datapackage, exports, paths, witness
from edition.claims import SCALE
from edition.exports import ANNOTATION_CONTEXT, TIMELINEJS_COLUMNS


@pytest.fixture
def exported(rooted):
    """`make exports`, run on a scratch copy; the folder it wrote."""
    assert exports.main() == 0
    return paths.EXPORTS


def timelinejs(folder):
    with (folder / exports.TIMELINEJS).open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def joined(year, month, day):
    return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])


def test_timelinejs_columns_and_round_trip(exported):
    columns, rows = timelinejs(exported)
    assert columns == TIMELINEJS_COLUMNS
    # TimelineJS reads the first four columns by position.
    assert columns[:4] == ["Year", "Month", "Day", "Time"]
    events = datapackage.rows("timeline")
    assert len(rows) == len(events)
    for event, row in zip(events, rows, strict=True):
        assert joined(row["Year"], row["Month"], row["Day"]) == event["date"]
        end = joined(row["End Year"], row["End Month"], row["End Day"]) if row["End Year"] else ""
        assert end == event["end_date"]
        assert row["Headline"] == event["title"]
        assert row["Group"] == event["thread"]
        assert unescape(re.match(r"<p>(.*?)</p>", row["Text"]).group(1)) == event["summary"]
        assert row["Text"].count("<a href=") == len(event.keys("sources"))


def test_every_annotation_selector_resolves_to_exactly_one_place(exported):
    collection = json.loads((exported / exports.ANNOTATIONS).read_text(encoding="utf-8"))
    assert collection["@context"] == ANNOTATION_CONTEXT and collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert len(items) == len(datapackage.rows("claims")) == collection["total"]
    text = witness.body_text(witness.article())
    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] == "assessing" and item["id"]
        assert {"assessing", "classifying"} <= {body["purpose"] for body in item["body"]}
        selector = item["target"]["selector"]
        assert selector["type"] == "TextQuoteSelector" and item["target"]["source"].startswith("https://")
        whole = selector["prefix"] + selector["exact"] + selector["suffix"]
        assert text.count(whole) == 1, item["id"]
        assert text.count(selector["exact"]) >= 1


def test_claimreview_ratings_map_the_scale_consistently(exported):
    reviews = json.loads((exported / exports.CLAIMREVIEW).read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in datapackage.rows("claims")}
    assert len(reviews) == len(rows)
    by_label = {}
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == rows[review["identifier"]]["quote"]
        rating = review["reviewRating"]
        status = SCALE[rows[review["identifier"]]["status"]]
        assert rating["alternateName"] == status.label
        by_label.setdefault(status.label, set()).add(rating.get("ratingValue"))
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["url"] == f"{exports.ARTICLE_PAGE}#note-{review['identifier']}"
        claim = review["itemReviewed"]
        assert claim["author"] == claim["appearance"]["publisher"] == {"@type": "Organization", "name": "Responsible Statecraft"}
        assert claim["datePublished"] == "2023-08-01"
        assert claim["appearance"]["url"].startswith("https://responsiblestatecraft.org/")
    # One rating per label, and the numeric ones in the scale's order.
    assert all(len(values) == 1 for values in by_label.values())
    assert SCALE["supported"].rating > SCALE["partly-supported"].rating > SCALE["unsupported"].rating


# The W3C Web Annotation test suite's MUST assertions (tests/vendor/web-annotation-tests/README.md).
SUITE = Path(__file__).parent / "vendor" / "web-annotation-tests"


@cache
def must_assertions() -> list[Draft4Validator]:
    by_name = {path.name.lower(): path for path in SUITE.rglob("*.json")}
    listed = json.loads((SUITE / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))["assertions"]
    registry = Registry().with_resources(
        (schema["id"], DRAFT4.create_resource(schema))
        for schema in (json.loads(path.read_text(encoding="utf-8")) for path in (SUITE / "definitions").glob("*.json")))
    # Some listed names differ in case from the files'.
    schemas = [json.loads(by_name[Path(name).name.lower()].read_text(encoding="utf-8")) for name in listed]
    return [Draft4Validator(schema, registry=registry) for schema in schemas]


def failed_musts(annotation: dict) -> list[str]:
    return [check.schema["id"] for check in must_assertions()
            if check.is_valid(annotation) != (check.schema["expectedResult"] == "valid")]


CONFORMING = {"@context": ANNOTATION_CONTEXT, "id": "urn:x", "type": "Annotation",
              "body": {"type": "SpecificResource", "source": "https://example.org/", "purpose": "linking"},
              "target": "https://example.org/page"}


@pytest.mark.parametrize("change, failed", [
    ({}, []),
    ({"body": {"id": "https://example.org/", "type": "Text", "purpose": "linking"}}, ["3.3.5-bodyEWRNoPurpose.json"]),
    ({"@context": "http://example.org/context"}, ["3.1-annotationContextValidated.json"]),
    ({"body": {"type": "TextualBody", "value": "x"}, "bodyValue": "x"}, ["3.2.5-notBodyBodyValue.json"]),
])
def test_the_suite_runs_and_finds_what_it_should(change, failed):
    """The runner itself: a conforming annotation passes every MUST, and each broken one fails the
    assertion that covers it."""
    assert failed_musts(CONFORMING | change) == failed


def test_every_annotation_passes_the_w3c_must_assertions(exported):
    collection = json.loads((exported / exports.ANNOTATIONS).read_text(encoding="utf-8"))
    assert len(must_assertions()) == 54
    for item in collection["first"]["items"]:
        # An annotation in a page takes the collection's @context.
        assert failed_musts({"@context": collection["@context"]} | item) == [], item["id"]
