"""The dispute over the OAS's analysis of Bolivia's 2019 election: its statements and studies as a
table and as a figure of who answered whom, for the notebook ``oas-studies``."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import markup
from . import figures, tables
from .frames import frame

# The lanes of the figure, top to bottom, and their names; the codes are oas_studies.position.
POSITIONS = {"oas": "The OAS's own", "supports": "Supports the OAS", "disputes": "Disputes the OAS"}
POSITION_STYLE = {"oas": (figures.PALETTE[0], "s"), "supports": (figures.PALETTE[1], "^"), "disputes": (figures.PALETTE[2], "o")}


def studies() -> pd.DataFrame:
    """One row per statement or study, in date order, with ``start`` (the first day of its date)."""
    table = frame("oas_studies")
    table["start"] = pd.to_datetime(table["date"], format="mixed")
    return table.sort_values(["start", "id"]).reset_index(drop=True)


def listing(table: pd.DataFrame, caption: str):
    shown = pd.DataFrame({
        "date": table["date"],
        "study": table.apply(lambda row: markup.study(row["title"], row["authors"], row["institution"],
                                                       row["commissioned_by"]), axis=1),
        "position": table["position"],
        "finding": table["finding"],
        "sources": table["sources"].map(tables.source_links),
    })
    return tables.show(shown, caption, searchable=True, filters=("position",), html_columns=("study", "sources"))


def answers(table: pd.DataFrame) -> pd.DataFrame:
    """(answer, answered) pairs: which study responds to which."""
    pairs = table.assign(answered=table["responds_to"].str.split(";")).explode("answered")
    return pairs[pairs["answered"].fillna("") != ""][["id", "answered"]].rename(columns={"id": "answer"})


def exchange_figure(table: pd.DataFrame):
    """Each statement or study as a mark on its date, in the lane of its position, with a line to
    each study it answers."""
    lanes = {position: number for number, position in enumerate(reversed(list(POSITIONS)))}
    where = {row["id"]: (row["start"], lanes[row["position"]]) for _, row in table.iterrows()}
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 3.4))
    for _, pair in answers(table).iterrows():
        (x0, y0), (x1, y1) = where[pair["answer"]], where[pair["answered"]]
        ax.plot([x1, x0], [y1, y0], color="#999999", linewidth=0.8, zorder=1)
    for position, (colour, marker) in POSITION_STYLE.items():
        rows = table[table["position"] == position]
        ax.scatter(rows["start"], [lanes[position]] * len(rows), color=colour, marker=marker, s=46, zorder=2,
                   edgecolor="white", linewidth=0.6)
    ax.set_yticks(list(lanes.values()), [POSITIONS[position] for position in lanes])
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Statements and studies, and what each answered", loc="left")
    fig.autofmt_xdate(rotation=0, ha="center")
    fig.tight_layout()
    return fig
