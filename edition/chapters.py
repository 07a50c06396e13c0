"""The reading chapters: the background chapters a student reads beside the article.

``data/background.csv`` is the one statement of which section of which chapter explains which
paragraph of the article. From it the chapter lists the paragraphs it explains ("Where the article
touches this") and the article links each paragraph back to the section ("Background"); a chapter
is a reading chapter because it is linked to the article there, and the tests hold every reading
chapter to the pattern (``../shared/chapter-pattern.md``).

A section is named by a MyST target written on the line above its heading: ``(bolivia-oas-audit)=``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import datapackage, paths
from .datapackage import Row

TARGET = re.compile(r"^\(([a-z0-9]+(?:-[a-z0-9]+)*)\)=\s*$", re.MULTILINE)
# Reading speed for the reading time a chapter shows.
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Link:
    chapter: str
    section: str
    paragraph: str
    note: str


def links(rows: list[Row] | None = None) -> list[Link]:
    rows = datapackage.rows("background") if rows is None else rows
    return [Link(row["chapter"], row["section"], row["paragraph"], row["note"]) for row in rows]


def reading_chapters() -> list[str]:
    """The chapters linked to the article, in the order the table first names them."""
    return list(dict.fromkeys(link.chapter for link in links()))


def path(chapter: str) -> Path:
    return paths.CHAPTERS / f"{chapter}.md"


def targets(chapter: str) -> set[str]:
    """The section labels a chapter defines."""
    return set(TARGET.findall(path(chapter).read_text(encoding="utf-8")))


WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def reading_time(words: int) -> int:
    """Minutes, rounded up, at the edition's reading speed."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


# What a chapter's source says of itself, for the instructors' guide: it is read from the chapter,
# so that the guide never restates it.
OBJECTIVES = re.compile(r"```\{admonition\} Learning objectives\n(.*?)```", re.S)
ITEM = re.compile(r"^\d+\. (.*?)(?=^\d+\. |\Z)", re.S | re.M)
NOTEBOOK = re.compile(r"\.\./notebooks/([a-z0-9-]+)")
EXERCISE = re.compile(r"```\{exercise\}\n:label: ([a-z0-9-]+)\n\n(.*?)```", re.S)
DATA_FILE = re.compile(r"data/[a-z_]+\.csv")


@dataclass(frozen=True)
class Outline:
    """A chapter as an instructor plans with it."""

    objectives: list[str]
    notebooks: list[str]
    questions: int
    exercises: list[str]  # their labels
    data: list[str]  # the data files the exercises use


def _section(text: str, heading: str) -> str:
    found = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return found.group(1) if found else ""


def outline(chapter: str) -> Outline:
    text = path(chapter).read_text(encoding="utf-8")
    block = OBJECTIVES.search(text)
    objectives = [" ".join(item.split()).rstrip(";.") for item in ITEM.findall(block.group(1))] if block else []
    exercises = EXERCISE.findall(_section(text, "Exercises"))
    return Outline(
        objectives=objectives,
        notebooks=list(dict.fromkeys(NOTEBOOK.findall(text))),
        questions=len(ITEM.findall(_section(text, "Discussion questions"))),
        exercises=[label for label, _ in exercises],
        data=sorted({name for _, body in exercises for name in DATA_FILE.findall(body)}),
    )
