"""Where the edition's files live, relative to the repository root.

``EDITION_ROOT`` points the package at another copy of the repository, as the tests do to
check a deliberately broken copy of the data without touching the real files.
"""
import os
import shutil
from pathlib import Path

ROOT = Path(os.environ.get("EDITION_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DATA = ROOT / "data"
ARTICLE = DATA / "article"
WITNESS = ARTICLE / "000_09d0c833d2f75a6f.txt"
ARTICLE_METADATA = ARTICLE / "metadata.json"
REFERENCES = DATA / "references.bib"
CHAPTERS = ROOT / "chapters"
NOTEBOOKS = ROOT / "notebooks"


def relative(path: Path) -> str:
    """A path as a reader of an error message wants it: relative to the repository."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# What a build needs: copied by the tests and the benchmark to work on a scratch edition.
BOOK_SOURCES = ["_config.yml", "_toc.yml", "_static", "chapters", "notebooks", "data"]


def copy_book(target: Path) -> Path:
    """A copy of the book's sources at ``target``, to build or break without touching these."""
    target.mkdir(exist_ok=True)
    for name in BOOK_SOURCES:
        origin = ROOT / name
        (shutil.copytree if origin.is_dir() else shutil.copy)(origin, target / name)
    return target
