"""The book builds with no warnings, and the article page is the witness, numbered and glossed."""
import re
from functools import cache

from bs4 import BeautifulSoup

from edition import bibliography, book, claims, datapackage, markup, mentions, paths, witness

# What the edition adds inside a paragraph of the article: its number and the claims' ratings.
APPARATUS = ("a.para-num", "a.claim-marker")


@cache
def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def ids(page: BeautifulSoup) -> set[str]:
    return {element["id"] for element in page.find_all(id=True)}


def article_words(paragraph) -> str:
    """A paragraph's text as the article has it: without the edition's apparatus."""
    paragraph = BeautifulSoup(str(paragraph), "html.parser")
    for added in paragraph.select(", ".join(APPARATUS)):
        added.decompose()
    return paragraph.get_text().strip()


def test_build_has_no_warnings(built):
    assert built.returncode == 0, built.log[-3000:]
    assert not re.findall(r"(?:WARNING|ERROR|CRITICAL):.*", built.log)


def test_the_site_has_exactly_the_books_pages(html):
    built = {path.relative_to(html).as_posix() for path in html.rglob("*.html")
             if not path.relative_to(html).parts[0].startswith("_")}
    assert built == set(book.pages())
    assert "chapters/index.html" in (html / "index.html").read_text(encoding="utf-8")


def test_every_paragraph_has_its_anchor_and_its_words(html):
    page = witness.article()
    article = soup(html / "chapters/article.html")
    for pid, text in zip(page.paragraph_ids, page.paragraphs, strict=True):
        paragraph = article.find("p", id=pid)
        assert paragraph is not None, pid
        assert article_words(paragraph) == text, pid


def test_paragraph_numbers_link_to_their_anchor(html):
    article = (html / "chapters/article.html").read_text(encoding="utf-8")
    for number, pid in enumerate(witness.article().paragraph_ids, start=1):
        assert markup.paragraph_number(pid, number).strip() in article


def test_every_gloss_links_to_a_glossary_entry(html):
    article = soup(html / "chapters/article.html")
    targets = [link["href"].split("#")[1] for link in article.select(".article-body a[href^='glossary.html#term-']")]
    assert len(targets) == len(mentions.load(witness.article()))
    assert set(targets) <= ids(soup(html / "chapters/glossary.html"))


def test_title_dek_and_section_come_from_the_capture(html):
    page = witness.article()
    article = soup(html / "chapters/article.html")
    assert article.h1.get_text().strip().startswith(page.title)
    assert article.select_one(".article-dek").get_text().strip() == page.dek
    assert article.select_one(".article-section").get_text().strip() == page.section


def test_every_citation_resolves_to_the_bibliography(html):
    listed = ids(soup(html / "chapters/bibliography.html"))
    cited = set()
    for page in book.pages():
        for link in soup(html / page).select("a[href*='#cite-']"):
            target = link["href"].split("#")[1]
            assert target in listed, (page, target)
            cited.add(target)
    assert cited, "no page cites a source"


def test_the_bibliography_lists_every_source(html):
    anchors = ids(soup(html / "chapters/bibliography.html"))
    listed = {anchor.removeprefix("cite-") for anchor in anchors if anchor.startswith("cite-")}
    assert listed == set(bibliography.load())


def test_data_dictionary_describes_every_column(html):
    page = soup(html / "chapters/data.html").get_text()
    for spec in datapackage.descriptor()["resources"]:
        assert paths.relative(datapackage.path(spec["name"])) in page
        for field in spec["schema"]["fields"]:
            assert field["description"] in page, (spec["name"], field["name"])


def test_sources_notebook_lists_every_source_in_a_searchable_table(html):
    page = soup(html / "notebooks/sources.html")
    table = page.select_one("table.filterable")
    assert len(table.select("tbody tr")) == len(bibliography.load())
    assert page.select_one("script[src*='_static/edition-tables.js']")


def test_every_claim_is_marked_in_place_with_its_note(html):
    article = soup(html / "chapters/article.html")
    audit = claims.load(witness.article())
    assert audit
    for claim in audit:
        marked = article.find("mark", id=f"claim-{claim.id}")
        assert marked is not None and f"status-{claim.status}" in marked["class"], claim.id
        assert marked.get_text() == claim.quote, claim.id
        assert article.find("details", id=f"note-{claim.id}") is not None, claim.id
        assert article.select_one(f"a.claim-marker[href='#note-{claim.id}']") is not None, claim.id
    legend = {rating.get_text() for rating in article.select("dl.claim-scale .claim-rating")}
    assert legend == {status.label for status in claims.SCALE.values()}


def test_each_thread_table_holds_that_threads_events(html):
    tables = soup(html / "chapters/timeline-threads.html").select("table.timeline-events")
    threads = datapackage.allowed("timeline", "thread")
    assert len(tables) == len(threads)
    events = datapackage.rows("timeline")
    for thread, table in zip(threads, tables, strict=True):
        expected = [row for row in events if row["thread"] == thread]
        assert len(table.select("tbody tr")) == len(expected), thread
        text = table.get_text()
        for row in expected:
            assert row["title"] in text, (thread, row["id"])
