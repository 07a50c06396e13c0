"""Tables for the HTML book that a reader can search, sort and filter, with no network access.

The behaviour comes from ``_static/edition-tables.js``, served by the book itself; without
JavaScript the table is still a plain, complete HTML table.
"""
from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML


# Notebook pages sit in notebooks/, the bibliography in chapters/.
BIBLIOGRAPHY = "../chapters/bibliography.html"


def source_links(keys: str) -> str:
    """``"a;b"`` → links to those entries of the bibliography page, as HTML."""
    return "; ".join(
        f'<a href="{BIBLIOGRAPHY}#cite-{escape(key)}">{escape(key)}</a>' for key in keys.split(";") if key
    )


def filterable(table: pd.DataFrame, caption: str, links: dict[str, str] | None = None,
               html_columns: set[str] = frozenset()) -> HTML:
    """``table`` as an HTML table marked for the book's filter script.

    ``links`` maps a column to the column holding its link target, e.g. {"title": "url"}: the
    cell shows the first and links to the second, which is not shown as a column of its own.
    ``html_columns`` hold HTML made by this module (``source_links``), shown as it is.
    """
    links = links or {}
    shown = [column for column in table.columns if column not in links.values()]
    head = "".join(f'<th scope="col">{escape(str(column))}</th>' for column in shown)
    body = []
    for _, row in table.iterrows():
        cells = []
        for column in shown:
            text = str(row[column]) if column in html_columns else escape(str(row[column]))
            if column in links:
                text = f'<a href="{escape(str(row[links[column]]))}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return HTML(
        f'<table class="filterable"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
