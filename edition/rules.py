"""The edition's own rules over its tables: what a schema cannot say.

Frictionless checks each table against ``data/datapackage.json`` (types, allowed values, keys).
These rules check what needs the capture, the bibliography or the glossary: that dates exist on
the calendar, that every source key is in the bibliography, that every quote is in its paragraph.
Each returns one located line per problem, and looks only at the rows that passed the schema
(``Validation.usable``), so that one mistake is reported once.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from . import book, chapters, datapackage, dates, glossary, mentions, paths
from .datapackage import Row, Validation
from .problems import DataError, located
from .witness import Witness

# Tables whose rows cite the bibliography, and the columns that hold the keys.
# (An actor's entry cites its sources in its text: see edition.citations.)
SOURCE_COLUMNS = {"timeline": ["sources"], "claims": ["sources", "counter_sources"], "elections": ["sources"],
                  "oas_studies": ["sources"], "amia_accused": ["sources"], "iran_agreements": ["sources"],
                  "brics_membership": ["sources"]}
# The date columns of each table, checked against the calendar (the schema checks only their form).
DATE_COLUMNS = {"timeline": ["date", "end_date"], "elections": ["date"], "oas_studies": ["date"],
                "brics_membership": ["from", "to"]}
# Rounding in the sources' percentages: a round's shares may sum to a little over 100.
SHARE_TOLERANCE = 0.5
# A claim rated one of these must say what weighs against it.
NEEDS_COUNTER_SOURCES = {"partly-supported", "contested", "unsupported"}


def data_citations(valid: Validation | None = None) -> Iterator[tuple[str, Row, str, str]]:
    """(table, row, column, key) for every bibliography key a data row cites."""
    for table, columns in SOURCE_COLUMNS.items():
        for row in valid.usable(table) if valid else datapackage.rows(table):
            for column in columns:
                for key in row.keys(column):
                    yield table, row, column, key


def unknown_sources(valid: Validation, known: set[str]) -> list[str]:
    return [
        located(datapackage.path(table), row.number, f"{column}: '{key}' is not in data/references.bib")
        for table, row, column, key in data_citations(valid)
        if key not in known
    ]


def calendar_dates(valid: Validation) -> list[str]:
    """Each date is on the calendar; a timeline event does not end before it begins."""
    problems = []
    for name, columns in DATE_COLUMNS.items():
        table = datapackage.path(name)
        for row in valid.usable(name):
            for column in columns:
                problem = dates.problem(row[column]) if row[column] else None
                if problem:
                    problems.append(located(table, row.number, f"{column} {problem}"))
    table = datapackage.path("timeline")
    for row in valid.usable("timeline"):
        if row["end_date"] and row["end_date"] < row["date"][: len(row["end_date"])]:
            problems.append(located(table, row.number, f"end_date '{row['end_date']}' is before date '{row['date']}'"))
    return problems


def election_rounds(valid: Validation) -> list[str]:
    """The rows of one round of one election share its date, and their shares in one count do not
    add up to more than the whole."""
    problems, first_date, totals = [], {}, {}
    table = datapackage.path("elections")
    for row in valid.usable("elections"):
        round_ = (row["election"], row["round"])
        first_date.setdefault(round_, row["date"])
        if row["date"] != first_date[round_]:
            problems.append(located(table, row.number, f"date '{row['date']}', but this round of {row['election']} "
                                                       f"is dated {first_date[round_]} above"))
        count = (*round_, row["count"])
        totals[count] = totals.get(count, 0.0) + float(row["share"])
        if totals[count] > 100 + SHARE_TOLERANCE:
            problems.append(located(table, row.number, f"the {row['count']} shares of the {row['round']} round of "
                                                       f"{row['election']} add up to {totals[count]:.2f}%, more than 100%"))
    return problems


def study_responses(valid: Validation) -> list[str]:
    """A study answers studies in the table, and not itself."""
    rows = valid.usable("oas_studies")
    known = {row["id"] for row in rows}
    table = datapackage.path("oas_studies")
    return [
        located(table, row.number, f"responds_to: '{key}' is "
                                   f"{'the study itself' if key == row['id'] else 'not a study in this table'}")
        for row in rows
        for key in row.keys("responds_to")
        if key == row["id"] or key not in known
    ]


def membership_spans(valid: Validation) -> list[str]:
    """A standing in BRICS begins on its event's date or end date, and does not end before it begins."""
    events = {row["id"]: row for row in valid.usable("timeline")}
    problems, table = [], datapackage.path("brics_membership")
    for row in valid.usable("brics_membership"):
        event = events.get(row["event"])
        if event and row["from"] not in (event["date"], event["end_date"]):
            dates = " or ".join(date for date in (event["date"], event["end_date"]) if date)
            problems.append(located(table, row.number, f"from '{row['from']}', but its event {row['event']} is dated {dates}"))
        if row["to"] and row["to"] < row["from"][: len(row["to"])]:
            problems.append(located(table, row.number, f"to '{row['to']}' is before from '{row['from']}'"))
    return problems


def bearing_claims(valid: Validation) -> list[str]:
    """An event that names a claim bears on that claim's paragraph."""
    paragraph_of = {row["id"]: row["paragraph"] for row in valid.usable("claims")}
    table = datapackage.path("bearings")
    return [
        located(table, row.number, f"claim '{row['claim']}' is in {paragraph_of[row['claim']]}, not {row['paragraph']}")
        for row in valid.usable("bearings")
        if row["claim"] in paragraph_of and paragraph_of[row["claim"]] != row["paragraph"]
    ]


