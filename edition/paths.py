"""Where the edition's files live, relative to the root of a copy of the repository.

``data/`` shows how the data flows:

- ``data/raw/``: the captured web page and what is known of it (``metadata.json``), kept as
  received and never edited;
- ``data/derived/``: tables computed from the capture, written only by ``make data``;
- ``data/*.csv``, ``data/references.bib``: the tables the editors write by hand, and
  ``data/datapackage.json``, the schema of every table.

The root is this repository, or the one ``EDITION_ROOT`` names. :func:`rooted` points the
package at another copy for a while, as the tests do to check a deliberately broken copy of the
data in the same process; readers that cache what they read (:func:`per_root`) then read again.
"""
from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
_root = Path(os.environ.get("EDITION_ROOT") or REPOSITORY).resolve()
_caches: list = []

# Each name, as a path under the root.
_LAYOUT = {
    "DATA": "data",
    "RAW": "data/raw",
    "WITNESS": "data/raw/000_09d0c833d2f75a6f.txt",
    "ARTICLE_METADATA": "data/raw/metadata.json",
    "DERIVED": "data/derived",
    "DESCRIPTOR": "data/datapackage.json",
    "REFERENCES": "data/references.bib",
    "CHAPTERS": "chapters",
    "GLOSSARY": "chapters/glossary.md",
    "NOTEBOOKS": "notebooks",
    "EXPORTS": "exports",
    "CITATION": "CITATION.cff",
    "CHANGELOG": "CHANGELOG.md",
}


def __getattr__(name: str) -> Path:
    """``paths.ROOT``, ``paths.WITNESS``…: computed from the current root when asked for."""
    if name == "ROOT":
        return _root
    if name in _LAYOUT:
        return _root / _LAYOUT[name]
    raise AttributeError(f"module 'edition.paths' has no attribute '{name}'")


def per_root(function: Callable) -> Callable:
    """Cache ``function``'s result until the root changes."""
    cached = functools.cache(function)
    _caches.append(cached)
    return cached


@contextmanager
def rooted(root: Path) -> Iterator[Path]:
    """Point the package at the copy of the edition at ``root`` until the block ends."""
    global _root
    previous, _root = _root, Path(root).resolve()
    _forget()
    try:
        yield _root
    finally:
        _root = previous
        _forget()


def _forget() -> None:
    for cached in _caches:
        cached.cache_clear()


def relative(path: Path) -> str:
    """A path as a reader of an error message wants it: relative to the root."""
    try:
        return Path(path).resolve().relative_to(_root).as_posix()
    except ValueError:
        return str(path)


# What a build needs: copied by the tests and the benchmark to work on a scratch edition.
# With the history, whence each page's last change; CITATION.cff gives the footer its version.
BOOK_SOURCES = ["_config.yml", "_toc.yml", "CITATION.cff", "_static", "chapters", "notebooks", "data", ".git"]


def copy_book(target: Path) -> Path:
    """A copy of the book's sources at ``target``, to build or break without touching these."""
    target.mkdir(exist_ok=True)
    for name in BOOK_SOURCES:
        origin = REPOSITORY / name
        (shutil.copytree if origin.is_dir() else shutil.copy)(origin, target / name)
    return target
