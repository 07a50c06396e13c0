"""The printed edition: how a document is assembled from the site's pages (a table of links and what
each becomes), then the PDFs `make book` prints: their text, bookmarks, links, fonts and dates."""
import re
import unicodedata
from functools import cache

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from edition import citation, pdf, printed, witness
from edition.claims import SCALE

PAGE = """<html><head><title>{title}</title><link rel="stylesheet" href="../_static/{sheet}"></head><body>
<div id="jb-print-docs-body"><h1>{title}</h1></div>
<article class="bd-article"><section id="top"><h1>{title}<a class="headerlink" href="#top">#</a></h1>{body}</section></article>
<script>alert(1)</script></body></html>"""
BIBLIOGRAPHY = ('<div class="citation-list"><div class="citation" id="cite-x"><p>A source. <a class="reference external" '
                'href="https://example.org/x">https://example.org/x</a></p><p class="cited-in">Cited in: '
                '<a href="a.html">A</a></p></div></div><p id="not-an-entry">Text</p>')
GLOSSARY = ('<dl class="glossary"><dt id="term-Y">Y<a class="headerlink" href="#term-Y">#</a></dt><dd><p>Says '
            '<a href="#term-Z">Z</a>.</p><p class="term-mentions">In the article: ¶1</p></dd>'
            '<dt id="term-Z">Z</dt><dd><p>Says <a href="#term-Y">Y</a> and cites '
            '<a href="bibliography.html#cite-x">X</a>.</p></dd></dl>')


@pytest.fixture
def site(tmp_path):
    """A site of four pages: a and b to print, and the two pages a chapter printed alone borrows from."""
    pages = {"a": ("A", "a.css", '<p id="p1"><a id="link" href="{href}">words</a></p><img src="../_images/f.png">'),
             "b": ("B", "b.css", '<p id="sec">B</p>'),
             "bibliography": ("Bibliography", "a.css", BIBLIOGRAPHY), "glossary": ("Glossary", "a.css", GLOSSARY)}
    for name, (title, sheet, body) in pages.items():
        (tmp_path / "chapters").mkdir(exist_ok=True)
        (tmp_path / "chapters" / f"{name}.html").write_text(PAGE.format(title=title, sheet=sheet, body=body), encoding="utf-8")
    return tmp_path


def assembled(site, href: str, pages=("chapters/a.html", "chapters/b.html")) -> printed.Assembled:
    page = site / "chapters" / "a.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{href}", href), encoding="utf-8")
    return printed.assemble(site, printed.Document("x.pdf", "", pages))


@pytest.mark.parametrize("href, becomes", [
    ("b.html#sec", "#chapters-b--sec"),  # to a printed page: within the document
    ("b.html", "#chapters-b"),
    ("#p1", "#chapters-a--p1"),  # within the page
    ("bibliography.html#cite-x", "#chapters-bibliography--cite-x"),  # to a source: borrowed to the end
    ("glossary.html#term-Y", "#chapters-glossary--term-Y"),  # to a term: borrowed, with its definition
    ("https://example.org/", "https://example.org/"),  # outside: as it is
    ("downloads.html", None),  # to a page not printed: the words stay, the link goes
    ("bibliography.html#not-an-entry", None),
    ("bibliography.html#missing", None),
])
def test_a_link_in_a_printed_page_becomes(site, href, becomes):
    document = BeautifulSoup(assembled(site, href).html, "html.parser")
    link = document.find("a", string="words")
    assert (link["href"] if link else None) == becomes
    assert "words" in document.get_text()
    if becomes and becomes.startswith("#"):
        assert document.find(id=becomes[1:]) is not None


