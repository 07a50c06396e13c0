"""``make exports``: the edition's data in other tools' formats, written to ``exports/``.

- ``exports/timeline-timelinejs.csv``: the timeline in Knight Lab TimelineJS's spreadsheet
  columns, so that an instructor can paste it into TimelineJS's Google Sheets template.
"""
from __future__ import annotations

import csv
import sys
from html import escape

from . import bibliography, datapackage, paths
from .sources import plain

EXPORTS = paths.ROOT / "exports"
TIMELINEJS = EXPORTS / "timeline-timelinejs.csv"
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


def _source_links(keys: list[str], sources: dict) -> str:
    links = []
    for key in keys:
        fields = sources[key].fields
        title = plain(fields["title"])
        links.append(f'<a href="{escape(fields["url"])}">{escape(title)}</a> ({escape(plain(fields["howpublished"]))})')
    return "; ".join(links)


def timelinejs_rows() -> list[dict[str, str]]:
    sources = bibliography.load()
    rows = []
    for event in datapackage.rows("timeline"):
        year, month, day = _parts(event["date"])
        end_year, end_month, end_day = _parts(event["end_date"]) if event["end_date"] else ("", "", "")
        text = (f"<p>{escape(event['summary'])}</p>"
                f"<p>Sources: {_source_links(event.keys('sources'), sources)}. Certainty: {escape(event['certainty'])}.</p>")
        rows.append({
            **dict.fromkeys(TIMELINEJS_COLUMNS, ""),
            "Year": year, "Month": month, "Day": day,
            "End Year": end_year, "End Month": end_month, "End Day": end_day,
            "Headline": event["title"], "Text": text, "Group": event["thread"],
        })
    return rows


def write_timelinejs() -> None:
    EXPORTS.mkdir(exist_ok=True)
    with TIMELINEJS.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=TIMELINEJS_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(timelinejs_rows())
    print(f"wrote {paths.relative(TIMELINEJS)}")


def main() -> int:
    write_timelinejs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
