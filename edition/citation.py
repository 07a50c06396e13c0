"""How to cite the edition, from ``CITATION.cff``: the one place that states its title, authors,
version and release date. The book's citation block and footer, and the checks on the changelog,
read them here."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import paths
from .problems import DataError

# The licences CITATION.cff names (SPDX), as a reader reads them, and what each covers.
LICENCES = {"CC-BY-4.0": ("CC BY 4.0", "text and data"), "MIT": ("MIT", "code")}


@dataclass(frozen=True)
class Citation:
    title: str
    authors: tuple[str, ...]
    version: str
    released: str
    licences: tuple[str, ...]

    @property
    def year(self) -> str:
        return self.released[:4]


@paths.per_root
def load() -> Citation:
    where = paths.relative(paths.CITATION)
    try:
        data = yaml.safe_load(paths.CITATION.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DataError([f"{where}: not YAML: {str(error).splitlines()[0]}"]) from None
    missing = [key for key in ("title", "authors", "version", "date-released", "license") if key not in data]
    if missing:
        raise DataError([f"{where}: no '{key}'" for key in missing])
    problems = []
    released = data["date-released"]
    if not isinstance(released, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", released):
        problems.append(f"{where}: date-released should be a quoted date, \"YYYY-MM-DD\"")
    licences = tuple(data["license"]) if isinstance(data["license"], list) else (data["license"],)
    problems += [f"{where}: licence '{licence}' is not one the edition describes ({', '.join(LICENCES)})"
                 for licence in licences if licence not in LICENCES]
    if problems:
        raise DataError(problems)
    authors = tuple(author.get("name") or f"{author['given-names']} {author['family-names']}" for author in data["authors"])
    return Citation(data["title"], authors, str(data["version"]), released, licences)


def text(citation: Citation) -> str:
    """The edition as a reader cites it in prose."""
    return (f"{' and '.join(citation.authors)} ({citation.year}). {citation.title}. "
            f"Version {citation.version}, released {citation.released}.")


def bibtex(citation: Citation) -> str:
    """The edition as a BibTeX entry; the authors are braced, as an organisation's name must be."""
    fields = {
        "title": f"{{{citation.title}}}",
        "author": " and ".join(f"{{{author}}}" for author in citation.authors),
        "year": citation.year,
        "date": citation.released,
        "version": citation.version,
        "note": f"Version {citation.version}, released {citation.released}",
    }
    body = ",\n".join(f"  {name:<8} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{edition{citation.year},\n{body}\n}}"


def licence_line(citation: Citation) -> str:
    """What each licence covers, then what neither does."""
    covered = "; ".join(f"{LICENCES[licence][1]}: {LICENCES[licence][0]}" for licence in citation.licences)
    return f"{covered[0].upper()}{covered[1:]}. The article's text belongs to its publisher."
