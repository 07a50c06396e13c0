"""Where the article first names a person, organisation, place or term, and its glossary entry.

``data/mentions.csv`` has one row per gloss: ``paragraph`` (``p01``…), ``phrase`` (the
article's exact words in that paragraph; the link goes on their first occurrence) and ``term``
(the glossary entry). Its columns are described in ``data/datapackage.json``.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from . import datapackage
from .problems import DataError, located
from .witness import Witness


@dataclass(frozen=True)
class Mention:
    paragraph: str
    phrase: str
    term: str
    start: int  # character offset of the phrase in its paragraph
    row: int  # row of the CSV file, the header being row 1

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


def load(witness: Witness, rows: list[datapackage.Row] | None = None) -> list[Mention]:
    """Every gloss (of ``rows``, by default the whole table), placed in its paragraph;
    :class:`DataError` lists every row that cannot be."""
    table = datapackage.path("mentions")
    problems, found = [], []
    for row in datapackage.rows("mentions") if rows is None else rows:
        try:
            start = witness.paragraph(row["paragraph"]).find(row["phrase"])
        except KeyError as error:
            problems.append(located(table, row.number, error.args[0]))
            continue
        if start < 0 or not row["phrase"]:
            problems.append(located(table, row.number, f"phrase '{row['phrase']}' is not in {row['paragraph']}"))
        else:
            found.append(Mention(row["paragraph"], row["phrase"], row["term"], start, row.number))
    problems += _overlaps(found)
    if problems:
        raise DataError(problems)
    return found


def _overlaps(found: list[Mention]) -> list[str]:
    problems = []
    table = datapackage.path("mentions")
    ordered = sorted(found, key=lambda m: (m.paragraph, m.start))
    for before, after in pairwise(ordered):
        if before.paragraph == after.paragraph and after.start < before.end:
            problems.append(located(table, after.row, f"phrase '{after.phrase}' overlaps '{before.phrase}' (row {before.row})"))
    return problems

