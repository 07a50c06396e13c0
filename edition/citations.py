"""Which bibliography keys the chapters, the notebooks and the actors' glossary entries cite, and where."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from . import datapackage, paths

# {cite}`a`, {cite:p}`a,b`, {cite:t}`a` in MyST text and notebook markdown.
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")


def texts() -> Iterator[tuple[Path, int, str]]:
    """Every chapter, every notebook's markdown cells, and the glossary entry of every actor, as
    (file, the line the text begins on, text)."""
    for path in sorted(paths.CHAPTERS.glob("*.md")):
        yield path, 1, path.read_text(encoding="utf-8")
    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        yield path, 1, "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    for row in datapackage.rows("actors"):
        yield datapackage.path("actors"), row.number, row["entry"]


def cited() -> Iterator[tuple[Path, int, str]]:
    """(file, line, key) for every citation."""
    for path, first_line, text in texts():
        for match in CITE.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            for key in match.group(1).split(","):
                yield path, line, key.strip()