def background_sections(valid: Validation) -> list[str]:
    """Each row names a chapter in the table of contents and a section label that chapter defines."""
    problems = []
    table = datapackage.path("background")
    in_book = set(book.pages())
    for row in valid.usable("background"):
        chapter = chapters.path(row["chapter"])
        if f"chapters/{row['chapter']}.html" not in in_book or not chapter.exists():
            problems.append(located(table, row.number, f"chapter '{row['chapter']}' is not a chapter of the book "
                                                       f"({paths.relative(chapter)} in _toc.yml)"))
        elif row["section"] not in chapters.targets(row["chapter"]):
            problems.append(located(table, row.number,
                                    f"section '{row['section']}' is not a label in {paths.relative(chapter)} "
                                    f"(write ({row['section']})= above its heading)"))
    return problems


def quotes_once(valid: Validation, page: Witness, table_name: str, column: str) -> list[str]:
    """Each row's quoted words occur exactly once in its paragraph, so that they anchor one place."""
    problems = []
    table = datapackage.path(table_name)
    for row in valid.usable(table_name):
        count = page.paragraph(row["paragraph"]).count(row[column])
        if count != 1:
            where = "is not in" if count == 0 else f"occurs {count} times in"
            problems.append(located(table, row.number, f"{column} '{row[column]}' {where} {row['paragraph']}"))
    return problems


def claim_anchors(valid: Validation, page: Witness) -> list[str]:
    """Claims anchor once, and their highlights neither overlap one another nor cut a gloss."""
    problems = quotes_once(valid, page, "claims", "quote")
    if problems or valid.bad_rows.get("claims") or "claims" in valid.bad_tables:
        return problems
    table = datapackage.path("claims")
    spans = sorted(((row["paragraph"], page.paragraph(row["paragraph"]).index(row["quote"]), row)
                    for row in valid.usable("claims")), key=lambda span: (span[0], span[1], span[2].number))
    for (para_a, start_a, row_a), (para_b, start_b, row_b) in pairwise(spans):
        if para_a == para_b and start_b < start_a + len(row_a["quote"]):
            problems.append(located(table, row_b.number, f"quote overlaps the quote of claim {row_a['id']}"))
    counted: dict[str, int] = {}
    for paragraph, _start, row in spans:
        counted[paragraph] = counted.get(paragraph, 0) + 1
        expected = f"{paragraph}-{counted[paragraph]}"
        if row["id"] != expected:
            problems.append(located(table, row.number, f"id '{row['id']}' should be '{expected}': "
                                                       "a paragraph's claims are numbered in reading order"))
    try:
        glossed = mentions.load(page, valid.usable("mentions"))
    except DataError:
        return problems  # reported by the glosses rule
    for paragraph, start, row in spans:
        end = start + len(row["quote"])
        for m in glossed:
            if m.paragraph == paragraph and m.start < end and m.end > start and not (start <= m.start and m.end <= end):
                problems.append(located(table, row.number, f"quote cuts across the glossed phrase '{m.phrase}'"))
    return problems


def claim_evidence(valid: Validation) -> list[str]:
    problems = []
    table = datapackage.path("claims")
    for row in valid.usable("claims"):
        if row["status"] in NEEDS_COUNTER_SOURCES and not row.keys("counter_sources"):
            problems.append(located(table, row.number, f"status '{row['status']}' needs counter_sources"))
        if not row.keys("sources") and not row.keys("counter_sources"):
            problems.append(located(table, row.number, "cites no source for or against"))
    return problems


def glosses(valid: Validation, page: Witness) -> list[str]:
    """Every phrase of mentions.csv is in its paragraph and links to a glossary entry; an actor's
    entry is written from actors.csv and not also by hand; its first paragraph is where the article
    first links it, and the article uses each of its aliases."""
    try:
        found = mentions.load(page, valid.usable("mentions"))
    except DataError as error:
        return error.problems
    # Every actor's name, even one whose row breaks the schema: that mistake is reported once, there.
    terms = glossary.terms()
    problems = [
        located(datapackage.path("mentions"), m.row, f"term '{m.term}' is not in the glossary (chapters/glossary.md)")
        for m in found
        if m.term.lower() not in terms
    ]
    first: dict[str, str] = {}
    for mention in sorted(found, key=lambda m: m.paragraph):
        first.setdefault(mention.term.lower(), mention.paragraph)
    # An actor's first paragraph can only be checked against a mentions table read in full.
    mentions_whole = "mentions" not in valid.bad_tables and not valid.bad_rows.get("mentions")
    table = datapackage.path("actors")
    written = {term.lower() for term in glossary.written()}
    body = "\n".join(page.paragraphs)
    for row in valid.usable("actors"):
        name = row["name"].lower()
        if name in written:
            problems.append(located(table, row.number, f"name '{row['name']}' also has an entry written by hand in "
                                                       f"{paths.relative(paths.GLOSSARY)}; the table writes its entry"))
        for alias in row.keys("aliases"):
            if not re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", body):
                problems.append(located(table, row.number, f"alias '{alias}' is not a word of the article"))
        expected = first.get(name, "")
        if mentions_whole and row["first_paragraph"] != expected:
            said = f"the article first names it in {expected}" if expected else "mentions.csv does not link it"
            problems.append(located(table, row.number, f"first_paragraph '{row['first_paragraph']}', but {said}"))
    return problems
