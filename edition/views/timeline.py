"""The timeline as tables and figures, for the timeline notebooks."""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .. import markup, witness
from . import figures, tables
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
THREAD_COLOURS = {thread: figures.PALETTE[i % len(figures.PALETTE)] for i, thread in enumerate(THREAD_LABELS)}


def events() -> pd.DataFrame:
    """One row per event, with ``start`` (the first day of its date, at whatever precision),
    ``precision`` ("day", "month" or "year") and ``paragraphs`` (those it bears on), in date order."""
    table = frame("timeline")
    table["precision"] = table["date"].str.len().map({4: "year", 7: "month", 10: "day"})
    table["start"] = pd.to_datetime(table["date"], format="mixed")
    table["known_to_article"] = table["start"] < published()
    bears_on = frame("bearings").groupby("event")["paragraph"].agg(lambda pids: sorted(set(pids)))
    table["paragraphs"] = table["id"].map(bears_on).map(lambda pids: pids if isinstance(pids, list) else [])
    return table.sort_values(["start", "id"], ignore_index=True)


def by_thread(table: pd.DataFrame) -> pd.DataFrame:
    """Per thread: how many events, from when to when, how many before the article."""
    summary = table.groupby("thread").agg(
        events=("id", "size"), first=("date", "min"), last=("date", "max"), before_article=("known_to_article", "sum")
    ).rename(columns={"before_article": "before the article"})
    return summary.reindex([t for t in THREAD_LABELS if t in summary.index]).rename(index=THREAD_LABELS)


def listing(table: pd.DataFrame, caption: str):
    """The events as a searchable table: the date, then the event with its thread, place and
    certainty, its sources and the paragraphs of the article it bears on; filters by thread and
    certainty."""
    def event(row) -> str:
        more = [f"Sources: {tables.source_links(row['sources'])}"]
        if row["paragraphs"]:
            more.append(f"In the article: {tables.paragraph_links(row['paragraphs'])}")
        return markup.event(row["title"], row["summary"], [THREAD_LABELS[row["thread"]], row["place"], row["certainty"]], more)

    shown = pd.DataFrame({
        "date": table["date"] + table["end_date"].map(lambda end: f" to {end}" if end else ""),
        "event": table.apply(event, axis=1),
        "thread": table["thread"].map(THREAD_LABELS),
        "certainty": table["certainty"],
    })
    return tables.show(shown, caption, searchable=True, filters=("thread", "certainty"), hidden=("thread", "certainty"),
                       html_columns=("event",))


