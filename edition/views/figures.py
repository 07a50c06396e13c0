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


# Every figure is this wide (inches, at 100 dots each) and no text in it is smaller than
# MIN_FONT points: shrunk to a phone's column (358 CSS px at 390 px wide), its smallest text is
# still more than 9 CSS px tall.
WIDTH = 5.4
MIN_FONT = 10


def setup() -> None:
    """The look of every figure; PNG at twice the pixels, for high-density screens."""
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    mpl.rcParams.update(
        {
            "figure.figsize": (WIDTH, 3.6),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "xtick.labelsize": MIN_FONT,
            "ytick.labelsize": MIN_FONT,
            "legend.fontsize": MIN_FONT,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            # Fixed hashes and no timestamps, so that stored outputs compare equal.
            "svg.hashsalt": "edition",
        }
    )


def paragraph_bars(counts: pd.DataFrame, title: str, ylabel: str, colours: list[str] | None = None,
                   hatches: list[str] | None = None):
    """Stacked bars, one for each paragraph of the article and one layer for each column of
    ``counts`` (indexed by paragraph number); a paragraph missing from ``counts`` shows as 0.
    Layers take the palette's colours and patterns in turn, unless ``colours`` and ``hatches``
    say otherwise."""
    numbers = range(1, len(witness.article().paragraphs) + 1)
    counts = counts.reindex(index=numbers, fill_value=0)
    colours = colours or [PALETTE[i % len(PALETTE)] for i in range(len(counts.columns))]
    hatches = hatches or [HATCHES[i % len(HATCHES)] for i in range(len(counts.columns))]
    fig, ax = plt.subplots(figsize=(WIDTH, 3.6))
    bottom = 0
    for column, colour, hatch in zip(counts.columns, colours, hatches, strict=True):
        ax.bar(counts.index, counts[column], bottom=bottom, color=colour, hatch=hatch, edgecolor="white", label=str(column))
        bottom = bottom + counts[column]
    ax.set_xticks(list(numbers))
    ax.set_xlabel("Paragraph of the article (¶)")
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if len(counts.columns) > 1:
        ax.legend(ncols=3, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2))
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig
