"""The claims audit: each claim of the article, anchored by its exact words, and the edition's
rating scale, stated once for the About page, the article's legend and the exports."""
from __future__ import annotations

from dataclasses import dataclass

from . import datapackage
from .witness import Witness, paragraph_number


@dataclass(frozen=True)
class Status:
    label: str
    criterion: str
    # schema.org ClaimReview's 1 (worst) to 5 (best); None where the scale does not apply.
    rating: int | None


# The edition's scale, applied the same way whichever side a claim favours. Its codes are the
# enum of claims.status in data/datapackage.json (a test holds the two together).
SCALE = {
    "supported": Status("Supported", "The sources establish the claim as the article states it.", 5),
    "partly-supported": Status(
        "Partly supported",
        "Part of the claim is established and part is not, or it is overstated or imprecise; the note says which part.",
        3,
    ),
    "contested": Status(
        "Contested",
        "Credible sources disagree and the evidence does not settle the question; the note gives each side.",
        None,
    ),
    "unsupported": Status(
        "Unsupported",
        "The available evidence contradicts the claim, or the evidence that should exist does not bear it out.",
        1,
    ),
    "unverifiable": Status(
        "Unverifiable",
        "The public record cannot settle it: an unpublished document, a motive, a forecast not yet testable.",
        None,
    ),
    "overtaken": Status(
        "Overtaken",
        "True or reasonable when written, but events after 1 August 2023 have changed it; the note says which.",
        None,
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
