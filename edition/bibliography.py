"""The edition's one bibliography, ``data/references.bib``, and its rules.

Every entry records what a reader needs to find the source again and what the edition knows
of it: ``title``, ``author`` (a person or, in double braces, an organisation), ``howpublished``
(the outlet or publisher), ``date`` (ISO 8601 at the precision known, or ``n.d.``), ``year``
(what citations show: the date's year, or ``n.d.``), ``url``, ``urldate`` (when the edition
read it), and two fields of the edition's own, ``kind`` and ``language``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import latexcodec  # noqa: F401  (registers the "ulatex" codec that plain() uses)
from pybtex.database import parse_string
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from . import dates, paths
from .problems import DataError, located

KINDS = {
    "news": "reporting by a newspaper, broadcaster or news agency",
    "analysis": "commentary, opinion and think-tank analysis",
    "official": "statements, reports and records of governments, parliaments and international organisations",
    "legal": "court rulings, indictments and prosecutors' filings",
    "academic": "scholarly books, articles and working papers",
    "ngo": "reports of non-governmental organisations",
    "reference": "encyclopedias, dictionaries and other reference works",
}
LANGUAGES = {"en", "es", "pt", "fa", "he"}
REQUIRED = ("title", "author", "howpublished", "date", "year", "url", "urldate", "kind", "language")
UNDATED = "n.d."
ENTRY_START = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    key: str
    line: int
    fields: dict[str, str]

    @property
    def kind(self) -> str:
        return self.fields["kind"]


def plain(text: str) -> str:
    """BibTeX field text as a reader sees it: accents decoded, protective braces dropped."""
    return re.sub(r"[{}]", "", codecs.decode(text, "ulatex"))


def entry_lines(text: str) -> dict[str, int]:
    """Where each entry starts, so that a problem can name its line as well as its key."""
    return {m.group(2): text.count("\n", 0, m.start()) + 1 for m in ENTRY_START.finditer(text)}


def load(path: Path | None = None) -> dict[str, Source]:
    """Parse and check the bibliography; raise :class:`DataError` listing every problem."""
    path = path or paths.REFERENCES
    text = path.read_text(encoding="utf-8")
    problems = _duplicate_keys(text, path)
    try:
        data = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        detail = str(error).split(": ", 1)[-1]  # pybtex says "syntax error in line N: …"
        raise DataError(problems + [located(path, error.lineno, f"not valid BibTeX: {detail}")]) from None
    except PybtexError as error:
        raise DataError(problems + [located(path, None, f"not valid BibTeX: {error}")]) from None
    lines = entry_lines(text)
    sources = {}
    for key, entry in data.entries.items():
        fields = {name.lower(): str(value) for name, value in entry.fields.items()}
        if entry.persons.get("author"):
            fields["author"] = " and ".join(str(person) for person in entry.persons["author"])
        source = Source(key, lines.get(key, 0), fields)
        problems += [located(path, source.line, f"{key}: {problem}") for problem in _entry_problems(source)]
        sources[key] = source
    if problems:
        raise DataError(problems)
    return sources


def _duplicate_keys(text: str, path: Path) -> list[str]:
    seen, problems = {}, []
    for match in ENTRY_START.finditer(text):
        key, line = match.group(2), text.count("\n", 0, match.start()) + 1
        if key in seen:
            problems.append(located(path, line, f"{key}: key already used at line {seen[key]}"))
        seen.setdefault(key, line)
    return problems


def _entry_problems(source: Source) -> list[str]:
    fields = source.fields
    missing = [name for name in REQUIRED if not fields.get(name, "").strip()]
    if missing:
        return [f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}"]
    problems = []
    if fields["kind"] not in KINDS:
        problems.append(f"kind '{fields['kind']}' is not one of {', '.join(KINDS)}")
    if fields["language"] not in LANGUAGES:
        problems.append(f"language '{fields['language']}' is not one of {', '.join(sorted(LANGUAGES))}")
    if not fields["url"].startswith(("https://", "http://")):
        problems.append(f"url '{fields['url']}' is not a web address")
    if fields["date"] != UNDATED:
        problem = dates.problem(fields["date"])
        if problem:
            problems.append(f"date {problem}")
        elif fields["year"] != fields["date"][:4]:
            problems.append(f"year '{fields['year']}' does not match date '{fields['date']}'")
    elif fields["year"] != UNDATED:
        problems.append(f"year '{fields['year']}' given for an undated source (date '{UNDATED}')")
    problem = dates.problem(fields["urldate"])
    if problem:
        problems.append(f"urldate {problem}")
    return problems
