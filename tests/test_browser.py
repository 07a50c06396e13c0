"""Every page of the built book in a real browser (Debian's Chromium, driven by Playwright):
no console errors, no request leaving 127.0.0.1, no serious accessibility violation, and search
and paragraph links that work."""
from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# As the machine's notes advise for Chromium here: no background traffic to the outside.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERIOUS = {"serious", "critical"}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(html):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Chromium is not installed: `make test` installs Debian's chromium package"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def pages(html) -> list[str]:
    return sorted(path.relative_to(html).as_posix() for path in html.rglob("*.html")
                  if not path.relative_to(html).parts[0].startswith("_"))


@pytest.fixture(scope="session")
def visits(html, site, browser):
    """Each page loaded once: its console errors, outside requests and axe violations."""
    axe = Axe()
    found = {}
    for page_path in pages(html):
        context = browser.new_context()
        page = context.new_page()
        errors, outside = [], []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("response", lambda response: errors.append(f"HTTP {response.status} {response.url}")
                if response.status >= 400 else None)

        def route(request_route, outside=outside):
            if urlparse(request_route.request.url).hostname in ("127.0.0.1", None):
                request_route.continue_()
            else:
                outside.append(request_route.request.url)
                request_route.abort()

        page.route("**/*", route)
        page.goto(site + page_path, wait_until="networkidle")
        # The page's own errors, taken before axe runs: axe fetches stylesheets itself.
        page_errors = list(errors)
        violations = [v for v in axe.run(page).response["violations"] if v["impact"] in SERIOUS]
        found[page_path] = {"errors": page_errors, "outside": outside, "axe": violations}
        context.close()
    return found


def test_every_page_was_visited(visits, html):
    assert len(visits) >= 10
    assert "chapters/article.html" in visits and "search.html" in visits


def test_no_console_errors(visits):
    failures = {page: seen["errors"] for page, seen in visits.items() if seen["errors"]}
    assert not failures


def test_no_request_leaves_the_machine(visits):
    failures = {page: seen["outside"] for page, seen in visits.items() if seen["outside"]}
    assert not failures


def test_no_serious_accessibility_violations(visits):
    failures = {
        page: [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)" for v in seen["axe"]]
        for page, seen in visits.items() if seen["axe"]
    }
    assert not failures


def test_search_finds_the_defence_minister(site, browser):
    page = browser.new_page()
    page.goto(site + "search.html?q=Novillo", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.locator("#search-results li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("chapters/article.html" in href for href in results), results
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
    assert page.evaluate(f"document.getElementById('{note_id}').open") is False
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.getElementById('{note_id}').open === true")
    # The rating is announced in words, not only by colour.
    assert "Read the note" in marker.get_attribute("aria-label")
    page.close()


def test_the_article_fits_a_phone_screen(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "chapters/article.html", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a 390px screen"
    page.close()
