"""Every page of the built book in a real browser (Debian's Chromium, driven by Playwright): no
console errors, no request leaving 127.0.0.1, no serious accessibility violation under the current
axe-core release, and search and paragraph links that work."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from urllib.parse import urlparse

import pytest

from edition import book, bundle, chapters, claims, datapackage, paths, witness
from edition.claims import SCALE

# axe-core at the version tests/package-lock.json pins, installed by `make setup`.
AXE = paths.REPOSITORY / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def site(html):
    with book.served(html) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    with book.chromium() as launched:
        yield launched


def visit(page, site: str, html, page_path: str) -> None:
    """Load a page; one that sends the reader on (index.html) is looked at where it lands."""
    redirects = 'http-equiv="Refresh"' in (html / page_path).read_text(encoding="utf-8")
    page.goto(site + page_path, wait_until="networkidle" if redirects else "load")


# Two pages are checked at a time, so that the browser's two renderer processes share the cores.
IN_FLIGHT = 2


@pytest.fixture(scope="session")
def visits(html, site, browser):
    """Each page of the book loaded once: its console errors, outside requests and axe violations."""
    assert AXE.exists(), f"{paths.relative(AXE)} is missing: `make setup` installs it"
    found, pending = {}, []
    for page_path in book.pages():
        pending.append(Visit(browser, site, html, page_path))
        if len(pending) == IN_FLIGHT:
            found.update(pending.pop(0).finish())
    for visit in pending:
        found.update(visit.finish())
    return found


class Visit:
    """A page loaded in a context of its own, with axe started on it."""

    def __init__(self, browser, site, html, page_path):
        self.path, self.errors, self.outside = page_path, [], []
        self.context = browser.new_context()
        page = self.page = self.context.new_page()
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("response", lambda response: self.errors.append(f"HTTP {response.status} {response.url}")
                if response.status >= 400 else None)
        page.route("**/*", self.route)
        visit(page, site, html, page_path)
        # The page's own errors, taken before axe runs.
        self.page_errors = list(self.errors)
        page.add_script_tag(path=str(AXE))
        # Only the violations are reported in detail, which halves the time axe takes.
        page.evaluate("() => { window.editionAxe = axe.run(document, {resultTypes: ['violations']}); }")

    def route(self, request_route):
        if urlparse(request_route.request.url).hostname in ("127.0.0.1", None):
            request_route.continue_()
        else:
            self.outside.append(request_route.request.url)
            request_route.abort()

    def finish(self) -> dict:
        report = self.page.evaluate("() => window.editionAxe")
        self.context.close()
        return {self.path: {"errors": self.page_errors, "outside": self.outside, "axe": report["violations"],
                            "engine": report["testEngine"]["version"]}}


def test_every_page_was_visited(visits, html):
    built = {path.relative_to(html).as_posix() for path in html.rglob("*.html")
             if not path.relative_to(html).parts[0].startswith("_")}
    assert set(visits) == built


def test_no_console_errors(visits):
    failures = {page: seen["errors"] for page, seen in visits.items() if seen["errors"]}
    assert not failures


def test_no_request_leaves_the_machine(visits):
    failures = {page: seen["outside"] for page, seen in visits.items() if seen["outside"]}
    assert not failures


def test_axe_is_the_pinned_release(visits):
    import json

    pinned = json.loads((paths.REPOSITORY / "tests" / "package.json").read_text(encoding="utf-8"))["dependencies"]["axe-core"]
    assert {seen["engine"] for seen in visits.values()} == {pinned}


def test_no_serious_accessibility_violations(visits):
    failures = {
        page: [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)"
               for v in seen["axe"] if v["impact"] in SERIOUS]
        for page, seen in visits.items()
    }
    assert not {page: found for page, found in failures.items() if found}


def test_search_finds_the_defence_minister(site, browser):
    page = browser.new_page()
    page.goto(site + "search.html?q=Novillo", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.locator("#search-results li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("chapters/article.html" in href for href in results), results
    page.close()


def test_the_search_dialog_opens_from_any_page(site, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    page.keyboard.press("Control+k")
    page.wait_for_selector("#pst-search-dialog[open] input[name=q]")
    page.keyboard.type("Novillo")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-results li", timeout=15000)
    assert page.url.startswith(site + "search.html?q=Novillo")
    page.close()


def test_a_paragraph_link_lands_on_its_paragraph(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site + "chapters/index.html", wait_until="networkidle")
    page.click("a[href$='article.html#p13']")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("chapters/article.html#p13")
    box = page.locator("#p13").bounding_box()
    assert box is not None and 0 <= box["y"] < 800, box
    # And the paragraph's own number is a link to itself.
    page.click("a.para-num[href='#p07']")
    assert page.url.endswith("#p07")
    assert page.evaluate("document.querySelector(':target').id") == "p07"
    page.close()


def test_a_claim_rating_opens_its_note_by_keyboard(site, browser):
    page = browser.new_page()
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    marker = page.locator("a.claim-marker").first
    note_id = marker.get_attribute("href").lstrip("#")
    note = page.locator(f"#{note_id}")
    assert not note.is_visible()
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.getElementById('{note_id}').closest('details').open === true")
    assert note.is_visible()
    # The rating is announced in words, not only by colour.
    assert "Read the note" in marker.get_attribute("aria-label")
    page.close()


WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_article_text_begins_on_the_first_screen(site, browser, screen):
    page = browser.new_page(viewport=WIDTHS[screen])
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    top = page.locator("#p01").bounding_box()["y"]
    assert top < WIDTHS[screen]["height"] - 100, f"the text begins {top:.0f}px down"
    page.close()


def test_the_reading_switch_shows_the_plain_text_and_is_remembered(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    marker, plain = page.locator("a.claim-marker").first, page.locator(".reading-switch button[data-reading=plain]")
    assert marker.is_visible() and plain.get_attribute("aria-pressed") == "false"
    plain.focus()
    page.keyboard.press("Enter")
    assert plain.get_attribute("aria-pressed") == "true"
    assert not marker.is_visible() and not page.locator("details.claim-notes").first.is_visible()
    assert page.locator("mark.claim").first.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
    page.goto(site + "chapters/about.html", wait_until="networkidle")
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.reading") == "plain" and not marker.is_visible()
    page.locator(".reading-switch button[data-reading=annotated]").click()
    assert marker.is_visible()
    context.close()


@pytest.mark.parametrize("kind, selector", [
    ("glossary entry", ".article-body a[href*='glossary.html#term-']"),
    ("source", "#about-this-text a[href*='#cite-']"),
])
@pytest.mark.parametrize("how", ["hover", "focus"])
def test_a_link_shows_a_preview_of_where_it_leads(site, browser, kind, selector, how):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    link = page.locator(selector).first
    if how == "hover":
        link.hover()
    else:
        link.focus()
    preview = page.locator("#edition-preview")
    assert preview.is_visible()
    assert len(preview.text_content()) > 20
    assert link.get_attribute("aria-describedby") == "edition-preview"
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    page.close()


def test_the_glossary_preview_is_the_entrys_definition(site, browser):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    page.locator(".article-body a[href='glossary.html#term-Ebrahim-Raisi']").hover()
    assert page.locator("#edition-preview").text_content().startswith("The eighth president of Iran")
    page.close()


# Every table's right edge, and the right edge of its page's text column.
TABLE_EDGES = """() => { const a = document.querySelector('article.bd-article');
  if (!a) return [];
  const column = a.getBoundingClientRect().right - parseFloat(getComputedStyle(a).paddingRight);
  return [...a.querySelectorAll('table')].map(t => [t.caption ? t.caption.textContent : t.className,
    t.getBoundingClientRect().right - column]); }"""


@pytest.mark.parametrize("screen", WIDTHS)
def test_no_table_is_wider_than_its_column(html, site, browser, screen):
    page = browser.new_page(viewport=WIDTHS[screen])
    too_wide, tables = [], 0
    for page_path in book.pages():
        visit(page, site, html, page_path)
        edges = page.evaluate(TABLE_EDGES)
        tables += len(edges)
        too_wide += [(page_path, name, round(over)) for name, over in edges if over > 1]
    page.close()
    assert tables >= 30
    assert not too_wide


def test_figures_are_drawn_at_twice_their_size(site, browser):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(site + "notebooks/claims.html", wait_until="networkidle")
    image = page.locator("figure img").first
    natural, shown = image.evaluate("i => [i.naturalWidth, i.getBoundingClientRect().width]")
    assert natural >= 2 * shown - 1
    page.close()


def test_one_search_box_on_a_desktop(site, browser):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    assert page.locator(".search-button-field:visible").count() == 1
    page.close()


def test_a_search_opens_the_article_with_the_words_highlighted(site, browser):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(site + "search.html?q=Novillo", wait_until="networkidle")
    page.click("#search-results li a[href$='chapters/article.html']")
    words = page.locator(".article-paragraph span.highlighted")
    words.first.wait_for()
    assert words.first.is_visible() and words.first.text_content() == "Novillo"
    page.close()


def test_the_ratings_take_the_packages_colours(site, browser):
    page = browser.new_page()
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    for code, status in claims.SCALE.items():
        border = page.locator(f"dl.claim-scale .claim-rating.status-{code}").evaluate("e => getComputedStyle(e).borderTopColor")
        red, green, blue = (int(status.colour[i:i + 2], 16) for i in (1, 3, 5))
        assert border == f"rgb({red}, {green}, {blue})", code
    page.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_the_icons_are_drawn(site, browser, width):
    """The theme's icons come from its web font, cut down to the glyphs the pages use: each icon
    of the header is drawn, with a width, in the icon font."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    icons = page.locator(".bd-header-article .fa-solid:visible, .bd-header-article .fas:visible")
    assert icons.count() >= 3
    for icon in icons.all():
        assert icon.bounding_box()["width"] > 5
        assert "Font Awesome" in icon.evaluate("e => getComputedStyle(e, '::before').fontFamily")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Font Awesome') && f.status === 'loaded')")
    page.close()


