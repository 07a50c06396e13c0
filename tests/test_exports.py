"""`make exports` writes the timeline in TimelineJS's columns, and every row survives the trip;
the claims audit as Web Annotations and ClaimReviews. Exports are written into a scratch copy."""
import csv
import json
import re
from html import unescape

import pytest

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
        assert review["itemReviewed"]["appearance"]["url"].startswith("https://responsiblestatecraft.org/")
    # One rating per label, and the numeric ones in the scale's order.
    assert all(len(values) == 1 for values in by_label.values())
    assert SCALE["supported"].rating > SCALE["partly-supported"].rating > SCALE["unsupported"].rating
