"""Tables for the HTML book that a reader can search, sort and filter, with no network access.

The behaviour comes from ``_static/edition-tables.js``, served by the book itself; without
JavaScript the table is still a plain, complete HTML table.
"""
from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from .. import markup

# Notebook pages sit in notebooks/, the bibliography in chapters/.
BIBLIOGRAPHY = "../chapters/bibliography.html"


def source_links(keys: str) -> str:
    """``"a;b"`` → links to those entries of the bibliography page, as HTML."""
    return "; ".join(markup.link(f"{BIBLIOGRAPHY}#cite-{key}", key) for key in keys.split(";") if key)


def filterable(table: pd.DataFrame, caption: str, links: dict[str, str] | None = None,
               html_columns: set[str] = frozenset()) -> HTML:
    """``table`` as an HTML table marked for the book's filter script.

    ``links`` maps a column to the column holding its link target, e.g. {"title": "url"}: the
    cell shows the first and links to the second, which is not shown as a column of its own.
    ``html_columns`` hold HTML made by ``edition.markup`` (``source_links``), shown as it is.
    """
    links = links or {}
    shown = [column for column in table.columns if column not in links.values()]

    def cell(row, column) -> str:
        if column in links:
            return markup.link(str(row[links[column]]), str(row[column]))
        return str(row[column]) if column in html_columns else escape(str(row[column]))

    rows = [[cell(row, column) for column in shown] for _, row in table.iterrows()]
    return HTML(markup.filterable_table(caption, [str(column) for column in shown], rows))
