"""The book builds with no warnings, and the article page is the witness, numbered and glossed."""
import re
from html import unescape
from html.parser import HTMLParser

from edition import bibliography, claims, datapackage, mentions, witness

PAGES = ["chapters/index.html", "chapters/article.html", "chapters/about.html", "chapters/glossary.html", "chapters/data.html",
         "chapters/bibliography.html", "chapters/timeline-threads.html", "notebooks/article-as-data.html",
         "notebooks/sources.html", "notebooks/timeline.html", "notebooks/deal-weeks.html",
         "notebooks/what-the-article-knew.html", "notebooks/claims.html"]


class Paragraphs(HTMLParser):
    """Text of each <p id="pNN"> on a page, without the edition's paragraph numbers and claim
    ratings (the words the edition adds); and every id on the page."""

    APPARATUS = {"para-num", "claim-marker"}

    def __init__(self):
        super().__init__()
        self.ids, self.text, self.current, self.depth, self.skipping = set(), {}, None, 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if self.current:
            self.depth += tag == "p"
            self.skipping = self.skipping or (tag == "a" and bool(self.APPARATUS & set((attrs.get("class") or "").split())))
        elif tag == "p" and re.fullmatch(r"p\d\d", attrs.get("id", "")):
            self.current, self.depth = attrs["id"], 1
            self.text[self.current] = ""

    def handle_endtag(self, tag):
        if self.current and tag == "a":
            self.skipping = False
        if self.current and tag == "p":
            self.depth -= 1
            if not self.depth:
                self.current = None

    def handle_data(self, data):
        if self.current and not self.skipping:
            self.text[self.current] += data


def bibliography_keys() -> set[str]:
    return set(bibliography.load())


def parse(path) -> Paragraphs:
    parser = Paragraphs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_build_has_no_warnings(book):
    result, _ = book
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stdout + result.stderr
    assert not re.findall(r"(?:WARNING|ERROR|CRITICAL):.*", log)


def test_front_matter_pages_exist(html):
    for page in PAGES:
        assert (html / page).is_file(), page
    assert "chapters/index.html" in (html / "index.html").read_text(encoding="utf-8")


def test_every_paragraph_has_its_anchor_and_its_words(html):
    page = witness.article()
    found = parse(html / "chapters/article.html")
    assert set(page.paragraph_ids) <= found.ids
    for pid, text in zip(page.paragraph_ids, page.paragraphs):
        assert found.text[pid].strip() == text, pid


def test_paragraph_numbers_link_to_their_anchor(html):
    article = (html / "chapters/article.html").read_text(encoding="utf-8")
    for number in range(1, 20):
        assert f'<a class="para-num" href="#p{number:02d}" aria-label="Paragraph {number}">¶{number}</a>' in article


def test_every_gloss_links_to_a_glossary_entry(html):
    article = (html / "chapters/article.html").read_text(encoding="utf-8")
    glossary = parse(html / "chapters/glossary.html")
    targets = re.findall(r'href="glossary\.html#(term-[^"]+)"', article)
    assert len(targets) == len(mentions.load(witness.article()))
    assert set(targets) <= glossary.ids


def test_title_dek_and_section_come_from_the_capture(html):
    page = witness.article()
    article = unescape((html / "chapters/article.html").read_text(encoding="utf-8"))
    assert f"<h1>{page.title}" in article
    assert page.dek in article and page.section in article


def test_every_citation_resolves_to_the_bibliography(html):
    bibliography = parse(html / "chapters/bibliography.html")
    cited = set()
    for page in PAGES:
        text = (html / page).read_text(encoding="utf-8")
        for target in re.findall(r'href="(?:[./a-z]*bibliography\.html)?#(cite-[^"]+)"', text):
            assert target in bibliography.ids, (page, target)
            cited.add(target)
    assert cited, "no page cites a source"


def test_the_bibliography_lists_every_source(html):
    listed = {anchor.removeprefix("cite-") for anchor in parse(html / "chapters/bibliography.html").ids if anchor.startswith("cite-")}
    assert listed == bibliography_keys()


def test_data_dictionary_describes_every_column(html):
    page = unescape((html / "chapters/data.html").read_text(encoding="utf-8"))
    for spec in datapackage.descriptor()["resources"]:
        assert f"data/{spec['path']}" in page
        for field in spec["schema"]["fields"]:
            assert field["description"] in page, (spec["name"], field["name"])


def test_sources_notebook_lists_every_source_in_a_searchable_table(html):
    page = (html / "notebooks/sources.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="filterable">'):]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == len(bibliography_keys()) + 1  # and the header row
    assert "_static/edition-tables.js" in page


def test_every_claim_is_marked_in_place_with_its_note(html):
    article = (html / "chapters/article.html").read_text(encoding="utf-8")
    found = parse(html / "chapters/article.html")
    page = witness.article()
    audit = claims.load(page)
    assert audit
    for claim in audit:
        assert f"claim-{claim.id}" in found.ids and f"note-{claim.id}" in found.ids, claim.id
        marked = re.search(rf'<mark class="claim status-{claim.status}" id="claim-{claim.id}">(.*?)</mark>', article, re.S)
        assert marked and re.sub(r"<[^>]+>", "", unescape(marked.group(1))) == claim.quote, claim.id
        assert f'href="#note-{claim.id}"' in article
    for code, status in claims.SCALE.items():
        assert f'<span class="claim-rating status-{code}">{status.label}</span>' in article  # the legend


def test_each_thread_table_holds_that_threads_events(html):
    page = (html / "chapters/timeline-threads.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table[^>]*timeline-events.*?</table>", page, re.S)
    threads = datapackage.allowed("timeline", "thread")
    assert len(tables) == len(threads)
    events = datapackage.rows("timeline")
    for thread, table in zip(threads, tables):
        expected = [row for row in events if row["thread"] == thread]
        assert table.count("<tr") == len(expected) + 1, thread
        for row in expected:
            assert unescape(row["title"]) in unescape(table), (thread, row["id"])
