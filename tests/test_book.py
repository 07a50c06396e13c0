"""The book builds with no warnings, and the article page is the witness, numbered and glossed."""
import json
import re
from functools import cache
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup

from edition import (
    bibliography,
    book,
    chapters,
    citation,
    claims,
    datapackage,
    downloads,
    exports,
    markup,
    mentions,
    paths,
    pdf,
    printed,
    witness,
)
from edition import glossary as gloss

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


def entries(html) -> dict[str, "BeautifulSoup"]:
    page = soup(html / "chapters/bibliography.html")
    return {entry["id"].removeprefix("cite-"): entry for entry in page.select("div.citation")}


def test_the_bibliography_is_grouped_by_kind(html):
    from edition.sphinxext.bibliography import GROUPS, group_anchor
    page = soup(html / "chapters/bibliography.html")
    sources = bibliography.load()
    headings = page.select("h2.source-group")
    assert [heading["id"] for heading in headings] == [group_anchor(title) for title in GROUPS]
    for heading, (title, kinds) in zip(headings, GROUPS.items(), strict=True):
        listed = [entry["id"].removeprefix("cite-") for entry in heading.find_next_sibling("div").select("div.citation")]
        assert listed and all(sources[key].kind in kinds for key in listed), title
        assert f"({len(listed)})" in heading.get_text()


def test_each_source_says_which_pages_cite_it(html):
    citing: dict[str, set[str]] = {}
    for page_path in book.pages():
        for link in soup(html / page_path).select("a[href*='bibliography.html#cite-']"):
            citing.setdefault(link["href"].split("#cite-")[1], set()).add(page_path.rsplit("/", 1)[-1])
    for key, entry in entries(html).items():
        listed = {link["href"].split("#")[0] for link in entry.select("p.cited-in a")}
        assert {target.rsplit("/", 1)[-1] for target in listed} == citing.get(key, set()), key


def test_each_source_shows_its_copy_and_an_archived_copy(html):
    shown = entries(html)
    for key, source in bibliography.load().items():
        entry, fields = shown[key], source.fields
        archived = f"https://web.archive.org/web/{fields['urldate'].replace('-', '')}/{fields['url']}"
        assert entry.select_one(f"a[href='{archived}']"), key
        text = " ".join(entry.get_text().split())
        if "via" in fields:
            assert f"Read via {bibliography.plain(fields['via'])}." in text, key
        if "whykept" in fields:
            assert "Why this site is cited: " in text, key


def test_the_about_page_lists_the_sites_the_edition_does_not_cite(html):
    page = soup(html / "chapters/about.html")
    listed = [code.get_text() for code in page.select("ul.excluded-sites code")]
    assert listed == list(bibliography.EXCLUDED_HOSTS)
    kept = sum(1 for source in bibliography.load().values() if "whykept" in source.fields)
    assert f"{kept} entries cite one of these sites" in page.get_text()


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
        assert article.find("section", id=f"note-{claim.id}") is not None, claim.id
        assert article.select_one(f"a.claim-marker[href='#note-{claim.id}']") is not None, claim.id
    legend = {rating.get_text() for rating in article.select("dl.claim-scale .claim-rating")}
    assert legend == {status.label for status in claims.SCALE.values()}


def test_a_paragraphs_notes_are_one_fold_under_it_in_reading_order(html):
    article = soup(html / "chapters/article.html")
    audited = witness.by_paragraph(claims.load(witness.article()))
    for pid, in_text in audited.items():
        paragraph = article.find("p", id=pid)
        fold = paragraph.find_next_sibling()
        assert fold.select_one("details.claim-notes")["id"] == f"notes-{pid}", pid
        notes = [note["id"].removeprefix("note-") for note in fold.select("section.claim-note")]
        assert notes == [claim.id for claim in in_text], pid
        number = witness.paragraph_number(pid)
        assert [claim.label for claim in in_text] == [f"¶{number}.{n}" for n in range(1, len(in_text) + 1)], pid
    assert len(article.select("details.claim-notes")) == len(audited)


