"""The claims audit as tables and a figure, for the claims notebook."""
from __future__ import annotations

import pandas as pd

from ..claims import SCALE, load
from ..witness import Witness, paragraph_number
from . import figures, tables
from .frames import frame


def table(page: Witness) -> pd.DataFrame:
    """The claims as a DataFrame, in the article's order, with the rating's label."""
    rows = [{"claim": c.label, "id": c.id, "paragraph": c.paragraph, "number": paragraph_number(c.paragraph),
             "kind": c.kind, "status": c.status, "rating": SCALE[c.status].label, "quote": c.quote,
             "for": len(c.sources), "against": len(c.counter_sources), "link": tables.claim_link(c)} for c in load(page)]
    return pd.DataFrame(rows).sort_values(["number", "id"], ignore_index=True)


def listing(audit: pd.DataFrame, caption: str):
    """Every claim, linked to its note in the article; filters by rating and kind."""
    shown = audit[["link", "rating", "kind", "quote", "for", "against"]].rename(columns={"link": "claim"})
    return tables.show(shown, caption, searchable=True, filters=("rating", "kind"), html_columns=("claim",))


def evidence(page: Witness) -> pd.DataFrame:
    """One row per citation in the audit: which claim, which source, and on which side."""
    rows = [{"id": c.id, "status": c.status, "key": key, "side": side}
            for c in load(page) for side, keys in (("for", c.sources), ("against or qualifying", c.counter_sources))
            for key in keys]
    return pd.DataFrame(rows)


def voices() -> pd.DataFrame:
    return frame("voices")


def voices_listing(table: pd.DataFrame, caption: str):
    """Each voice the article brings in, linked to its paragraph; filters by how and on which side."""
    shown = table[["paragraph", "voice", "how", "side", "words"]].assign(paragraph=table["paragraph"].map(tables.paragraph_link))
    return tables.show(shown, caption, searchable=True, filters=("how", "side"), html_columns=("paragraph",))


def ratings_by_paragraph_figure(frame: pd.DataFrame):
    """Stacked bars: how many claims of each rating in each paragraph."""
    counts = frame.groupby(["number", "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(SCALE), fill_value=0).rename(columns={code: s.label for code, s in SCALE.items()})
    return figures.paragraph_bars(counts, "The edition's ratings, paragraph by paragraph", "Claims",
                                  colours=[s.colour for s in SCALE.values()], hatches=[s.hatch for s in SCALE.values()])
