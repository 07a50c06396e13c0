"""The article as tables, for the notebooks: one row per paragraph, one row per gloss."""
from __future__ import annotations

import pandas as pd

from . import mentions, witness
from .witness import paragraph_number


def paragraphs() -> pd.DataFrame:
    """Each body paragraph with its length in words and its opening words."""
    page = witness.article()
    rows = [
        {
            "paragraph": pid,
            "number": paragraph_number(pid),
            "words": len(text.split()),
            "opening": " ".join(text.split()[:8]) + " …",
        }
        for pid, text in zip(page.paragraph_ids, page.paragraphs)
    ]
    return pd.DataFrame(rows).set_index("paragraph")


def glosses() -> pd.DataFrame:
    """Who and what the article names, in the paragraph where it first names them."""
    rows = [
        {"paragraph": m.paragraph, "number": paragraph_number(m.paragraph), "as written": m.phrase, "glossary term": m.term}
        for m in mentions.load(witness.article())
    ]
    return pd.DataFrame(rows).sort_values(["number", "as written"], ignore_index=True)