def test_no_note_doubles_the_quotation_marks_of_the_words_it_is_about(html):
    heads = [head.get_text() for head in soup(html / "chapters/article.html").select("p.claim-head")]
    assert heads and not [head for head in heads if "““" in head or "””" in head]


def test_the_claims_page_links_to_every_claim(html):
    links = {a["href"] for a in soup(html / "notebooks/claims.html").select("a.claim-link")}
    assert links == {f"../chapters/article.html#note-{claim.id}" for claim in claims.load(witness.article())}


def test_the_landing_page_says_what_the_edition_found(html):
    page = soup(html / "chapters/index.html")
    config = yaml.safe_load((paths.REPOSITORY / "_config.yml").read_text(encoding="utf-8"))
    assert page.h1.get_text().strip().rstrip("#") == config["title"]
    audit = claims.load(witness.article())
    assert f"The edition checked {len(audit)} of the article's claims: {claims.tally(audit)}." in page.get_text()
    findings = page.select("ul.findings li")
    assert len(findings) == 3
    notes = ids(soup(html / "chapters/article.html"))
    for finding in findings:
        assert finding.select_one("a.claim-link")["href"].split("#")[1] in notes


def test_the_glossary_writes_the_actors_entries_in_the_order_names_are_looked_up(html):
    glossary = soup(html / "chapters/glossary.html")
    for kind in datapackage.allowed("actors", "type"):
        listed = [dt.get_text().strip().rstrip("#") for dt in glossary.select(f"#{kind_section(kind)} dl.glossary dt")]
        actors = sorted((row for row in datapackage.rows("actors") if row["type"] == kind),
                        key=lambda row: row["sort_as"].lower())
        assert listed == [row["name"] for row in actors], kind


def kind_section(kind: str) -> str:
    return {"person": "people", "organisation": "organisations", "state": "states"}[kind]


def test_every_glossary_entry_lists_the_paragraphs_that_name_it(html):
    glossary = soup(html / "chapters/glossary.html")
    naming = {term: [f"article.html#{pid}" for pid in pids] for term, pids in gloss.paragraphs_naming(witness.article()).items()}
    entries = glossary.select("dl.glossary dt")
    assert len(entries) == len(gloss.terms())
    for term in entries:
        name = term.get_text().strip().rstrip("#").lower()
        listed = [a["href"] for a in term.find_next_sibling("dd").select(".term-mentions a")]
        assert listed == naming.get(name, []), name
    assert naming["edmundo novillo"] == ["article.html#p02", "article.html#p06"]


def test_every_event_links_to_the_paragraphs_it_bears_on(html):
    tables = soup(html / "chapters/timeline-threads.html").select("table.timeline-events")
    linked = {a["href"] for table in tables for a in table.select("a[href^='article.html#p']")}
    assert linked == {f"article.html#{row['paragraph']}" for row in datapackage.rows("bearings")}


def test_every_figure_is_numbered_captioned_sourced_and_described(html):
    found = 0
    for page in book.pages():
        for figure in soup(html / page).select("figure"):
            found += 1
            caption = figure.select_one("figcaption")
            assert caption is not None and caption.select_one(".caption-number"), page
            assert "Data: data/" in caption.get_text(), (page, caption.get_text())
            alt = figure.img.get("alt", "")
            assert len(alt) > 40 and not re.search(r"\.(png|svg)|[0-9a-f]{16}", alt), (page, alt)
        # A notebook's image outside a figure would have neither number nor caption.
        for image in soup(html / page).select("div.cell_output img"):
            assert image.find_parent("figure"), (page, image.get("src"))
    assert found >= 9


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


def test_the_article_page_carries_the_claim_reviews_as_json_ld(html):
    page = soup(html / "chapters/article.html")
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    reviews = json.loads(scripts[0].string)
    # The reviews of the export, less their text, which is the note at each review's url on the page.
    assert reviews == [{key: value for key, value in review.items() if key != "reviewBody"}
                       for review in exports.claimreviews(article_page="")]
    assert all(page.find(id=review["url"].removeprefix("#")) for review in reviews)


