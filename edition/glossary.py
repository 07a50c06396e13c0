"""The glossary: entries written by hand in ``chapters/glossary.md``, entries for the actors written
from ``data/actors.csv``, and the paragraphs of the article that name each entry."""
from __future__ import annotations

import re

from . import datapackage, mentions, paths
from .witness import Witness

# A term is an unindented line inside a ```{glossary} block; its definition is indented under it.
BLOCK = re.compile(r"^```\{glossary\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def written() -> list[str]:
    """The terms of the entries written by hand, as written."""
    found = []
    for block in BLOCK.findall(paths.GLOSSARY.read_text(encoding="utf-8")):
        for line in block.split("\n"):
            if line.strip() and not line[0].isspace() and not line.startswith(":"):
                found.append(line.strip())
    return found


def terms() -> set[str]:
    """Every term of the glossary, in lower case (Sphinx matches terms regardless of case)."""
    return {term.lower() for term in written()} | {row["name"].lower() for row in datapackage.rows("actors")}


def names(page: Witness) -> dict[str, set[str]]:
    """For each term (in lower case), the words by which the article names it: the term itself,
    the phrase of its first mention, and an actor's aliases."""
    found: dict[str, set[str]] = {term: {term} for term in written()}
    for row in datapackage.rows("actors"):
        found.setdefault(row["name"], {row["name"]}).update(row.keys("aliases"))
    by_lower = {term.lower(): words for term, words in found.items()}
    for mention in mentions.load(page):
        by_lower.setdefault(mention.term.lower(), {mention.term}).add(mention.phrase)
    return by_lower


def paragraphs_naming(page: Witness) -> dict[str, list[str]]:
    """For each term (in lower case), the paragraphs that name it, in order. The longer name wins
    where two overlap, so that "Washington" inside "The Washington Post" names the newspaper."""
    by_name = sorted(((word, term) for term, words in names(page).items() for word in words), key=lambda pair: -len(pair[0]))
    found: dict[str, list[str]] = {}
    for pid, text in zip(page.paragraph_ids, page.paragraphs, strict=True):
        taken = [False] * len(text)
        for word, term in by_name:
            for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
                if not any(taken[match.start():match.end()]):
                    taken[match.start():match.end()] = [True] * (match.end() - match.start())
                    if pid not in found.setdefault(term, []):
                        found[term].append(pid)
    return found
