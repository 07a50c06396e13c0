"""The bibliography as tables, for the sources notebook: what each source is, and what cites it."""
from __future__ import annotations

import pandas as pd

from .. import bibliography, citations, datapackage, paths, rules
from ..bibliography import plain

COLUMNS = ["key", "author", "title", "outlet", "date", "year", "kind", "language", "url"]


def catalogue() -> pd.DataFrame:
    """One row per bibliography entry."""
    rows = []
    for key, source in bibliography.load().items():
        fields = source.fields
        rows.append({
            "key": key,
            "author": plain(fields["author"]),
            "title": plain(fields["title"]),
            "outlet": plain(fields["howpublished"]),
            "date": fields["date"],
            "year": fields["year"],
            "kind": fields["kind"],
            "language": fields["language"],
            "url": fields["url"],
        })
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("key", ignore_index=True)


def usage() -> pd.DataFrame:
    """One row per citation: which source, cited where (a chapter, a notebook or a table), by what."""
    rows = [
        {"key": key, "cited in": paths.relative(path), "by": f"line {line}"}
        for path, line, key in citations.cited()
    ]
    rows += [
        {"key": key, "cited in": paths.relative(datapackage.path(table)), "by": row["id"]}
        for table, row, _column, key in rules.data_citations()
    ]
    return pd.DataFrame(rows, columns=["key", "cited in", "by"]).sort_values(["key", "cited in", "by"], ignore_index=True)