def test_the_article_fits_a_phone_screen(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a 390px screen"
    page.close()


def test_arriving_at_a_source_highlights_it(site, browser):
    page = browser.new_page(viewport=WIDTHS["phone"])
    page.goto(site + "chapters/bibliography.html#cite-tof3-2004press", wait_until="networkidle")
    entry = page.locator("#cite-tof3-2004press")
    assert entry.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.locator("#cite-mehrnews2023mou").evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    box = entry.bounding_box()
    assert 0 <= box["y"] < WIDTHS["phone"]["height"], box
    page.close()


def test_find_a_source_narrows_the_bibliography(site, browser):
    page = browser.new_page()
    page.goto(site + "chapters/bibliography.html", wait_until="networkidle")
    total = page.locator("div.citation").count()
    page.fill("#bibliography-search", "senkata idif")
    shown = page.locator("div.citation:not([hidden])")
    assert 0 < shown.count() < total
    assert all("senkata" in text.lower() and "idif" in text.lower() for text in shown.all_inner_texts())
    assert page.locator(".bibliography-search [role=status]").inner_text() == f"{shown.count()} of {total} sources shown"
    # A kind of source with nothing left to show loses its heading too.
    assert not page.locator("#sources-reference-works").is_visible()
    page.fill("#bibliography-search", "")
    assert page.locator("div.citation:not([hidden])").count() == total
    assert page.locator("#sources-reference-works").is_visible()
    page.close()


def test_an_exercise_solution_stays_hidden_until_opened(site, browser):
    page = browser.new_page()
    page.goto(site + f"chapters/{chapters.reading_chapters()[0]}.html", wait_until="networkidle")
    solution = page.locator("div.solution").first
    body = solution.locator("p").last
    assert solution.is_visible() and not body.is_visible()
    solution.locator("button.toggle-button").click()
    page.wait_for_timeout(300)
    assert body.is_visible()
    page.close()


def test_a_page_prints_without_controls_and_with_its_evidence_open(site, browser):
    page = browser.new_page()
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    note = page.locator("details.claim-notes section.claim-note").first
    assert not note.is_visible()  # on screen, a note waits to be opened
    page.emulate_media(media="print")
    assert note.is_visible()
    for control in (".bd-sidebar-primary", ".bd-header-article", ".reading-switch", "p.claim-back"):
        assert not page.locator(control).first.is_visible(), control
    page.goto(site + f"chapters/{chapters.reading_chapters()[0]}.html", wait_until="networkidle")
    solution = page.locator("div.solution").first
    assert solution.locator("p").last.is_visible() and not solution.locator("button.toggle-button").is_visible()
    assert page.locator("figure, tr").first.evaluate("element => getComputedStyle(element).breakInside") == "avoid"
    page.goto(site + "chapters/data.html", wait_until="networkidle")
    link = page.locator(".bd-article a.reference.external").first
    shown = link.evaluate("link => getComputedStyle(link, '::after').content")
    assert link.get_attribute("href") in shown
    page.close()


def test_rate_it_yourself_keeps_a_student_s_ratings_and_compares_them(site, browser):
    audited = {row["id"]: row["status"] for row in datapackage.rows("claims")}
    first, second = list(audited)[:2]
    wrong = next(code for code in SCALE if code != audited[second])
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "chapters/rate-it.html", wait_until="networkidle")
    assert page.locator("select[data-claim]").count() == len(audited)
    assert not page.locator(".rate-answer").first.is_visible()  # the edition's ratings start hidden
    # Each field is a native control, reached in order by the keyboard.
    page.focus(f"#reason-{first}")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == f"rate-{first}"
    page.select_option(f"#rate-{first}", audited[first])
    page.select_option(f"#rate-{second}", wrong)
    page.fill(f"#reason-{second}", "my reason")
    page.reload(wait_until="networkidle")  # kept in the browser
    assert page.input_value(f"#rate-{second}") == wrong and page.input_value(f"#reason-{second}") == "my reason"
    page.click("button.rate-reveal")
    summary = page.locator(".rate-summary").inner_text()
    assert f"You rated 2 of {len(audited)} claims and agree with the edition on 1." in summary
    assert page.locator(f'tr:has(#rate-{second})').get_attribute("data-verdict") == "differ"
    assert page.locator(f'.rate-answer[data-claim="{first}"]').is_visible()
    page.reload(wait_until="networkidle")
    assert page.locator(f'.rate-answer[data-claim="{first}"]').is_visible()  # revealed stays revealed
    page.click("button.rate-reset")
    assert page.input_value(f"#rate-{second}") == "" and not page.locator(".rate-answer").first.is_visible()
    context.close()


