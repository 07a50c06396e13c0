"""The built site as files: every internal link resolves, two clean builds are identical, and
the build refuses data that fails `make check`."""
import filecmp
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import BIN, run

from edition import paths


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.targets = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.targets.append(attrs[name])


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_every_internal_link_and_anchor_resolves(html):
    pages = {path: parsed(path) for path in html.rglob("*.html") if "_static" not in path.parts}
    broken = []
    for page, links in pages.items():
        for target in links.targets:
            url = urlparse(target)
            if url.scheme or url.netloc or target.startswith(("mailto:", "javascript:", "data:")):
                continue
            file = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not file.exists():
                broken.append(f"{page.relative_to(html)}: {target} (no such file)")
            elif url.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else parsed(file).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(html)}: {target} (no such anchor)")
    assert len(pages) >= 10
    assert not broken, "\n".join(broken)


def test_two_clean_builds_are_identical(book, tmp_path):
    _, first = book
    result = run([str(BIN / "jupyter-book"), "build", str(paths.ROOT), "--path-output", str(tmp_path), "-n", "-W", "--keep-going"])
    assert result.returncode == 0, result.stderr[-2000:]
    second = tmp_path / "_build" / "html"
    differing = []

    def compare(comparison, where=""):
        differing.extend(f"{where}{name}" for name in comparison.diff_files + comparison.left_only + comparison.right_only)
        for name, sub in comparison.subdirs.items():
            compare(sub, f"{where}{name}/")

    compare(filecmp.dircmp(first, second))
    assert not differing


def test_the_build_refuses_data_that_fails_the_check(tmp_path):
    paths.copy_book(tmp_path)
    timeline = tmp_path / "data" / "timeline.csv"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(",confirmed\n", ",certain\n", 1), encoding="utf-8")
    result = run([str(BIN / "jupyter-book"), "build", str(tmp_path), "-n", "-W", "--keep-going"], root=tmp_path)
    assert result.returncode != 0
    assert "the data fails `make check`" in result.stdout + result.stderr
    assert "is not one of confirmed, reported, disputed" in result.stdout + result.stderr
    assert not (tmp_path / "_build" / "html" / "chapters" / "article.html").exists()
