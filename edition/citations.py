"""Which bibliography keys the chapters and notebooks cite, and where."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from . import paths

# {cite}`a`, {cite:p}`a,b`, {cite:t}`a` in MyST text and notebook markdown.
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")


def texts() -> Iterator[tuple[Path, str]]:
    """Every chapter, and every notebook's markdown cells, as (file, text)."""
    for path in sorted(paths.CHAPTERS.glob("*.md")):
        yield path, path.read_text(encoding="utf-8")
    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        yield path, "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


def cited() -> Iterator[tuple[Path, int, str]]:
    """(file, line, key) for every citation."""
    for path, text in texts():
        for match in CITE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            for key in match.group(1).split(","):
                yield path, line, key.strip()