def test_every_page_gives_the_version_the_licences_and_how_to_cite(html):
    edition = citation.load()
    for page in book.pages():
        if soup(html / page).select_one('meta[http-equiv="Refresh"]'):
            continue  # the site's root only sends a reader on to the landing page
        footer = soup(html / page).select_one(".extra_footer")
        text = " ".join(footer.get_text(" ").split())
        assert f"Version {edition.version}, released {edition.released}." in text, page
        assert "CC BY 4.0" in text and "MIT" in text and "belongs to its publisher" in text, page
        assert urljoin(page, footer.a["href"]) == "chapters/about.html#licences-and-citation", page


def test_the_landing_page_and_about_carry_the_citation(html):
    edition = citation.load()
    for page in ("chapters/index.html", "chapters/about.html"):
        found = soup(html / page)
        assert found.select_one(".edition-citation").get_text() == citation.text(edition)
        assert found.select_one(".edition-bibtex").get_text().strip() == citation.bibtex(edition)


def test_the_downloads_page_offers_every_file_as_it_is_with_its_size(html):
    rows = soup(html / "chapters/downloads.html").select("table.downloads tbody tr")
    offered = downloads.files() + downloads.pdfs(html)
    assert [download.path for download in downloads.pdfs(html)] == [document.name for document in printed.documents()]
    assert len(rows) == len(offered)
    for row, download in zip(rows, offered, strict=True):
        assert (html / urljoin("chapters/downloads.html", row.a["href"])).read_bytes() == download.content, download.path
        assert row.select("td")[2].get_text(" ").split()[-2:] == download.size.split()
    # A downloaded data folder is a data package: each table where its descriptor says.
    package = html / downloads.FOLDER / "data"
    for resource in json.loads((package / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        assert (package / resource["path"]).is_file(), resource["path"]


def test_each_page_offers_the_book_as_pdf_and_a_chapter_its_own(html):
    own = {document.pages[0]: document.name for document in printed.chapter_documents()}
    for page in book.pages():
        if page in book.GENERATED:
            continue
        menu = soup(html / page).select_one(".dropdown-download-buttons")
        offered = [urljoin(page, link["href"]) for link in menu.select("a") if link["href"].endswith(".pdf")]
        expected = [f"{pdf.FOLDER}/{own[page]}"] if page in own else []
        assert offered == expected + [f"{pdf.FOLDER}/edition.pdf"], page
        assert not menu.select("button[onclick]"), page  # not the browser's print dialogue


def test_the_landing_page_lists_the_pdfs_by_title(html):
    items = soup(html / "chapters/index.html").select("ul.printed-editions li")
    links = [urljoin("chapters/index.html", item.select("a")[-1]["href"]) for item in items]
    assert links == [f"{pdf.FOLDER}/{document.name}" for document in printed.documents()]
    titles = [item.a.get_text() for item in items[1:]]
    assert titles == [soup(html / document.pages[0]).h1.get_text().removesuffix("#") for document in printed.chapter_documents()]


def test_the_guide_has_a_unit_per_reading_chapter_with_the_chapter_s_own_time_and_objectives(html):
    units = soup(html / "chapters/guide.html").select("div.reading-unit")
    assert len(units) == len(chapters.reading_chapters())
    for unit, chapter in zip(units, chapters.reading_chapters(), strict=True):
        page = soup(html / f"chapters/{chapter}.html")
        minutes = re.search(r"about (\d+) minute", page.select_one(".reading-time").get_text()).group(1)
        assert f"about {minutes} minutes of reading" in unit.get_text(), chapter
        assert unit.a["href"] == f"{chapter}.html"
        assert len(unit.select("li")) == len(page.select(".objectives li")), chapter
        assert unit.select("a[href*='notebooks/']"), chapter  # at least one notebook to run
