"""The bibliography as tables and figures, for the sources notebook: what each source is, and what cites it."""
from __future__ import annotations

from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MultipleLocator

from .. import bibliography, citations, datapackage, markup, paths, rules, witness
from ..bibliography import plain
from . import figures, tables

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


def by_kind_figure(table: pd.DataFrame):
    counts = table["kind"].value_counts().sort_values()
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 3.2))
    ax.barh(counts.index, counts.values, color=figures.PALETTE[0])
    ax.bar_label(ax.containers[0], padding=3)
    ax.set_xlabel("Sources")
    ax.set_title("Sources by kind", loc="left")
    fig.tight_layout()
    return fig


def by_year_figure(table: pd.DataFrame):
    """Dated sources by year of publication, every year of the span on the axis (a year with no
    source shows as no bar), and the article's year marked."""
    # The date's year: a citation's year may carry a letter (2023a).
    years = table.loc[table["date"] != bibliography.UNDATED, "date"].str[:4].astype(int)
    counts = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0)
    article_year = int(witness.metadata()["published"][:4])
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 3.4))
    bars = ax.bar(counts.index, counts.values, color=figures.PALETTE[2], width=0.8)
    marked = bars[list(counts.index).index(article_year)]
    marked.set_facecolor(figures.PALETTE[5])
    marked.set_edgecolor("white")
    marked.set_hatch("//")
    ax.xaxis.set_major_locator(MultipleLocator(5))
    ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.set_xlabel("Year of publication")
    ax.set_ylabel("Sources")
    ax.set_title(f"Dated sources by year (hatched: {article_year}, the article's)", loc="left")
    fig.tight_layout()
    return fig


def listing(table: pd.DataFrame, used: pd.DataFrame, caption: str):
    """Every source as a searchable table: the work (author, title linked to its address, outlet,
    date, key), its kind and language, and how often the edition cites it; filters by kind and
    language."""
    cited = table["key"].map(used["key"].value_counts()).fillna(0).astype(int)

    def work(row) -> str:
        return (f"{escape(row['author'])}. {markup.link(row['url'], row['title'])}. "
                f"{escape(row['outlet'])}, {escape(row['date'])}.<span class=\"row-meta\">{escape(row['key'])}</span>")

    shown = pd.DataFrame({"source": table.apply(work, axis=1), "kind": table["kind"], "language": table["language"],
                          "cited": cited})
    return tables.show(shown, caption, searchable=True, filters=("kind", "language"), html_columns=("source",))
