"""Tables for the HTML book: narrow enough for their column (a phone reads each row as a card),
with links back to the article, and, for the long ones, search, sort and filters that need no
network (``_static/edition-tables.js``). Without JavaScript a table is still complete.
"""
from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from .. import markup
from ..claims import Claim
from ..witness import paragraph_number

# Notebook pages sit in notebooks/; the article and the bibliography in chapters/.
ARTICLE = "../chapters/article.html"
BIBLIOGRAPHY = "../chapters/bibliography.html"


def source_links(keys: str) -> str:
    """``"a;b"`` → links to those entries of the bibliography page, as HTML."""
    return "; ".join(markup.link(f"{BIBLIOGRAPHY}#cite-{key}", key) for key in keys.split(";") if key)


def paragraph_link(pid: str) -> str:
    return markup.paragraph_link(ARTICLE, pid, paragraph_number(pid))


def paragraph_links(pids) -> str:
    return ", ".join(paragraph_link(pid) for pid in pids)


def claim_link(claim: Claim) -> str:
    return markup.claim_link(ARTICLE, claim)


def show(table: pd.DataFrame | pd.Series, caption: str, *, searchable: bool = False, filters: tuple[str, ...] = (),
         hidden: tuple[str, ...] = (), html_columns: tuple[str, ...] = ()) -> HTML:
    """``table`` as an HTML table; a meaningful index (a count's categories, a cross-table's rows)
    becomes its first column. ``filters`` are columns offered as drop-down filters and ``hidden``
    columns are not shown (a filter's values may be shown in another column's cell);
    ``html_columns`` hold HTML made by ``edition.markup``, shown as it is."""
    table = table.to_frame() if isinstance(table, pd.Series) else table
    if not isinstance(table.index, pd.RangeIndex):
        table = table.reset_index(names=table.index.name or "")
    shown = [column for column in table.columns if column not in hidden]

    def cell(value, column) -> str:
        return str(value) if column in html_columns else escape(str(value))

    rows = [[cell(row[column], column) for column in shown] for _, row in table.iterrows()]
    return HTML(markup.data_table(caption, [str(column) for column in shown], rows, searchable=searchable,
                                  filters={name: [str(value) for value in table[name]] for name in filters}))
