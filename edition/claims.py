"""The claims audit: each claim of the article, anchored by its exact words, and the edition's
rating scale, stated once for the About page, the article's legend and the exports."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import datapackage
from .witness import Witness, paragraph_number


@dataclass(frozen=True)
class Status:
    label: str
    criterion: str
    # schema.org ClaimReview's 1 (worst) to 5 (best); None where the scale does not apply.
    rating: int | None
    # The rating's colour in the article and in every chart (Okabe & Ito's palette, which the
    # common forms of colour blindness distinguish), and its hatching in charts: a rating is
    # also told by its label, and in a chart by its pattern, never by colour alone.
    colour: str
    hatch: str


# The edition's scale, applied the same way whichever side a claim favours. Its codes are the
# enum of claims.status in data/datapackage.json (a test holds the two together).
SCALE = {
    "supported": Status("Supported", "The sources establish the claim as the article states it.", 5, "#009E73", ""),
    "partly-supported": Status(
        "Partly supported",
        "Part of the claim is established and part is not, or it is overstated or imprecise; the note says which part.",
        3, "#E69F00", "//",
    ),
    "contested": Status(
        "Contested",
        "Credible sources disagree and the evidence does not settle the question; the note gives each side.",
        None, "#CC79A7", "xx",
    ),
    "unsupported": Status(
        "Unsupported",
        "The available evidence contradicts the claim, or the evidence that should exist does not bear it out.",
        1, "#D55E00", "\\\\",
    ),
    "unverifiable": Status(
        "Unverifiable",
        "The public record cannot settle it: an unpublished document, a motive, a forecast not yet testable.",
        None, "#999999", "..",
    ),
    "overtaken": Status(
        "Overtaken",
        "True or reasonable when written, but events after 1 August 2023 have changed it; the note says which.",
        None, "#0072B2", "oo",
    ),
}


@dataclass(frozen=True)
class Claim:
    id: str
    paragraph: str
    quote: str
    kind: str
    status: str
    note: str
    sources: tuple[str, ...]
    counter_sources: tuple[str, ...]
    start: int  # character offset of the quote in its paragraph

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    @property
    def label(self) -> str:
        """How a reader refers to it: ¶13.2 is the second claim of paragraph 13."""
        return f"¶{paragraph_number(self.paragraph)}.{self.id.rsplit('-', 1)[-1]}"


def load(page: Witness) -> list[Claim]:
    """Every claim, placed in its paragraph (the data is assumed to pass `make check`)."""
    found = []
    for row in datapackage.rows("claims"):
        text = page.paragraph(row["paragraph"])
        found.append(Claim(row["id"], row["paragraph"], row["quote"], row["kind"], row["status"], row["note"],
                           tuple(row.keys("sources")), tuple(row.keys("counter_sources")), text.index(row["quote"])))
    return found


def gist(note: str, limit: int = 300) -> str:
    """A note's opening sentences, as many as fit in ``limit`` characters (at least one): enough
    to carry a note's "but" as well as its first point."""
    sentences = re.findall(r".+?[.!?](?=\s+[A-Z“‘'\"(]|\s*$)", note, re.DOTALL) or [note]
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len("".join(kept)) + len(sentence) > limit:
            break
        kept.append(sentence)
    return "".join(kept).strip()


def tally(claims: list[Claim]) -> str:
    """“20 supported, 11 partly supported … and 4 overtaken”, in the scale's order."""
    counts = [(sum(c.status == code for c in claims), status.label.lower()) for code, status in SCALE.items()]
    parts = [f"{count} {label}" for count, label in counts if count]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)

