"""The glossary's terms, as written in ``chapters/glossary.md``."""
from __future__ import annotations

import re

from . import paths

# A term is an unindented line inside a ```{glossary} block; its definition is indented under it.
BLOCK = re.compile(r"^```\{glossary\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def terms() -> set[str]:
    found = set()
    for block in BLOCK.findall(paths.GLOSSARY.read_text(encoding="utf-8")):
        for line in block.split("\n"):
            if line.strip() and not line[0].isspace() and not line.startswith(":"):
                found.add(line.strip().lower())
    return found
