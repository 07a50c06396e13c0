"""The reading chapters' apparatus: the reading time, counted from the chapter's running text
(its tables are consulted, not read) when it is read; the list of the article's paragraphs the
chapter explains; and, in the article, each such paragraph's link back to the section that
explains it. The links both ways come from one table,
``data/background.csv`` (see ``edition.chapters``).
"""
from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import chapters, datapackage
from ..witness import paragraph_number
from .myst import escape as myst_escape


class reading_time(nodes.paragraph):
    """Where a chapter's reading time goes, filled in once the whole chapter has been read."""


class ReadingTime(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [reading_time(classes=["reading-time"])]


def count_the_reading_time(app: Sphinx, doctree: nodes.document) -> None:
    for placeholder in list(doctree.findall(reading_time)):
        words = chapters.count_words(prose(doctree))
        minutes = chapters.reading_time(words)
        text = f"Reading time: about {minutes} minute{'s' if minutes > 1 else ''} ({words:,} words)"
        placeholder.replace_self(nodes.paragraph(text, text, classes=["reading-time"], words=str(words)))
        # Kept with the page's metadata (merged across parallel reads), for the instructors' guide.
        app.env.metadata[app.env.docname]["reading-words"] = words


def prose(doctree: nodes.document) -> str:
    """The chapter's running text: a table is consulted rather than read, so it does not count."""
    return " ".join(text.astext() for text in doctree.findall(nodes.Text) if not _in_table(text))


def _in_table(node: nodes.Node) -> bool:
    while node is not None:
        if isinstance(node, nodes.table):
            return True
        node = node.parent
    return False


class ArticleTouches(SphinxDirective):
    """"Where the article touches this": the paragraphs of the article this chapter explains, each
    with what it says and the section that explains it."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("background")))
        chapter = self.env.docname.removeprefix("chapters/")
        rows = [link for link in chapters.links() if link.chapter == chapter]
        if not rows:
            raise self.error(f"data/background.csv links no paragraph of the article to chapter '{chapter}'")
        lines = [f"- {{ref}}`¶{paragraph_number(link.paragraph)} <article-{link.paragraph}>`: "
                 f"{myst_escape(link.note)} (see {{ref}}`{link.section}`)"
                 for link in sorted(rows, key=lambda link: link.paragraph)]
        box = nodes.container(classes=["article-touches"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, box)
        return [box]


def background_line(pid: str) -> str | None:
    """The MyST line under a paragraph of the article that links it to the sections explaining it."""
    sections = list(dict.fromkeys(link.section for link in chapters.links() if link.paragraph == pid))
    return "Background: " + " · ".join(f"{{ref}}`{section}`" for section in sections) if sections else None
