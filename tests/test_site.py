"""The built site as files: every internal link resolves, two clean builds are identical, the
build refuses data that fails `make check`, and it ships none of the theme's unused weight."""
import filecmp
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup
from pypdf import PdfReader

from edition import book, paths


@cache
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def anchors(path: Path) -> set[str]:
    page = parsed(path)
    return {e["id"] for e in page.find_all(id=True)} | {e["name"] for e in page.find_all("a", attrs={"name": True})}


def test_every_internal_link_and_anchor_resolves(html):
    broken, pages = [], [path for path in html.rglob("*.html") if "_static" not in path.parts]
    for page in pages:
        for element in parsed(page).find_all(attrs={"href": True}) + parsed(page).find_all(attrs={"src": True}):
            target = element.get("href") or element.get("src")
            url = urlparse(target)
            if url.scheme or url.netloc or target.startswith(("mailto:", "javascript:", "data:")):
                continue
            file = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not file.exists():
                broken.append(f"{page.relative_to(html)}: {target} (no such file)")
            elif url.fragment and file.suffix == ".html" and unquote(url.fragment) not in anchors(file):
                broken.append(f"{page.relative_to(html)}: {target} (no such anchor)")
    assert len(pages) >= len(book.pages())
    assert not broken, "\n".join(broken)


def test_two_clean_builds_are_identical(html, copy):
    differing = []

    def compare(comparison, where=""):
        differing.extend(f"{where}{name}" for name in comparison.diff_files + comparison.left_only + comparison.right_only)
        for name, sub in comparison.subdirs.items():
            compare(sub, f"{where}{name}/")

    compare(filecmp.dircmp(html, copy.html))
    assert not differing, "\n".join(how_they_differ(name, html, copy.html) for name in differing)


def how_they_differ(name: str, site: Path, other_site: Path) -> str:
    """Where two builds' versions of a file first part, to find what made a build vary."""
    one, other = site / name, other_site / name
    if not (one.exists() and other.exists()):
        return f"{name}: in one build only"
    a, b = one.read_bytes(), other.read_bytes()
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    around = slice(max(at - 60, 0), at + 60)
    said = f"{name}: {len(a)} and {len(b)} bytes, first differing at byte {at}: {a[around]!r} / {b[around]!r}"
    if one.suffix == ".pdf":
        sheets = [PdfReader(one).pages, PdfReader(other).pages]
        changed = [number for number, (x, y) in enumerate(zip(*sheets, strict=False), 1) if x.extract_text() != y.extract_text()]
        said += f"; {len(sheets[0])} and {len(sheets[1])} pages, the text differing on pages {changed[:10]}"
    return said


def test_the_build_refuses_data_that_fails_the_check(tmp_path):
    paths.copy_book(tmp_path)
    timeline = tmp_path / "data" / "timeline.csv"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(",confirmed\n", ",certain\n", 1), encoding="utf-8")
    result = book.build(tmp_path, root=tmp_path)
    assert result.returncode != 0
    assert "the data fails `make check`" in result.log
    assert "is not one of confirmed, reported, disputed" in result.log
    assert not (book.html(tmp_path) / "chapters" / "article.html").exists()


def test_no_page_loads_the_icon_script_or_the_search_index_it_does_not_use(html):
    for page in book.pages():
        sources = [script["src"] for script in parsed(html / page).find_all("script", src=True)]
        assert not [src for src in sources if "fontawesome" in src], page
        assert any("searchindex.js" in src for src in sources) == (page == "search.html"), page
    assert not list((html / "_static").rglob("fontawesome.js"))


def test_every_font_the_stylesheets_name_is_a_small_subset(html):
    """The theme's icon fonts, cut down to the icons the pages draw."""
    fonts = [path for path in (html / "_static").rglob("*") if path.suffix in (".woff", ".woff2", ".ttf", ".otf")]
    assert fonts and all(font.name.endswith(".subset.woff") for font in fonts), fonts
    assert all(font.stat().st_size < 20_000 for font in fonts)
