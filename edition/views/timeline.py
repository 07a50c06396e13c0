"""The timeline as tables and figures, for the timeline notebooks."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .. import witness
from . import figures
from .frames import frame


def published() -> pd.Timestamp:
    """The day the article appeared: what lies before it, the article could know."""
    return pd.Timestamp(witness.metadata()["published"])


# Lane order and names in the figures; the codes are the enum of timeline.thread.
THREAD_LABELS = {
    "amia": "AMIA bombing and investigation",
    "bolivia-2019": "Bolivia 2019 and after",
    "argentina": "Argentine politics",
    "iran-latam": "Iran in Latin America",
    "deal": "The July 2023 deal",
    "brics": "BRICS",
    "after": "After the article",
}
CERTAINTY_MARKERS = {"confirmed": "o", "reported": "s", "disputed": "X"}


def events() -> pd.DataFrame:
    """One row per event, with ``start`` (the first day of its date, at whatever precision) and
    ``precision`` ("day", "month" or "year"), in date order."""
    table = frame("timeline")
    table["precision"] = table["date"].str.len().map({4: "year", 7: "month", 10: "day"})
    table["start"] = pd.to_datetime(table["date"], format="mixed")
    table["known_to_article"] = table["start"] < published()
    return table.sort_values(["start", "id"], ignore_index=True)


def by_thread(table: pd.DataFrame) -> pd.DataFrame:
    """Per thread: how many events, from when to when, how many before the article."""
    summary = table.groupby("thread").agg(
        events=("id", "size"), first=("date", "min"), last=("date", "max"), before_article=("known_to_article", "sum")
    )
    return summary.reindex([t for t in THREAD_LABELS if t in summary.index]).rename(index=THREAD_LABELS)


def lanes(table: pd.DataFrame, title: str, since: str | None = None):
    """Every event as a mark in its thread's lane; the article's publication as a dashed line."""
    shown = table if since is None else table[table["start"] >= pd.Timestamp(since)]
    threads = [t for t in THREAD_LABELS if t in set(shown["thread"])]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(threads) + 1.6))
    for lane, thread in enumerate(threads):
        colour = figures.PALETTE[lane % len(figures.PALETTE)]
        for certainty, marker in CERTAINTY_MARKERS.items():
            points = shown[(shown["thread"] == thread) & (shown["certainty"] == certainty)]
            ax.scatter(points["start"], [lane] * len(points), marker=marker, s=40, color=colour,
                       edgecolor="black", linewidth=0.4, zorder=3, label=certainty if lane == 0 else None)
    ax.axvline(published(), color="black", linestyle="--", linewidth=1)
    ax.annotate("article published", (published(), -0.55), xytext=(-4, 0), textcoords="offset points",
                fontsize=9, va="top", ha="right")
    ax.set_yticks(range(len(threads)), [THREAD_LABELS[t] for t in threads])
    ax.set_ylim(-0.6, len(threads) - 0.1)
    ax.invert_yaxis()
    ax.grid(axis="x", linewidth=0.3)
    ax.set_title(title)
    handles = [plt.Line2D([], [], marker=m, linestyle="", color="grey", markeredgecolor="black", label=c)
               for c, m in CERTAINTY_MARKERS.items()]
    ax.legend(handles=handles, title="certainty", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3, frameon=False)
    fig.tight_layout()
    return fig


def day_by_day(table: pd.DataFrame, start: str, end: str, title: str):
    """One row per event between two dates, labelled: events never share a line, so labels never
    overlap."""
    shown = table[(table["start"] >= pd.Timestamp(start)) & (table["start"] <= pd.Timestamp(end))]
    shown = shown.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(shown) + 1.4))
    colours = {t: figures.PALETTE[i % len(figures.PALETTE)] for i, t in enumerate(THREAD_LABELS)}
    for row, event in shown.iterrows():
        ax.scatter(event["start"], row, color=colours[event["thread"]], marker=CERTAINTY_MARKERS[event["certainty"]],
                   edgecolor="black", linewidth=0.4, s=36, zorder=3)
        ax.annotate(f"{event['date']}  {event['title']}", (event["start"], row), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.axvline(published(), color="grey", linestyle="--", linewidth=1, zorder=1)
    ax.annotate("article published", (published(), -0.7), xytext=(-4, 0), textcoords="offset points",
                fontsize=8, va="center", ha="right", color="grey")
    ax.set_yticks([])
    ax.set_ylim(len(shown) - 0.5, -1.0)
    # Room on the right for the labels; ticks only where there are events.
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    ax.set_xlim(first, last + (last - first) * 0.9)
    ax.set_xticks(pd.date_range(first, last, freq="MS"))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    ax.spines["left"].set_visible(False)
    ax.set_title(title)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=colours[t], markeredgecolor="black", label=THREAD_LABELS[t])
               for t in THREAD_LABELS if t in set(shown["thread"])]
    handles += [plt.Line2D([], [], marker=m, linestyle="", color="grey", markeredgecolor="black", label=c)
                for c, m in CERTAINTY_MARKERS.items()]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def bearings(table: pd.DataFrame) -> pd.DataFrame:
    """Each link of an event to a paragraph it bears on, with the event's date and title."""
    links = frame("bearings")
    joined = links.merge(table, left_on="event", right_on="id", validate="many_to_one")
    joined["number"] = joined["paragraph"].str[1:].astype(int)
    joined["when"] = joined["known_to_article"].map({True: "before the article", False: "after"})
    return joined.sort_values(["number", "start"], ignore_index=True)


def bearings_figure(links: pd.DataFrame):
    """How many events bear on each paragraph, before and after publication."""
    counts = links.groupby(["number", "known_to_article"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[True, False], fill_value=0).rename(columns={True: "before the article", False: "after"})
    return figures.paragraph_bars(counts, "Events of the timeline that bear on each paragraph", "Events")
