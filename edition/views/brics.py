"""Membership of BRICS over time, from ``data/brics_membership.csv``: each country's standings as a
table and as a figure of bars, for the notebook ``brics``."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..countries import NAMES
from . import figures
from .frames import frame

# Each standing's colour and pattern; invitations are pale and hatched, so that colour is not the
# only difference.
STYLE = {
    "member": (figures.PALETTE[0], ""),
    "partner": (figures.PALETTE[2], ""),
    "invited as member": ("#9ecae1", "//"),
    "invited as partner": ("#a1d99b", "//"),
}


def membership() -> pd.DataFrame:
    """One row per standing, with ``start`` and ``end`` as timestamps. A standing still held ends
    at the latest event the timeline records: as far as the sources go."""
    table = frame("brics_membership")
    unknown = sorted(set(table["country"]) - set(NAMES))
    if unknown:
        raise ValueError(f"data/brics_membership.csv names countries with no name in edition.countries.NAMES: "
                         f"{', '.join(unknown)}")
    last = pd.to_datetime(frame("timeline")["date"], format="mixed").max()
    table["name"] = table["country"].map(NAMES)
    table["start"] = pd.to_datetime(table["from"], format="mixed")
    table["end"] = pd.to_datetime(table["to"].replace("", None), format="mixed").fillna(last)
    return table.sort_values(["start", "name"]).reset_index(drop=True)


def membership_figure(table: pd.DataFrame):
    """A bar for each standing of each country, countries in the order they first appear, from
    the founders at the top."""
    order = list(dict.fromkeys(table["name"]))
    row = {name: number for number, name in enumerate(reversed(order))}
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 0.26 * len(order) + 1.7))
    for status, (colour, hatch) in STYLE.items():
        spans = table[table["status"] == status]
        ax.barh([row[name] for name in spans["name"]], spans["end"] - spans["start"], left=spans["start"], height=0.7,
                color=colour, hatch=hatch, edgecolor="white", linewidth=0.4)
    ax.set_yticks(list(row.values()), list(row))
    ax.set_ylim(-0.6, len(order) - 0.4)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Standing in BRICS since 2009", loc="left")
    ax.legend(handles=[Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=status)
                       for status, (colour, hatch) in STYLE.items()],
              loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, frameon=False)
    fig.tight_layout()
    return fig


def standings(table: pd.DataFrame) -> pd.DataFrame:
    """The standings as the notebook lists them: country, standing, from, to."""
    return table.assign(to=table["to"].replace("", "(still held)"))[["name", "status", "from", "to", "event"]].rename(
        columns={"name": "country", "status": "standing"})
