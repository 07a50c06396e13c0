"""`make exports` writes the timeline in TimelineJS's columns, and every row survives the trip."""
import csv
import re
import sys
from html import unescape

from conftest import run

from edition import datapackage
from edition.exports import TIMELINEJS_COLUMNS


def exported(scratch, name):
    result = run([sys.executable, "-m", "edition.exports"], root=scratch)
    assert result.returncode == 0, result.stderr
    with (scratch / "exports" / name).open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def joined(year, month, day):
    return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])


def test_timelinejs_columns_and_round_trip(scratch):
    columns, rows = exported(scratch, "timeline-timelinejs.csv")
    assert columns == TIMELINEJS_COLUMNS
    # TimelineJS reads the first four columns by position.
    assert columns[:4] == ["Year", "Month", "Day", "Time"]
    events = datapackage.rows("timeline")
    assert len(rows) == len(events)
    for event, row in zip(events, rows):
        assert joined(row["Year"], row["Month"], row["Day"]) == event["date"]
        end = joined(row["End Year"], row["End Month"], row["End Day"]) if row["End Year"] else ""
        assert end == event["end_date"]
        assert row["Headline"] == event["title"]
        assert row["Group"] == event["thread"]
        assert unescape(re.match(r"<p>(.*?)</p>", row["Text"]).group(1)) == event["summary"]
        assert row["Text"].count("<a href=") == len(event.keys("sources"))
