"""The HTML the edition writes itself, in one place: the apparatus of the annotated article, the
searchable tables of the notebooks, and the event text of the TimelineJS export.

Every function returns a string of HTML and escapes what it is given, so that no caller has to
remember to. The classes named here are styled by ``_static/edition.css`` and driven by
``_static/edition-article.js`` and ``_static/edition-tables.js``.
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


def quoted(words: str) -> str:
    """The article's words in quotation marks, unless they begin or end with their own."""
    opening = "" if words[:1] in "“‘\"" else "“"
    closing = "" if words[-1:] in "”’\"" else "”"
    return f"{opening}{escape(words)}{closing}"


def notes_start(pid: str, number: int, claims: list[Claim]) -> str:
    """Opens a paragraph's notes: one fold under the paragraph, whose summary lists its claims
    and their ratings."""
    listed = " · ".join(f'<span class="claim-label">{c.label}</span> {rating(c.status)}' for c in claims)
    return (f'<details class="claim-notes" id="notes-{pid}"><summary>'
            f'<span class="claim-notes-title">Notes on ¶{number}</span> {listed}</summary>')


def notes_end() -> str:
    return "</details>"


def note_start(claim: Claim) -> str:
    """Opens the note on one claim: its label, rating, kind and the words it is about."""
    return (f'<section class="claim-note status-{claim.status}" id="note-{claim.id}" aria-label="Claim {claim.label}">'
            f'<p class="claim-head"><span class="claim-label">Claim {claim.label}</span> {rating(claim.status)} '
            f'<span class="claim-kind">({escape(claim.kind)})</span> {quoted(claim.quote)}</p>')


def note_end(claim: Claim) -> str:
    return f'<p class="claim-back"><a href="#claim-{claim.id}">Back to the quoted words</a></p></section>'


def reading_switch() -> str:
    """Plain text or annotated: shown by the article's script, which remembers the choice."""
    return ('<div class="reading-switch" role="group" aria-label="Show the article as" hidden>'
            '<button type="button" data-reading="annotated" aria-pressed="true">Annotated</button>'
            '<button type="button" data-reading="plain" aria-pressed="false">Plain text</button></div>')


def bibliography_search(groups: list[tuple[str, str]]) -> str:
    """Links to the bibliography's groups, and a search box over its entries that the page's
    script shows."""
    links = " · ".join(f'<a href="#{anchor}">{escape(title)}</a>' for title, anchor in groups)
    return (f'<nav class="source-groups" aria-label="Kinds of source"><p>{links}</p></nav>'
            '<div class="bibliography-search" hidden><label for="bibliography-search">Find a source</label> '
            '<input type="search" id="bibliography-search"> <span class="table-status" role="status" aria-live="polite">'
            '</span></div>')


