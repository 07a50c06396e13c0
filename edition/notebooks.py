"""What each notebook reads, and the two hidden cells that keep its outputs from going stale.

A notebook names the files it reads in its metadata (``"edition": {"reads": [...]}``, glob
patterns allowed). The build shows each code cell's results with its code folded, and runs each notebook with a
hidden cell added at each end (see ``edition.sphinxext.hooks``):

- the first records every file the notebook opens under ``data/``, ``chapters/`` or
  ``notebooks/``;
- the last lists the checksums of the declared files and of the package's code, so that the
  execution cache runs the notebook again when one of them changes, and fails the build if the
  notebook opened a file it does not declare (a read the cache would not know to watch).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from . import paths

FIRST, LAST = "edition-watch", "edition-inputs"
# The folders whose files a notebook must declare when it opens them.
WATCHED = ("data", "chapters", "notebooks")
# The package's code a notebook can import; the Sphinx extension is not imported by notebooks.
NOT_IMPORTED = ("sphinxext",)


class UndeclaredRead(RuntimeError):
    """A notebook opened a file that its metadata does not declare."""


def declared_inputs(notebook: dict) -> list[Path]:
    """The files a notebook says it reads (``metadata.edition.reads``; glob patterns allowed)."""
    patterns = notebook.get("metadata", {}).get("edition", {}).get("reads", [])
    return sorted({path for pattern in patterns for path in paths.ROOT.glob(pattern)})


def readers(path: Path) -> list[str]:
    """The notebooks (by name) that declare that they read ``path``."""
    return sorted(notebook.stem for notebook in paths.NOTEBOOKS.glob("*.ipynb")
                  if path in declared_inputs(json.loads(notebook.read_text(encoding="utf-8"))))


def package_code() -> list[Path]:
    """The modules of this package that a notebook's code may run."""
    package = Path(__file__).parent
    return sorted(path for path in package.rglob("*.py") if not set(NOT_IMPORTED) & set(path.relative_to(package).parts))


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def instrumented(notebook: dict, name: str) -> dict:
    """``notebook`` with the hidden first and last cells, as the build runs it."""
    reads = declared_inputs(notebook)
    lines = ["# The files this notebook reads and the code it runs, by checksum, so that a change to",
             "# either runs it again; and the check that it read nothing else."]
    lines += [f"# {paths.relative(path)} {checksum(path)}" for path in reads]
    lines += [f"# edition/{path.relative_to(Path(__file__).parent).as_posix()} {checksum(path)}" for path in package_code()]
    declared = [paths.relative(path) for path in reads]
    lines.append(f"edition.notebooks.check_reads({name!r}, {declared!r})")
    first = hidden_cell(FIRST, "import edition.notebooks\nedition.notebooks.watch_reads()")
    last = hidden_cell(LAST, "\n".join(lines))
    return {**notebook, "cells": [first, *map(code_folded, notebook["cells"]), last]}


def code_folded(cell: dict) -> dict:
    """A code cell as the book shows it: its results, its code behind a "show code" toggle."""
    if cell["cell_type"] != "code":
        return cell
    metadata = cell.get("metadata", {})
    tags = metadata.get("tags", [])
    return {**cell, "metadata": {**metadata, "tags": tags if "hide-input" in tags else [*tags, "hide-input"]}}


def hidden_cell(cell_id: str, source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id,
            "metadata": {"tags": ["remove-cell"]}, "outputs": [], "source": source}


_opened: set[str] = set()


def watch_reads() -> None:
    """From now on, note every file this process opens under the watched folders."""
    root = str(paths.ROOT)
    tops = tuple(os.path.join(root, top) + os.sep for top in WATCHED)

    def record(event: str, args: tuple) -> None:
        if event == "open" and isinstance(args[0], (str, os.PathLike)):
            path = os.path.realpath(args[0])
            if path.startswith(tops):
                _opened.add(os.path.relpath(path, root).replace(os.sep, "/"))

    sys.addaudithook(record)


def check_reads(name: str, declared: list[str]) -> None:
    """Fail if the notebook opened a watched file it does not declare."""
    undeclared = sorted(_opened - set(declared))
    if undeclared:
        raise UndeclaredRead(f"{name} opened {', '.join(undeclared)}, which its metadata.edition.reads does not "
                             "declare: add the file there, or the book may show outputs made from old data")
