"""Where the article first names a person, organisation or place, and the glossary term for it.

``data/article/mentions.csv`` has one row per gloss: ``paragraph`` (``p01``…), ``phrase`` (the
article's exact words in that paragraph; the link goes on their first occurrence) and ``term``
(the glossary entry).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .problems import DataError, located
from .witness import Witness

COLUMNS = ["paragraph", "phrase", "term"]


@dataclass(frozen=True)
class Mention:
    paragraph: str
    phrase: str
    term: str
    start: int  # character offset of the phrase in its paragraph
    row: int  # line in the CSV file

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


def load(witness: Witness, path: Path = paths.MENTIONS) -> list[Mention]:
    """Read and check every row; raise :class:`DataError` listing all problems at once."""
    problems, mentions = [], []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise DataError([located(path, 1, f"expected columns {COLUMNS}, found {reader.fieldnames}")])
        for record in reader:
            row = reader.line_num
            mention, problem = _check_row(witness, record, row)
            if problem:
                problems.append(located(path, row, problem))
            else:
                mentions.append(mention)
    problems += _overlaps(mentions, path)
    if problems:
        raise DataError(problems)
    return mentions


def _check_row(witness: Witness, record: dict, row: int) -> tuple[Mention | None, str | None]:
    if None in record or any(value is None for value in record.values()):
        return None, f"expected {len(COLUMNS)} fields ({', '.join(COLUMNS)})"
    pid, phrase, term = (record[name].strip() for name in COLUMNS)
    if not phrase or not term:
        return None, "phrase and term must not be empty"
    try:
        text = witness.paragraph(pid)
    except KeyError as error:
        return None, error.args[0]
    start = text.find(phrase)
    if start < 0:
        return None, f"phrase '{phrase}' is not in {pid}"
    return Mention(pid, phrase, term, start, row), None


def _overlaps(mentions: list[Mention], path: Path) -> list[str]:
    problems = []
    ordered = sorted(mentions, key=lambda m: (m.paragraph, m.start))
    for before, after in zip(ordered, ordered[1:]):
        if before.paragraph == after.paragraph and after.start < before.end:
            problems.append(located(path, after.row, f"phrase '{after.phrase}' overlaps '{before.phrase}' (row {before.row})"))
    return problems


def by_paragraph(mentions: list[Mention]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        grouped.setdefault(mention.paragraph, []).append(mention)
    return grouped
