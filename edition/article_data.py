"""The article as tables, for the notebooks: one row per paragraph, one row per gloss."""
from __future__ import annotations

import pandas as pd

from . import datapackage, mentions, witness
from .witness import paragraph_number


def paragraphs() -> pd.DataFrame:
    """Each body paragraph with its length in words and its opening words (from paragraphs.csv)."""
    table = pd.read_csv(datapackage.path("paragraphs"), dtype={"id": str})
    table["opening"] = table["text"].map(lambda text: " ".join(text.split()[:8]) + " …")
    return table.drop(columns="text").rename(columns={"id": "paragraph"}).set_index("paragraph")


def glosses() -> pd.DataFrame:
    """Who and what the article names, in the paragraph where it first names them."""
    rows = [
        {"paragraph": m.paragraph, "number": paragraph_number(m.paragraph), "as written": m.phrase, "glossary term": m.term}
        for m in mentions.load(witness.article())
    ]
    return pd.DataFrame(rows).sort_values(["number", "as written"], ignore_index=True)
