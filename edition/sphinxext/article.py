"""The article's reading text, rendered from the witness at build time.

The chapters never copy the article: ``{{ article_title }}`` and friends are MyST substitutions
filled from the capture, and the ``article-body`` directive renders its paragraphs with their
anchors (``#p07``), glossary links from ``mentions.csv`` and the claims audit in place.
"""
from __future__ import annotations

import datetime as dt
import json

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import bibliography, chapters, datapackage, exports, markup, paths, witness
from .. import claims as claims_table
from .. import mentions as mentions_table
from ..problems import DataError
from .chapters import background_line
from .myst import escape

# The article's chapter, for links to it from other pages.
ARTICLE_DOC = "chapters/article"


def substitutions() -> dict[str, str]:
    """What the chapters and notebooks may write as ``{{ name }}``: facts about the article and
    counts of the data, stated once."""
    page, about = witness.article(), witness.metadata()
    events = datapackage.rows("timeline")
    years = sorted(row["date"][:4] for row in events)
    latest = max(row["date"] for row in events if len(row["date"]) == 10)
    read = sorted(source.fields["urldate"] for source in bibliography.load().values())
    return {
        "article_title": page.title,
        "article_dek": page.dek,
        "article_section": page.section,
        "article_outlet": about["outlet"],
        "article_url": about["url"],
        "article_published": about["published"],
        "article_published_long": long_date(about["published"]),
        "article_image_caption": page.image_caption,
        "article_image_credit": page.image_credit,
        "article_paragraph_count": str(len(page.paragraphs)),
        "article_reading_time": _reading_time(page),
        # Where the capture is, as inline code.
        "capture_file": f"`{paths.relative(paths.WITNESS)}`",
        "capture_folder": f"`{paths.relative(paths.RAW)}/`",
        "capture_metadata": f"`{paths.relative(paths.ARTICLE_METADATA)}`",
        "derived_folder": f"`{paths.relative(paths.DERIVED)}/`",
        "claim_count": str(len(datapackage.rows("claims"))),
        "event_count": str(len(events)),
        "thread_count": str(len(datapackage.allowed("timeline", "thread"))),
        "timeline_span": f"{years[0]}–{years[-1]}",
        # As of when the edition speaks: its latest dated event, and when its sources were read.
        "latest_event": long_date(latest),
        "sources_read": f"{long_date(read[0])} and {long_date(read[-1])}",
    }


def _reading_time(page: witness.Witness) -> str:
    """The article's own text, without the edition's notes: what a reader of it reads."""
    words = chapters.count_words(" ".join(page.paragraphs))
    return f"about {chapters.reading_time(words)} minutes ({words:,} words)"


def add_substitutions(app: Sphinx, config) -> None:
    config.myst_substitutions = {**config.myst_substitutions, **substitutions(), "site_title": config.html_title}


def long_date(iso: str) -> str:
    """``2023-08-01`` → ``1 August 2023``, as the prose of the chapters writes dates."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def paragraph_markup(text: str, glosses: list[mentions_table.Mention], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as MyST inline markup, each glossed phrase in it a ``{term}`` link."""
    end = len(text) if end is None else end
    out, position = [], start
    for mention in glosses:
        if start <= mention.start and mention.end <= end:
            out.append(escape(text[position:mention.start]))
            out.append(f"{{term}}`{mention.phrase} <{mention.term}>`")
            position = mention.end
    out.append(escape(text[position:end]))
    return "".join(out)


def raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


