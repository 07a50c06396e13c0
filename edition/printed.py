"""The edition as one printable document, assembled from the built site's pages.

Chromium prints one document at a time, and a link in a PDF works only within the document it is
printed from; so the book is printed as one HTML document: a title page, the contents, then each
page's text in the order of the table of contents. Every id is prefixed with its page's, and every
link between printed pages becomes a link within the document. A chapter printed alone carries, at
its end, the sources and glossary terms it links to, so that its citations still lead somewhere on
paper. Links to what is not printed (the Downloads page, the site's files) keep their words only.
"""
from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from . import book, chapters, citation, markup, paths

# Pages of the site that are not text to read on paper: its file list, and the pages Sphinx makes.
NOT_PRINTED = ("chapters/downloads.html", *book.GENERATED)
# What a page printed alone borrows from the pages it links to: entries, not whole pages.
BORROWED = {"chapters/bibliography.html": ("Sources cited", "div.citation"),
            "chapters/glossary.html": ("Terms used", "dt")}
HEADINGS = "h1, h2, h3, h4, h5, h6"
# The whole book's file name; each chapter's is its own.
BOOK = "edition.pdf"
# The printed document's own layout, beside this module.
STYLESHEET = Path(__file__).with_name("printed.css")


@dataclass(frozen=True)
class Document:
    """A PDF to print: its file name in the site's ``pdf/`` folder, the title of its title page
    (none for a chapter printed alone, which opens with its own heading), and its pages."""

    name: str
    title: str
    pages: tuple[str, ...]

    @property
    def whole(self) -> bool:
        return self.name == BOOK


def anchor(page: str, fragment: str = "") -> str:
    """A page's id in the printed document (``chapters-amia``), or an id of one of its elements."""
    stem = page.removesuffix(".html").replace("/", "-")
    return f"{stem}--{fragment}" if fragment else stem


# Read once for an edition: the build's hooks ask for them on every page.
@paths.per_root
def whole_book() -> Document:
    pages = tuple(page for page in book.pages() if page not in NOT_PRINTED)
    return Document(BOOK, citation.load().title, pages)


@paths.per_root
def chapter_documents() -> tuple[Document, ...]:
    """The article and each reading chapter alone, for an instructor to hand out."""
    return tuple(Document(f"{name}.pdf", "", (f"chapters/{name}.html",)) for name in ["article", *chapters.reading_chapters()])


def documents() -> tuple[Document, ...]:
    return (whole_book(), *chapter_documents())


def front_lines() -> list[str]:
    edition = citation.load()
    return [f"Version {edition.version}, released {edition.released}.", f"Cite as: {citation.text(edition)}",
            citation.licence_line(edition)]


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class Assembly:
    """One document being assembled from the pages of the site in ``site``."""

    def __init__(self, site: Path, document: Document, numbers: dict[str, int]):
        self.site, self.document, self.numbers = site, document, numbers
        self.printed = {page: _parse(site / page) for page in document.pages}
        self.lenders: dict[str, BeautifulSoup] = {}
        self.borrowed: dict[str, list[Tag]] = {page: [] for page in BORROWED}
        self.taken: set[tuple[str, str]] = set()
        self.stylesheets: list[str] = []
        self.images: list[str] = []

    def html(self) -> str:
        sections = "".join(self.section(page) for page in self.document.pages)
        front = markup.print_front(self.document.title, front_lines(), self.contents()) if self.document.title else ""
        back = "".join(markup.print_appendix(BORROWED[page][0], "".join(map(str, entries)))
                       for page, entries in self.borrowed.items() if entries)
        return markup.print_document(self.title(), self.stylesheets, STYLESHEET.read_text(encoding="utf-8"),
                                     front + sections + back)

    def title(self) -> str:
        return self.document.title or self.heading(self.document.pages[0])

    def heading(self, page: str) -> str:
        return self.printed[page].select_one("article.bd-article h1").get_text().removesuffix("#").strip()

    def contents(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        return [(caption, [(f"#{anchor(page)}", self.heading(page), str(self.numbers.get(anchor(page), "")))
                           for page in pages if page in self.printed])
                for caption, pages in book.parts()]

    def section(self, page: str) -> str:
        soup = self.printed[page]
        for link in soup.select('head link[rel="stylesheet"]'):
            if (address := self.address(page, link["href"])) not in self.stylesheets:
                self.stylesheets.append(address)
        article = soup.select_one("article.bd-article")
        self.rewrite(page, article)
        return markup.print_section(anchor(page), article.decode_contents())

    def rewrite(self, page: str, element: Tag) -> None:
        # The theme's own print header repeats the page's title and contents; the document has its own.
        for unprinted in element.select("script, .headerlink, #jb-print-docs-body"):
            unprinted.decompose()
        for tagged in [element, *element.find_all(id=True)]:
            if tagged.get("id"):
                tagged["id"] = anchor(page, tagged["id"])
        for image in element.find_all(src=True):
            image["src"] = self.address(page, image["src"])
            self.images.append(image["src"])
        for link in element.find_all("a", href=True):
            self.relink(page, link)

    def address(self, page: str, reference: str) -> str:
        """A file of the site, from the site's root, as the printing server serves it."""
        return "/" + posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(urlsplit(reference).path)))

    def relink(self, page: str, link: Tag) -> None:
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc:
            return
        target = self.address(page, link["href"])[1:] if parts.path else page
        fragment = unquote(parts.fragment)
        if target in self.printed or target in BORROWED and fragment and self.borrow(target, fragment):
            link["href"] = f"#{anchor(target, fragment)}"
        else:
            link.unwrap()

    def borrow(self, page: str, fragment: str) -> bool:
        """Copy an entry of an unprinted page to the document's end, once; False if it is no entry."""
        if (page, fragment) in self.taken:
            return True
        if page not in self.lenders:
            self.lenders[page] = _parse(self.site / page)
        found = self.lenders[page].find(id=fragment)
        if found is None or not found.css.match(BORROWED[page][1]):
            return False
        entry = copy.copy(found)
        if found.name == "dt":  # a glossary term: the term and its definition, as a list of one
            entry = BeautifulSoup("<dl class=\"glossary\"></dl>", "html.parser").dl
            entry.extend([copy.copy(found), copy.copy(found.find_next_sibling("dd"))])
        for crumb in entry.select(".headerlink, p.cited-in, p.term-mentions"):
            crumb.decompose()
        # Listed before its own links are followed, so that two entries linking to each other end.
        self.borrowed[page].append(entry)
        self.taken.add((page, fragment))
        self.rewrite(page, entry)
        return True


@dataclass(frozen=True)
class Assembled:
    """A document ready to print: its HTML, its title, and the files of the site it loads."""

    html: str
    title: str
    loads: tuple[str, ...]
    headings: tuple[str, ...]  # as written, for the PDF's bookmarks


def assemble(site: Path, document: Document, numbers: dict[str, int] | None = None) -> Assembled:
    """The document to print; ``numbers``, the sheet each page begins on, once it has been printed."""
    assembly = Assembly(site, document, numbers or {})
    html = assembly.html()
    headings = tuple(" ".join(heading.get_text().split()) for heading in BeautifulSoup(html, "html.parser").select(HEADINGS))
    return Assembled(html, assembly.title(), tuple(dict.fromkeys(assembly.stylesheets + assembly.images)), headings)