def source_group(title: str, anchor: str, count: int) -> str:
    """The heading over one group of the bibliography."""
    return f'<h2 class="source-group" id="{anchor}">{escape(title)} <small>({count})</small></h2>'


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def data_table(caption: str, headers: list[str], rows: list[list[str]], *, searchable: bool = False,
               filters: dict[str, list[str]] | None = None) -> str:
    """A table of the edition's data; the cells are HTML already. Each cell carries its column's
    name, so that on a phone a row can be read as a card. ``searchable`` marks the table for the
    book's search, sort and filter script; ``filters`` gives, for each drop-down filter, the value
    of every row (kept on the row, whether or not a column shows it)."""
    filters = filters or {}
    head = "".join(f'<th scope="col" role="columnheader">{escape(header)}</th>' for header in headers)
    body = []
    for number, cells in enumerate(rows):
        data = "".join(f' data-filter-{name}="{escape(values[number])}"' for name, values in filters.items())
        tds = "".join(f'<td role="cell" data-label="{escape(header)}">{cell}</td>'
                      for header, cell in zip(headers, cells, strict=True))
        body.append(f'<tr role="row"{data}>{tds}</tr>')
    classes = "data-table filterable" if searchable else "data-table"
    names = f' data-filters="{escape(" ".join(filters))}"' if filters else ""
    return (f'<table class="{classes}" role="table"{names}><caption>{escape(caption)}</caption>'
            f'<thead><tr role="row">{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


def paragraph_link(article: str, pid: str, number: int) -> str:
    """¶7, linking to the paragraph in the article at ``article`` (its address from the page)."""
    return f'<a class="paragraph-link" href="{escape(article)}#{pid}">¶{number}</a>'


def claim_link(article: str, claim: Claim) -> str:
    """¶14.1, linking to the claim's note in the article."""
    return f'<a class="claim-link" href="{escape(article)}#note-{claim.id}">{claim.label}</a>'


def event(title: str, summary: str, details: list[str], more: list[str]) -> str:
    """A row's main cell: an event's title and summary, then a line of its secondary columns, then
    further lines that are HTML already (its sources, the paragraphs it bears on)."""
    meta = " · ".join(escape(detail) for detail in details if detail)
    lines = "".join(f'<span class="row-line">{line}</span>' for line in more if line)
    return (f'<strong>{escape(title)}</strong> {escape(summary)}'
            f'<span class="row-meta">{meta}</span>{lines}')


def timelinejs_text(summary: str, sources: list[tuple[str, str, str]], certainty: str) -> str:
    """An event's text for TimelineJS: the summary, then each source as (address, title, outlet)."""
    cited = "; ".join(f"{link(url, title)} ({escape(outlet)})" for url, title, outlet in sources)
    return f"<p>{escape(summary)}</p><p>Sources: {cited}. Certainty: {escape(certainty)}.</p>"


def study(title: str, authors: str, institution: str, commissioned_by: str) -> str:
    """A study as a table cell: who, where, what, and for whom."""
    cell = f"<strong>{escape(authors)}</strong> ({escape(institution)}), <em>{escape(title)}</em>"
    return cell + (f"; commissioned by {escape(commissioned_by)}" if commissioned_by else "")


def edition_footer(version: str, released: str, cite: str, licences: str) -> str:
    """Below every page: the version, a link to how to cite it, and the licences."""
    return (f'<p class="edition-version">Version {escape(version)}, released {escape(released)}. '
            f'<a href="{escape(cite)}">How to cite this edition</a>.</p>'
            f'<p class="edition-licences">{escape(licences)}</p>')


def rate_choice(claim: Claim, choices: dict[str, str]) -> str:
    """A student's rating of one claim: the edition's scale, and "not rated"."""
    options = '<option value="">not rated</option>' + "".join(
        f'<option value="{escape(code)}">{escape(label)}</option>' for code, label in choices.items())
    return (f'<select id="rate-{escape(claim.id)}" data-claim="{escape(claim.id)}" '
            f'aria-label="Your rating of {escape(claim.label)}">{options}</select>')


def rate_reason(claim: Claim) -> str:
    return (f'<input type="text" id="reason-{escape(claim.id)}" data-claim="{escape(claim.id)}" '
            f'aria-label="Your reason for {escape(claim.label)}" autocomplete="off">')


def rate_answer(article: str, claim: Claim) -> str:
    """The edition's rating of a claim, hidden until the student asks for it."""
    return (f'<span class="rate-answer" data-claim="{escape(claim.id)}" data-status="{escape(claim.status)}" hidden>'
            f'{rating(claim.status)} <a href="{escape(article)}#note-{escape(claim.id)}">the note</a>'
            f' <span class="rate-verdict"></span></span>')


def rate_form(table: str) -> str:
    """The worksheet: the table of claims, a summary the script writes, and its two buttons."""
    return (f'<form class="rate-it" novalidate>{table}'
            '<p class="rate-summary" role="status" aria-live="polite"></p>'
            '<p class="rate-buttons"><button type="button" class="rate-reveal">Reveal the edition\'s ratings</button> '
            '<button type="button" class="rate-reset">Start again</button></p></form>')


def rate_claim(article: str, claim: Claim) -> str:
    """A claim on the worksheet: its label, linking to its words in the article, the words and its kind."""
    return (f'<a href="{escape(article)}#claim-{escape(claim.id)}">{escape(claim.label)}</a> '
            f'{escape(quoted(claim.quote))} <span class="rate-kind">({escape(claim.kind)})</span>')


def print_document(title: str, stylesheets: list[str], style: str, body: str) -> str:
    """The printed edition: the site's stylesheets and its own ``style``, always in light colours."""
    links = "".join(f'<link rel="stylesheet" href="{escape(href)}">' for href in stylesheets)
    return (f'<!DOCTYPE html><html lang="en" data-theme="light" data-mode="light"><head><meta charset="utf-8">'
            f'<title>{escape(title)}</title>{links}<style>{style}</style></head>'
            f'<body class="printed"><main class="bd-article">{body}</main></body></html>')


def print_front(title: str, lines: list[str], contents: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """The title page (the title, then ``lines``) and the contents, each part's pages linked to where
    they begin, with the number of the sheet they begin on (its room kept while still unknown)."""
    parts = "".join(
        (f"<li>{escape(caption)}<ol>" if caption else "<li><ol>")
        + "".join(f'<li><a href="{escape(href)}">{escape(text)}</a><span class="printed-number">{escape(number)}</span></li>'
                  for href, text, number in pages) + "</ol></li>"
        for caption, pages in contents if pages)
    front = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (f'<section class="printed-front"><p class="printed-title">{escape(title)}</p>{front}</section>'
            f'<nav class="printed-contents" aria-label="Contents"><h1>Contents</h1><ol>{parts}</ol></nav>')


def print_section(anchor: str, content: str) -> str:
    return f'<section class="printed-page" id="{escape(anchor)}">{content}</section>'


def print_appendix(title: str, entries: str) -> str:
    """What a chapter printed alone links to on pages not printed with it: its sources, its terms."""
    return f'<section class="printed-page printed-appendix"><h1>{escape(title)}</h1>{entries}</section>'