class ArticleBody(SphinxDirective):
    """The article's body paragraphs, numbered ¶1… with the anchors ``#p01``…; glossed names
    link to the glossary; each audited claim is marked in place, its note below the paragraph."""

    def run(self) -> list[nodes.Node]:
        page = witness.article()
        for source in (paths.WITNESS, *(datapackage.path(table) for table in ("mentions", "claims", "background"))):
            self.env.note_dependency(str(source))
        try:
            glosses = witness.by_paragraph(mentions_table.load(page))
        except DataError as error:
            raise self.error(str(error)) from None
        audited = witness.by_paragraph(claims_table.load(page))
        std = self.env.get_domain("std")
        body = nodes.container(classes=["article-body"])
        for number, (pid, text) in enumerate(zip(page.paragraph_ids, page.paragraphs, strict=True), start=1):
            paragraph = nodes.paragraph(classes=["article-paragraph"], ids=[pid])
            paragraph += raw(markup.paragraph_number(pid, number))
            position = 0
            for claim in audited.get(pid, []):
                paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), position, claim.start))
                paragraph += raw(markup.claim_start(claim))
                paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), claim.start, claim.end))
                paragraph += raw(markup.claim_end(claim))
                position = claim.end
            paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), position))
            body += paragraph
            if pid in audited:
                body += self.notes(pid, number, audited[pid])
            background = background_line(pid)
            if background:
                body += nodes.paragraph("", "", *self.inline(background), classes=["background-links"])
            # So that any chapter can write {ref}`article-p07`.
            std.note_hyperlink_target(f"article-{pid}", self.env.docname, pid, f"¶{number}")
        return [body]

    def inline(self, text: str) -> list[nodes.Node]:
        children, messages = self.state.inline_text(text, self.lineno)
        return children + messages

    def notes(self, pid: str, number: int, claims: list[claims_table.Claim]) -> nodes.Node:
        """The edition's notes on a paragraph's claims, in one fold under the paragraph."""
        box = nodes.container(classes=["claim-notes-box"])
        box += raw(markup.notes_start(pid, number, claims))
        for claim in claims:
            box += raw(markup.note_start(claim))
            lines = [escape(claim.note)]
            if claim.sources:
                lines.append(f"Evidence for: {{cite:p}}`{','.join(claim.sources)}`")
            if claim.counter_sources:
                lines.append(f"Evidence against or qualifying: {{cite:p}}`{','.join(claim.counter_sources)}`")
            for line in lines:
                box += nodes.paragraph("", "", *self.inline(line))
            box += raw(markup.note_end(claim))
        box += raw(markup.notes_end())
        return box


class ReadingSwitch(SphinxDirective):
    """The switch between the article as plain text and the article annotated."""

    def run(self) -> list[nodes.Node]:
        return [raw(markup.reading_switch())]


class ArticleSetAside(SphinxDirective):
    """What the capture holds besides the article, and why the edition sets it aside."""

    def run(self) -> list[nodes.Node]:
        page, reasons = witness.article(), witness.metadata()["set_aside"]
        self.env.note_dependency(str(paths.ARTICLE_METADATA))
        missing = sorted({part.kind for part in page.furniture} - reasons.keys())
        if missing:
            raise self.error(f"{paths.relative(paths.ARTICLE_METADATA)}: no reason given in 'set_aside' for {missing}")
        items = nodes.bullet_list(classes=["set-aside"])
        for part in page.furniture:
            first_line = part.text.split("\n")[0]
            text = f"**{escape(part.kind)}** (line {part.line}: “{escape(first_line)}”). {escape(reasons[part.kind])}"
            children, messages = self.state.inline_text(text, self.lineno)
            items += nodes.list_item("", nodes.paragraph("", "", *children), *messages)
        return [items]


def carry_the_claim_reviews(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The article's page carries the claims audit as schema.org ClaimReviews in JSON-LD, for fact-check
    tools and search engines. On the page each review's url is its claim's note there, and the review's
    text is left to that note rather than carried twice (a third of the page's weight)."""
    if pagename == ARTICLE_DOC:
        reviews = [{key: value for key, value in review.items() if key != "reviewBody"}
                   for review in exports.claimreviews(article_page="")]
        reviews = json.dumps(reviews, ensure_ascii=False).replace("</", "<\\/")
        context["metatags"] = context.get("metatags", "") + f'<script type="application/ld+json">{reviews}</script>'
