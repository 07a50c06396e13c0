"""One look for every figure: page-width, colour-blind-safe, the same bytes on every machine."""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from .. import witness

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness; yellow last,
# as it is faint on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
# So that the layers of a stacked bar differ without colour too.
HATCHES = ["", "//", "xx", "\\\\", "..", "oo"]


def setup() -> None:
    mpl.rcParams.update(
        {
            "figure.figsize": (8, 4),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            # Fixed hashes and no timestamps, so that stored outputs compare equal.
            "svg.hashsalt": "edition",
        }
    )


def paragraph_bars(counts: pd.DataFrame, title: str, ylabel: str):
    """Stacked bars, one for each paragraph of the article and one layer for each column of
    ``counts`` (indexed by paragraph number); a paragraph missing from ``counts`` shows as 0."""
    numbers = range(1, len(witness.article().paragraphs) + 1)
    counts = counts.reindex(index=numbers, fill_value=0)
    fig, ax = plt.subplots(figsize=(8, 3.8))
    bottom = 0
    for layer, column in enumerate(counts.columns):
        ax.bar(counts.index, counts[column], bottom=bottom, color=PALETTE[layer % len(PALETTE)],
               hatch=HATCHES[layer % len(HATCHES)], edgecolor="white", label=str(column))
        bottom = bottom + counts[column]
    ax.set_xticks(list(numbers))
    ax.set_xlabel("Paragraph of the article (¶)")
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if len(counts.columns) > 1:
        ax.legend(ncols=3, fontsize=9, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    ax.set_title(title)
    fig.tight_layout()
    return fig