def lanes(table: pd.DataFrame, title: str, since: str | None = None):
    """Every event as a mark in its thread's lane, the lane's name above it so that the time axis
    has the figure's width; the article's publication as a dashed line."""
    shown = table if since is None else table[table["start"] >= pd.Timestamp(since)]
    threads = [t for t in THREAD_LABELS if t in set(shown["thread"])]
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 0.55 * len(threads) + 1.9))
    for lane, thread in enumerate(threads):
        for certainty, marker in CERTAINTY_MARKERS.items():
            points = shown[(shown["thread"] == thread) & (shown["certainty"] == certainty)]
            ax.scatter(points["start"], [lane] * len(points), marker=marker, s=36, color=THREAD_COLOURS[thread],
                       edgecolor="black", linewidth=0.4, zorder=3)
        ax.text(0, lane - 0.22, THREAD_LABELS[thread], transform=ax.get_yaxis_transform(), va="bottom", ha="left")
    ax.axvline(published(), color="black", linestyle="--", linewidth=1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_ylim(len(threads) - 0.5, -0.85)
    ax.grid(axis="x", linewidth=0.3)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=7))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_title(title, loc="left")
    handles = [plt.Line2D([], [], marker=m, linestyle="", color="grey", markeredgecolor="black", label=c)
               for c, m in CERTAINTY_MARKERS.items()]
    handles.append(plt.Line2D([], [], color="black", linestyle="--", label="article published"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, frameon=False)
    fig.tight_layout()
    return fig


def day_by_day(table: pd.DataFrame, start: str, end: str, title: str):
    """One line per event between two dates, its title on the left and its date marked on the
    right: events never share a line, so labels never overlap, and no legend covers an event."""
    shown = table[(table["start"] >= pd.Timestamp(start)) & (table["start"] <= pd.Timestamp(end))].reset_index(drop=True)
    labels = [textwrap.fill(f"{row['date']}  {row['title']}", 34) for _, row in shown.iterrows()]
    # Each event's line is as tall as its label; positions are counted in lines of text.
    heights = [label.count("\n") + 1 for label in labels]
    positions = [sum(heights[:i]) + 0.6 * i + heights[i] / 2 for i in range(len(labels))]
    total = sum(heights) + 0.6 * (len(labels) - 1)
    threads = [t for t in THREAD_LABELS if t in set(shown["thread"])]
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=THREAD_COLOURS[t], markeredgecolor="black",
                          label=THREAD_LABELS[t]) for t in threads]
    handles += [plt.Line2D([], [], marker=m, linestyle="", color="grey", markeredgecolor="black", label=c)
                for c, m in CERTAINTY_MARKERS.items()]
    handles.append(plt.Line2D([], [], color="black", linestyle="--", label="article published"))
    legend_height = 0.3 * -(-len(handles) // 2) + 0.2  # inches, for the legend's rows under the axes
    fig, ax = plt.subplots(figsize=(figures.WIDTH, 0.19 * total + 1.3 + legend_height))
    for position, (_, event) in zip(positions, shown.iterrows(), strict=True):
        ax.scatter(event["start"], position, color=THREAD_COLOURS[event["thread"]], marker=CERTAINTY_MARKERS[event["certainty"]],
                   edgecolor="black", linewidth=0.4, s=36, zorder=3)
    ax.axvline(published(), color="black", linestyle="--", linewidth=1, zorder=1)
    ax.set_yticks(positions, labels)
    ax.set_ylim(total + 0.3, -0.3)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    ax.set_xlim(first - pd.Timedelta(days=3), last + pd.Timedelta(days=3))
    ax.set_xticks(pd.date_range(first, last, freq="MS"))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.tick_params(axis="x", labeltop=True)
    ax.grid(axis="y", linewidth=0.3)
    fig.suptitle(title, x=0.02, ha="left", fontsize=12)
    fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False)
    fig.tight_layout(rect=(0, legend_height / fig.get_figheight(), 1, 1))
    return fig


def bearings(table: pd.DataFrame) -> pd.DataFrame:
    """Each link of an event to a paragraph it bears on, with the event's date and title."""
    links = frame("bearings")
    joined = links.merge(table.drop(columns="paragraphs"), left_on="event", right_on="id", validate="many_to_one")
    joined["number"] = joined["paragraph"].str[1:].astype(int)
    joined["when"] = joined["known_to_article"].map({True: "before the article", False: "after"})
    return joined.sort_values(["number", "start"], ignore_index=True)


def per_paragraph(links: pd.DataFrame):
    """How many events bear on each paragraph, before and after the article, with links to it."""
    counts = links.groupby(["paragraph", "when"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=["before the article", "after"], fill_value=0).reset_index()
    counts["paragraph"] = counts["paragraph"].map(tables.paragraph_link)
    return tables.show(counts, "Events that bear on each paragraph", html_columns=("paragraph",))


def bearings_listing(links: pd.DataFrame, caption: str):
    shown = pd.DataFrame({"paragraph": links["paragraph"].map(tables.paragraph_link), "date": links["date"],
                          "event": links["title"], "when": links["when"], "note": links["note"]})
    return tables.show(shown, caption, searchable=True, filters=("when",), html_columns=("paragraph",))


def bearings_figure(links: pd.DataFrame):
    """How many events bear on each paragraph, before and after publication."""
    counts = links.groupby(["number", "known_to_article"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[True, False], fill_value=0).rename(columns={True: "before the article", False: "after"})
    return figures.paragraph_bars(counts, "Events of the timeline that bear on each paragraph", "Events")
