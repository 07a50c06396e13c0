"""The edition's one bibliography, ``data/references.bib``, and its rules.

Every entry names a work as it was published and records what a reader needs to find it again:
``title`` (as published, in its own capitalisation), ``author`` (a person or, in double braces,
an organisation or agency), ``howpublished`` (the outlet or publisher), ``date`` (ISO 8601 at the
precision known, or ``n.d.``), ``year`` (what citations show: the date's year, or ``n.d.``, with a
letter where two works would otherwise share a label), ``url``, ``urldate`` (when the edition read
it), and two fields of the edition's own, ``kind`` and ``language``. Where they apply: ``via``
(the site of the copy the edition read, when ``url`` is a copy's address and the other fields
name the original), ``titlenote`` (why the title as published could not be seen), ``whykept``
(why a source from a site the policy excludes is cited all the same), and ``note``.
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
LANGUAGES = {"en", "es", "pt", "fa", "he", "de", "nb", "fr", "it", "ru"}
# Sites the edition's policy does not cite as sources (see About, "How sources were chosen"),
# unless an entry says in ``whykept`` why no better source would do.
EXCLUDED_HOSTS = {
    "pdfslide.net": "a site that reposts documents apart from their publishers",
    "pdfslide.us": "a site that reposts documents apart from their publishers",
    "studylib.es": "a site that reposts documents apart from their publishers",
    "upnewsinfo.com": "a content farm that republishes other outlets' articles",
    "pledgetimes.com": "a content farm that republishes other outlets' articles",
    "europeworldnews.com": "a content farm that republishes other outlets' articles",
    "watsupeurope.com": "an aggregator of agency video clips",
    "spamchronicles.com": "a content farm that republishes other outlets' articles",
    "howstuffworks.com": "a general-interest explainer site",
    "infospaze.com": "a site that copies Wikipedia's text",
    "owiki.org": "a mirror of Wikipedia",
    "fact-index.com": "a mirror of an old Wikipedia text",
    "simple.wikipedia.org": "the Simple English Wikipedia, written for learners of English",
    "kids.britannica.com": "Britannica's encyclopedia for children",
}
REQUIRED = ("title", "author", "howpublished", "date", "year", "url", "urldate", "kind", "language")
UNDATED = "n.d."
ENTRY_START = re.compile(r"^[ \t]*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    key: str
    line: int
    fields: dict[str, str]

    @property
    def kind(self) -> str:
        return self.fields["kind"]

    @property
    def host(self) -> str:
        return re.sub(r"^https?://", "", self.fields["url"]).split("/")[0].lower().removeprefix("www.")

    @property
    def base_year(self) -> str:
        """The year a citation shows, before any letter that tells two works apart."""
        return UNDATED if self.fields["date"] == UNDATED else self.fields["date"][:4]


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
    if not problems:
        problems += [located(path, sources[key].line, f"{key}: {problem}") for key, problem in _ambiguous_labels(sources)]
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
        elif not re.fullmatch(re.escape(fields["date"][:4]) + "[a-z]*", fields["year"]):
            problems.append(f"year '{fields['year']}' does not match date '{fields['date']}'")
    elif not re.fullmatch(re.escape(UNDATED) + "(-[a-z]+)?", fields["year"]):
        problems.append(f"year '{fields['year']}' given for an undated source (date '{UNDATED}')")
    if fields["title"].startswith("[") and not fields.get("titlenote"):
        problems.append(f"title '{fields['title']}' is a placeholder, not the title as published; give that title, "
                        "or say in titlenote why it cannot be seen")
    excluded = next((reason for host, reason in EXCLUDED_HOSTS.items()
                     if source.host == host or source.host.endswith("." + host)), None)
    if excluded and not fields.get("whykept"):
        problems.append(f"{source.host} is {excluded}, which the edition does not cite; cite a better source, "
                        "or say in whykept why none would do")
    problem = dates.problem(fields["urldate"])
    if problem:
        problems.append(f"urldate {problem}")
    return problems


def label(source: Source) -> str:
    """Whom a citation names, as the author field gives it: the person or organisation."""
    return plain(source.fields["author"]).strip()


def _letters(number: int) -> str:
    """a, b, … z, aa, ab, …: the letter of the number-th work sharing a label."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _ambiguous_labels(sources: dict[str, Source]) -> list[tuple[str, str]]:
    """Works that would share a citation label ("EFE, 2023") must carry letters in their year, in
    the order of their dates (2023a, 2023b; n.d.-a, n.d.-b); a lone work carries none."""
    shared: dict[tuple[str, str], list[Source]] = {}
    for source in sources.values():
        shared.setdefault((label(source), source.base_year), []).append(source)
    problems = []
    for (name, year), group in shared.items():
        ordered = sorted(group, key=lambda source: (source.fields["date"], source.key))
        for number, source in enumerate(ordered):
            expected = year if len(group) == 1 else f"{year}{'-' if year == UNDATED else ''}{_letters(number)}"
            if source.fields["year"] != expected:
                reason = (f"the label '{name}, {year}' is shared by {len(group)} works ({', '.join(s.key for s in ordered)})"
                          if len(group) > 1 else f"no other work shares the label '{name}, {year}'")
                problems.append((source.key, f"year should be '{expected}': {reason}"))
    return problems