def test_a_chapter_printed_alone_ends_with_the_sources_and_terms_it_cites_once_each(site):
    document = BeautifulSoup(assembled(site, "glossary.html#term-Y", pages=("chapters/a.html",)).html, "html.parser")
    appendices = document.select("section.printed-appendix")
    assert [section.h1.get_text() for section in appendices] == ["Sources cited", "Terms used"]
    # Y links to Z, Z back to Y and to the source: each is borrowed once, and links within the document.
    assert [dt["id"] for dt in document.select("dt")] == ["chapters-glossary--term-Y", "chapters-glossary--term-Z"]
    assert len(document.select("div.citation")) == 1
    assert not document.select(".cited-in, .term-mentions, .headerlink")
    assert {a["href"] for a in appendices[1].select("a")} == {"#chapters-glossary--term-Y", "#chapters-glossary--term-Z",
                                                             "#chapters-bibliography--cite-x"}


def test_a_printed_document_loads_the_sites_files_from_its_root_and_runs_no_script(site):
    document = assembled(site, "#p1")
    parsed = BeautifulSoup(document.html, "html.parser")
    assert document.loads == ("/_static/a.css", "/_static/b.css", "/_images/f.png")
    assert [link["href"] for link in parsed.select('link[rel="stylesheet"]')] == ["/_static/a.css", "/_static/b.css"]
    assert not parsed.find("script") and not parsed.select("#jb-print-docs-body, #chapters-a--jb-print-docs-body")
    assert [section["id"] for section in parsed.select("section.printed-page")] == ["chapters-a", "chapters-b"]
    assert document.headings == ("A", "B")


