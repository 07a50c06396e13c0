"""``make check``: validate all of the edition's data in one run.

Prints one line per problem (file, row or entry, problem) and exits 1 if there is any; never a
traceback, and it writes nothing. First each table against its schema (frictionless), then the
edition's own rules on the tables that passed, then how to cite the edition (``CITATION.cff``),
the bibliography and the citations.
"""
from __future__ import annotations

import sys

from . import bibliography, citation, citations, datapackage, derive, paths, rules, witness
from .problems import DataError, located


def problems() -> list[str]:
    try:
        page = witness.article()
    except witness.WitnessError as error:
        return [str(error)]
    valid = datapackage.validate()
    found = derive.stale(page) + valid.problems
    found += rules.glosses(valid, page) + rules.calendar_dates(valid) + rules.election_rounds(valid)
    found += rules.study_responses(valid) + rules.background_sections(valid)
    found += rules.membership_spans(valid) + rules.bearing_claims(valid)
    found += rules.claim_anchors(valid, page) + rules.claim_evidence(valid)
    found += rules.quotes_once(valid, page, "voices", "words")
    try:
        citation.load()
    except DataError as error:
        found += error.problems
    try:
        sources = bibliography.load()
    except DataError as error:
        return found + error.problems
    return found + rules.unknown_sources(valid, set(sources)) + _citation_problems(valid, sources)


def _citation_problems(valid: datapackage.Validation, sources: dict) -> list[str]:
    """Every key cited in a chapter exists; every entry is cited by a chapter, notebook or data row."""
    found, used = [], set()
    for path, line, key in citations.cited():
        used.add(key)
        if key not in sources:
            found.append(located(path, line, f"cites '{key}', which is not in {paths.relative(paths.REFERENCES)}"))
    if not valid.problems:  # otherwise "cited nowhere" may only mean "in a row that could not be read"
        used |= {key for *_, key in rules.data_citations(valid)}
        found += [
            located(paths.REFERENCES, source.line, f"{key}: cited nowhere in the chapters, notebooks or data")
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
