"""The HTML the edition writes itself, in one place: the apparatus of the annotated article, the
searchable tables of the notebooks, and the event text of the TimelineJS export.

Every function returns a string of HTML and escapes what it is given, so that no caller has to
remember to. The classes named here are styled by ``_static/edition.css`` and driven by
``_static/edition-claims.js`` and ``_static/edition-tables.js``.
"""
from __future__ import annotations

from html import escape

from .claims import SCALE, Claim


def paragraph_number(pid: str, number: int) -> str:
    """¶7, linking to its own paragraph, so that a reader can copy the address of ¶7."""
    return f'<a class="para-num" href="#{pid}" aria-label="Paragraph {number}">¶{number}</a> '


def rating(code: str) -> str:
    """A rating of the claims scale in words, in its colours."""
    return f'<span class="claim-rating status-{code}">{escape(SCALE[code].label)}</span>'


def claim_start(claim: Claim) -> str:
    """Opens the highlight of a claim's words in the article."""
    return f'<mark class="claim status-{claim.status}" id="claim-{claim.id}">'


def claim_end(claim: Claim) -> str:
    """Closes the highlight; the rating follows the words, as a link to the note, readable
    without colour."""
    label = SCALE[claim.status].label
    return (f'</mark><a class="claim-marker status-{claim.status}" href="#note-{claim.id}" '
            f'aria-label="Claim {claim.label}: {escape(label)}. Read the note">{escape(label)}</a>')


def note_start(claim: Claim) -> str:
    """Opens the note on a claim: folded, under a summary that names the claim and its rating."""
    return (f'<details id="note-{claim.id}"><summary><span class="claim-label">Claim {claim.label}</span> '
            f'{rating(claim.status)} <span class="claim-kind">({escape(claim.kind)})</span> '
            f'“{escape(claim.quote)}”</summary>')


def note_end(claim: Claim) -> str:
    return f'<p class="claim-back"><a href="#claim-{claim.id}">Back to the quoted words</a></p></details>'


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def filterable_table(caption: str, headers: list[str], rows: list[list[str]]) -> str:
    """A table marked for the book's search, sort and filter script; the cells are HTML already."""
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>" for cells in rows)
    return (f'<table class="filterable"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def timelinejs_text(summary: str, sources: list[tuple[str, str, str]], certainty: str) -> str:
    """An event's text for TimelineJS: the summary, then each source as (address, title, outlet)."""
    cited = "; ".join(f"{link(url, title)} ({escape(outlet)})" for url, title, outlet in sources)
    return f"<p>{escape(summary)}</p><p>Sources: {cited}. Certainty: {escape(certainty)}.</p>"