def test_make_pdf_without_a_built_site_says_so(tmp_path, capsys):
    assert pdf.main([str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"make pdf: no built site in {tmp_path}; `make book` builds it\n"


def node(number: int) -> TextStringObject:
    return TextStringObject(f"node{number:08d}")


def pdf_dict(**entries) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


@pytest.mark.parametrize("numbers", [(10, 20), (777, 500)])
def test_a_tables_header_cells_are_named_in_the_structures_order_however_chromium_numbered_them(numbers):
    headers = [pdf_dict(S=NameObject("/TH"), ID=node(number)) for number in numbers]
    cell = pdf_dict(S=NameObject("/TD"), A=pdf_dict(Headers=ArrayObject(map(node, numbers))))
    by_name = sorted(zip(numbers, headers, strict=True), key=lambda pair: pair[0])  # as Chromium sorts them
    leaf = pdf_dict(Limits=ArrayObject([node(min(numbers)), node(max(numbers))]),
                    Names=ArrayObject(item for number, header in by_name for item in (node(number), header)))
    pdf.renumber_nodes(pdf_dict(K=ArrayObject([pdf_dict(S=NameObject("/Table"), K=ArrayObject([*headers, cell]))]),
                                IDTree=pdf_dict(Kids=ArrayObject([leaf]))))
    assert [header["/ID"] for header in headers] == list(cell["/A"]["/Headers"]) == [node(0), node(1)]
    assert list(leaf["/Names"]) == [node(0), headers[0], node(1), headers[1]]
    assert list(leaf["/Limits"]) == [node(0), node(1)]


# The PDFs of the build.

def words(text: str) -> str:
    """Text as compared: ligatures and wide forms undone, every run of white space one space, a
    word broken at its hyphen at a line's end joined again."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(unicodedata.normalize("NFKC", text).split()))


def unannotated(text: str) -> str:
    """The printed article's words without the edition's marks: paragraph numbers and ratings."""
    labels = "|".join(sorted((re.escape(status.label) for status in SCALE.values()), key=len, reverse=True))
    text = re.sub(rf"(?:^| )(?:{labels})(?= |$)", "", re.sub(r"¶\d+ ", "", text))
    return re.sub(r" ([,.;:)])", r"\1", text)


def letters(text: str) -> str:
    return "".join(text.split())


def printed_in(paragraph: str, lines: set[str]) -> bool:
    """Whether the paragraph's letters are a run of printed lines. The lines are taken in any
    order: Chromium paints a line with a highlighted claim after the lines around it, and the text
    comes out of the PDF in the order it was painted."""
    rest = letters(words(paragraph))
    while rest:
        line = max((line for line in lines if line and rest.startswith(line)), key=len, default=None)
        if line is None:
            return False
        rest = rest[len(line):]
    return True


@cache
def reader(path) -> PdfReader:
    return PdfReader(path)


def bookmarks(document: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks: each title and the page it leads to."""
    return [(item.title, document.get_destination_page_number(item)) for item in document.outline if not isinstance(item, list)]


def built_headings(html) -> dict[str, str]:
    return {page: BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")
            .select_one("article.bd-article h1").get_text().removesuffix("#").strip()
            for page in printed.whole_book().pages}


def test_the_book_pdf_has_a_bookmark_per_chapter_and_every_paragraph_of_the_article(html):
    document = reader(html / pdf.FOLDER / "edition.pdf")
    marks = bookmarks(document)
    assert [title for title, _ in marks] == ["Contents", *built_headings(html).values()]
    starts = dict(marks)
    article = witness.article()
    first, after = starts[article.title], min(page for page in starts.values() if page > starts[article.title])
    lines = {letters(unannotated(words(line))) for number in range(first, after)
             for line in document.pages[number].extract_text().splitlines()}
    missing = [n for n, paragraph in enumerate(article.paragraphs, 1) if not printed_in(paragraph, lines)]
    assert not missing, f"paragraphs not found in the PDF's text: {missing}"
    for title, page in marks:  # each chapter's title on the page its bookmark leads to
        assert words(title) in words(document.pages[page].extract_text()), title


def test_the_book_pdfs_contents_give_the_sheet_each_chapter_begins_on(html):
    document = reader(html / pdf.FOLDER / "edition.pdf")
    marks = bookmarks(document)
    (_, contents), (_, first) = marks[:2]
    listed = words(" ".join(document.pages[number].extract_text() for number in range(contents, first))) + " "
    for title, page in marks[1:]:
        assert f" {words(title)} {page + 1} " in listed, title

def test_the_book_pdfs_links_lead_within_it_or_outside_never_to_the_printing_server(html):
    document = reader(html / pdf.FOLDER / "edition.pdf")
    destinations, within, outside = set(document.named_destinations), [], set()
    for page in document.pages:
        for annotation in (annotation.get_object() for annotation in page.get("/Annots") or []):
            if "/Dest" in annotation:
                within.append(str(annotation["/Dest"]))
            else:
                outside.add(str(annotation["/A"]["/URI"]))
    assert len(within) > 1000 and set(within) <= destinations
    assert all(uri.startswith(("https://", "http://")) and "127.0.0.1" not in uri for uri in outside)


@pytest.mark.parametrize("name", [document.name for document in printed.documents()])
def test_each_pdf_embeds_its_fonts_and_carries_the_editions_title_and_release_date(html, name):
    document = reader(html / pdf.FOLDER / name)
    edition = citation.load()
    assert document.metadata["/CreationDate"] == f"D:{edition.released.replace('-', '')}000000Z"
    assert document.metadata["/Subject"] == f"{edition.title}, version {edition.version}"
    fonts = {}
    for page in document.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = (font.get("/DescendantFonts") or [font])[0].get_object().get("/FontDescriptor")
            embedded = ("/FontFile", "/FontFile2", "/FontFile3")
            fonts[str(font["/BaseFont"])] = any(key in descriptor.get_object() for key in embedded)
    assert fonts and all(fonts.values()), fonts


@pytest.mark.parametrize("document", printed.chapter_documents(), ids=lambda document: document.name)
def test_a_chapter_pdf_holds_its_chapter_then_the_sources_it_cites(html, document):
    pdf_file = reader(html / pdf.FOLDER / document.name)
    title = built_headings(html)[document.pages[0]]
    assert pdf_file.metadata.title == title
    marks = bookmarks(pdf_file)
    assert [mark for mark, _ in marks] == [title, "Sources cited", "Terms used"]
    assert marks[0][1] == 0
    assert "Sources cited" in pdf_file.pages[marks[1][1]].extract_text()
