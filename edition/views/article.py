"""The article as tables and a figure: one row per paragraph, one row per gloss."""
from __future__ import annotations

import pandas as pd

from .. import mentions, witness
from ..witness import paragraph_number
from . import figures, tables
from .frames import frame


def paragraphs() -> pd.DataFrame:
    """Each body paragraph with its length in words and its opening words (from paragraphs.csv)."""
    table = frame("paragraphs")
    table["opening"] = table["text"].map(lambda text: " ".join(text.split()[:8]) + " …")
    return table.drop(columns="text").rename(columns={"id": "paragraph"})


def paragraphs_listing(table: pd.DataFrame):
    shown = table[["paragraph", "words", "opening"]].assign(paragraph=table["paragraph"].map(tables.paragraph_link))
    return tables.show(shown, "The article's paragraphs, their length and their opening words", html_columns=("paragraph",))


def lengths_figure(table: pd.DataFrame):
    """The length of each paragraph in words."""
    return figures.paragraph_bars(table.set_index("number")[["words"]], "Length of each paragraph of the article", "Words")


def glosses() -> pd.DataFrame:
    """Who and what the article names, in the paragraph where it first names them."""
    rows = [
        {"paragraph": m.paragraph, "number": paragraph_number(m.paragraph), "as written": m.phrase, "glossary term": m.term}
        for m in mentions.load(witness.article())
    ]
    return pd.DataFrame(rows).sort_values(["number", "as written"], ignore_index=True)


def glosses_listing(table: pd.DataFrame):
    shown = table[["paragraph", "as written", "glossary term"]].assign(paragraph=table["paragraph"].map(tables.paragraph_link))
    return tables.show(shown, "Who and what the article names, where it first names them", searchable=True,
                       html_columns=("paragraph",))


def first_mentions(table: pd.DataFrame):
    """How many names each paragraph introduces."""
    counts = table.groupby("paragraph").size().rename("first mentions").reset_index()
    counts["paragraph"] = counts["paragraph"].map(tables.paragraph_link)
    return tables.show(counts, "Names each paragraph introduces", html_columns=("paragraph",))
