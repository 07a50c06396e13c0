"""What a reader can download from the site: the data package (the capture, every table, the
schema and the bibliography), the exports, the notebooks and the citation file, each with what it
is. ``make book`` puts them in the site under ``downloads/``, keeping the repository's layout, so
that a downloaded ``data/`` folder is a working data package."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from . import datapackage, exports, paths, pdf, printed

# The site's folder for them, from its root.
FOLDER = "downloads"
# The PDFs, by what each holds.
WHOLE_BOOK = ("The whole book, {pages} pages: contents with page numbers, bookmarks for every chapter and section, "
              "links within the book.")
CHAPTER = "{title}, {pages} pages: the chapter alone, then the sources and glossary terms it cites."
# A notebook, by its title; it imports the edition's package.
NOTEBOOK = "Notebook: {title}. Runs where the edition's package is installed (\"pip install -e .\" in a copy of the repository)."


@dataclass(frozen=True)
class Download:
    path: str  # under ``folder``: for the repository's files, their path in it
    what: str
    content: bytes
    folder: str = FOLDER  # the site's folder it is in

    @property
    def size(self) -> str:
        """As a reader reads a size: bytes below a kilobyte, then kB and MB (powers of 1000)."""
        count = len(self.content)
        if count < 1000:
            return f"{count} bytes"
        return f"{count / 1000:.1f} kB" if count < 1_000_000 else f"{count / 1_000_000:.1f} MB"


def _file(path, what: str) -> Download:
    return Download(paths.relative(path), what, path.read_bytes())


def notebook_title(path) -> str:
    """A notebook's first heading: its title in the book."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for line in "".join(cell["source"]).splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return path.stem


def files() -> list[Download]:
    package = datapackage.descriptor()
    found = [
        _file(paths.WITNESS, "The captured web page, as received: the article's primary source (never edited)."),
        _file(paths.ARTICLE_METADATA, "What is known of the capture: outlet, address, date, checksum, what was set aside."),
        _file(paths.DESCRIPTOR, "The schema of every table (a Frictionless data package)."),
        # A description's `code` marks are Markdown; the table shows plain text.
        *(_file(datapackage.path(resource["name"]), f"{resource['title']}. {resource['description'].replace('`', '')}")
          for resource in package["resources"]),
        _file(paths.REFERENCES, "The bibliography (BibTeX): every source, with its address and the date it was read."),
    ]
    described = {exports.TIMELINEJS: "The timeline in Knight Lab TimelineJS's spreadsheet columns.",
                 exports.ANNOTATIONS: "The claims audit as W3C Web Annotations, anchored in the article's text.",
                 exports.CLAIMREVIEW: "The claims audit as schema.org ClaimReviews."}
    found += [Download(f"exports/{name}", described[name], text.encode("utf-8")) for name, text in exports.contents().items()]
    found += [_file(path, NOTEBOOK.format(title=notebook_title(path))) for path in sorted(paths.NOTEBOOKS.glob("*.ipynb"))]
    found.append(_file(paths.CITATION, "How to cite the edition (Citation File Format)."))
    return found


def pdfs(site: Path) -> list[Download]:
    """The PDFs `make book` prints into the site (``edition.pdf``), each described by its own title
    and length."""
    found = []
    for document in printed.documents():
        target = site / pdf.FOLDER / document.name
        if not target.exists():
            continue
        reader = PdfReader(target)
        what = (WHOLE_BOOK if document.whole else CHAPTER).format(
            title=reader.metadata.title, pages=len(reader.pages))
        found.append(Download(document.name, what, target.read_bytes(), pdf.FOLDER))
    return found
