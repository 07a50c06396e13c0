"""Shared fixtures: scratch copies of the edition to break, and the session's builds of the book.

A session builds the book three times: clean, as `make book` builds it; clean again, from a copy
of the sources in another folder (two clean builds must be identical); and that copy once more,
with its execution cache, after a row of the timeline is edited. The builds start in the
background when the session does (if a selected test needs them), and the tests that need no
build run first, so that the machine's cores share the work.
"""
from __future__ import annotations

import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from edition import book, paths

# The folders of the edition that its data checks read.
SCRATCH = ("data", "chapters", "notebooks")
# The files beside them that the checks read: the table of contents names the book's chapters,
# and CITATION.cff says how to cite the edition.
SCRATCH_FILES = ("_toc.yml", "CITATION.cff")
# The edit the third build is made after; notebooks that read timeline.csv must show it.
EDITED_ROW = ("Defence and security MoU signed", "Defence and security MoU signed (edited in a test)")


def pytest_addoption(parser):
    parser.addoption("--regen-outputs", action="store_true",
                     help="store the outputs of the build's notebook runs in the notebooks, after a deliberate change")


def pytest_collection_modifyitems(session, config, items):
    # A stable sort: the tests that need no build first, in their usual order.
    items.sort(key=lambda item: "builds" in item.fixturenames)


def edited_copy(copy: Future, target: Path) -> book.Build:
    """The second build copied, execution cache and all, with a timeline row edited, and built again."""
    shutil.copytree(copy.result().output, target)
    timeline = target / "data" / "timeline.csv"
    text = timeline.read_text(encoding="utf-8")
    assert EDITED_ROW[0] in text, "the premise of the edited build is stale: choose another row to edit"
    timeline.write_text(text.replace(*EDITED_ROW, 1), encoding="utf-8")
    return book.build(target, root=target)


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> dict[str, Future]:
    folder = tmp_path_factory.mktemp("builds")
    copy = paths.copy_book(folder / "copy")
    with ThreadPoolExecutor(max_workers=3) as pool:
        started = {"book": pool.submit(book.build, paths.REPOSITORY, folder / "book"),
                   "copy": pool.submit(book.build, copy, root=copy)}
        started["edited"] = pool.submit(edited_copy, started["copy"], folder / "edited")
        yield started


@pytest.fixture(scope="session", autouse=True)
def start_builds_with_the_session(request):
    if any("builds" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("builds")


def finished(build: Future) -> book.Build:
    result = build.result()
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest.fixture(scope="session")
def built(builds) -> book.Build:
    """The book as `make book` builds it, whether or not the build succeeded."""
    return builds["book"].result()


@pytest.fixture(scope="session")
def html(built) -> Path:
    """The built site's folder."""
    assert built.returncode == 0, built.log[-3000:]
    return built.html


@pytest.fixture(scope="session")
def copy(builds) -> book.Build:
    return finished(builds["copy"])


@pytest.fixture(scope="session")
def edited(builds) -> book.Build:
    return finished(builds["edited"])


@pytest.fixture(scope="session")
def edit() -> tuple[str, str]:
    """The timeline row's title before and after the edit the third build is made after."""
    return EDITED_ROW


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the edition's data, chapters and notebooks that a test may corrupt."""
    for name in SCRATCH:
        shutil.copytree(paths.REPOSITORY / name, tmp_path / name)
    for name in SCRATCH_FILES:
        shutil.copy2(paths.REPOSITORY / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def rooted(scratch: Path) -> Path:
    """The package pointed at the scratch copy for the test's duration."""
    with paths.rooted(scratch):
        yield scratch