def test_the_bundle_holds_the_site_and_the_repository_checksummed_and_opens_from_disk_with_no_request_leaving(
        html, browser, tmp_path):
    target = bundle.write(html, tmp_path / "edition.zip")
    assert bundle.write(html, tmp_path / "again.zip").read_bytes() == target.read_bytes()  # reproducible
    root = tmp_path / bundle.name()
    with zipfile.ZipFile(target) as archive:
        listed = {entry.removeprefix(f"{bundle.name()}/") for entry in archive.namelist()}
        archive.extractall(tmp_path)
    site = {f"site/{path.relative_to(html).as_posix()}" for path in html.rglob("*") if path.is_file()}
    assert listed == site | set(bundle.repository_files()) | {bundle.CHECKSUMS}
    assert {"site/pdf/edition.pdf", "pyproject.toml", "requirements.txt", "edition/paths.py", "data/timeline.csv"} <= listed
    sums = dict(line.split("  ")[::-1] for line in (root / bundle.CHECKSUMS).read_text().splitlines())
    assert set(sums) == listed - {bundle.CHECKSUMS}
    assert all(hashlib.sha256((root / entry).read_bytes()).hexdigest() == digest for entry, digest in sums.items())
    page, leaving = browser.new_page(), []
    page.on("request", lambda request: None if request.url.startswith(("file:", "data:", "blob:", "about:"))
            else leaving.append(request.url))
    for path in ("chapters/index.html", "chapters/rate-it.html", "notebooks/timeline.html", "chapters/article.html"):
        page.goto((root / "site" / path).as_uri(), wait_until="load")
    assert page.locator(".article-paragraph").count() == len(witness.article().paragraphs)
    assert not leaving
    page.close()


def test_a_notebook_runs_from_the_unzipped_bundle_with_the_package_it_holds(html, tmp_path):
    with zipfile.ZipFile(bundle.write(html, tmp_path / "edition.zip")) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / bundle.name()
    # The package imported is the bundle's (PYTHONPATH comes before the venv's link to this tree).
    environment = {name: value for name, value in os.environ.items() if name != "EDITION_ROOT"}
    run = subprocess.run([sys.executable, "-c", RUN_NOTEBOOK, "notebooks/brics.ipynb"], cwd=root, capture_output=True,
                         text=True, env={**environment, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == str(root / "edition" / "__init__.py")


# Runs a notebook as a reader would after installing the package, and prints where its kernel
# found the package.
RUN_NOTEBOOK = """
import sys, nbformat, nbclient
notebook = nbformat.read(sys.argv[1], as_version=4)
notebook.cells.append(nbformat.v4.new_code_cell("import edition; print(edition.__file__)"))
nbclient.NotebookClient(notebook, resources={"metadata": {"path": "notebooks"}}).execute()
print(notebook.cells[-1].outputs[0]["text"].strip())
"""
