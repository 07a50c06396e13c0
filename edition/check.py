"""``make check``: validate all of the edition's data in one run.

Prints one line per problem (file, row or entry, problem) and exits 1 if there is any;
never a traceback, and it writes nothing.
"""
from __future__ import annotations

import sys

from . import bibliography, citations, glossary, mentions, paths, witness
from .problems import DataError, located


def problems() -> list[str]:
    found: list[str] = []
    try:
        page = witness.article()
    except witness.WitnessError as error:
        return [str(error)]
    try:
        glosses = mentions.load(page)
    except DataError as error:
        found += error.problems
        glosses = []
    terms = glossary.terms()
    found += [
        located(paths.MENTIONS, m.row, f"term '{m.term}' is not in the glossary ({paths.relative(glossary.GLOSSARY)})")
        for m in glosses
        if m.term.lower() not in terms
    ]
    try:
        sources = bibliography.load()
    except DataError as error:
        return found + error.problems
    used = set()
    for path, line, key in citations.cited():
        used.add(key)
        if key not in sources:
            found.append(located(path, line, f"cites '{key}', which is not in {paths.relative(paths.REFERENCES)}"))
    found += [
        located(paths.REFERENCES, source.line, f"{key}: cited nowhere in the chapters or notebooks")
        for key, source in sources.items()
        if key not in used
    ]
    return found


def main() -> int:
    try:
        found = problems()
    except (OSError, UnicodeDecodeError) as error:
        found = [f"cannot read the data: {error}"]
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print("make check: the data is valid.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
