"""One look for every figure: page-width, colour-blind-safe, the same bytes on every machine."""
from __future__ import annotations

import matplotlib as mpl

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness; yellow last,
# as it is faint on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]


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
