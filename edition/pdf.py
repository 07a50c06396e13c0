"""``make pdf``: the whole book, and the article and each reading chapter alone, as PDF files in the
site's ``pdf/`` folder.

Debian's Chromium prints each document ``edition.printed`` assembles from the built site, served
on the loopback interface with every other request refused; its bookmarks are the document's
headings, and its fonts are embedded as Chromium embeds them. The whole book is printed twice: its
contents give the sheet each page begins on, known once it has been printed. The files are stamped with the
edition's release date instead of the time of printing, so that two builds print the same bytes,
and a document whose page and stylesheets have not changed since it was last printed is not
printed again.
"""
from __future__ import annotations

import hashlib
import io
import logging
import re
import sys
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    TextStringObject,
)

from . import book, citation, markup, paths, printed

# Cloning Chromium's file, pypdf warns that it now holds more objects than the file declared: the
# clone's own, which it writes out and declares itself.
logging.getLogger("pypdf._writer").setLevel(logging.ERROR)
NODE = re.compile(r"node\d+")
# The site's folder for them, from its root.
FOLDER = "pdf"
# The address the printed document is served at; its stylesheets and images are the site's own.
DOCUMENT = "printed.html"
PAGE = {"format": "A4", "margin": {"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"}}
# A page number at the foot of every page, in Chromium's template (it fills in "pageNumber").
FOOTER = ('<div style="width:100%;font-size:8pt;color:#555;text-align:center;font-family:sans-serif">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def key(site: Path, document: printed.Document) -> str:
    """What a printed document depends on: its pages, the pages it may borrow from, the site's
    stylesheets and images, and the code that prints it."""
    files = [site / page for page in (*document.pages, *printed.BORROWED)]
    files += sorted((site / "_static").rglob("*.css")) + sorted((site / "_images").iterdir())
    files += [printed.STYLESHEET] + [Path(module.__file__) for module in (printed, markup, sys.modules[__name__])]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()


def mend_bookmarks(node, letters: dict[str, str]) -> None:
    """Chromium's bookmarks drop the space where a heading's line wraps ("a researchedition"), and
    some repeat the heading's first line before it: each takes the words of the heading its letters
    end with, as written. ``letters``: each heading by its letters, the shortest first."""
    while node is not None:
        node = node.get_object()
        title = "".join(str(node.get("/Title", "")).split())
        found = [text for key, text in letters.items() if key and title.endswith(key)]
        if found:
            node[NameObject("/Title")] = TextStringObject(found[-1])
        mend_bookmarks(node.get("/First"), letters)
        node = node.get("/Next")


def renumber_nodes(root) -> None:
    """Chromium names a tagged table's header cells after their nodes ("node00077661"), numbered in
    the order the browser happened to make them: each takes its place in the structure tree instead,
    and the ID tree is put in order again under the new names."""
    ranks = {name: f"node{rank:08d}" for rank, name in enumerate(dict.fromkeys(_ids(root["/K"])))}
    for holder, key, value in _strings(root):
        if NODE.fullmatch(value):
            holder[key] = TextStringObject(ranks[value])
    if "/IDTree" in root:  # none where no table has header cells
        _sort_names(root["/IDTree"])


def _ids(kids) -> list[str]:
    """The ids of the structure elements under ``kids``, in the structure's order."""
    kids = kids.get_object()
    if isinstance(kids, ArrayObject):
        return [found for kid in kids for found in _ids(kid)]
    if not isinstance(kids, DictionaryObject):  # a marked content's number
        return []
    own = [str(kids["/ID"])] if "/ID" in kids else []
    return own + (_ids(kids["/K"]) if "/K" in kids else [])


def _strings(root) -> list[tuple]:
    """Every string reachable from ``root``, as (its holder, its key or index there, its text)."""
    found, stack, seen = [], [root], set()
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            entries = list(item.items())
        elif isinstance(item, ArrayObject):
            entries = list(enumerate(item))
        else:
            continue
        found += [(item, key, str(value)) for key, value in entries if isinstance(value, (TextStringObject, ByteStringObject))]
        stack += [value for _, value in entries]
    return found


def _sort_names(tree) -> None:
    """A name tree's keys in order again, each leaf keeping as many as it had, and its limits."""
    leaves = _leaves(tree)
    pairs = sorted((pair for leaf in leaves for pair in zip(leaf["/Names"][::2], leaf["/Names"][1::2], strict=True)),
                   key=lambda pair: str(pair[0]))
    for leaf in leaves:
        size = len(leaf["/Names"]) // 2
        mine, pairs = pairs[:size], pairs[size:]
        leaf[NameObject("/Names")] = ArrayObject(item for pair in mine for item in pair)
    _limit(tree.get_object())


def _leaves(tree) -> list[DictionaryObject]:
    tree = tree.get_object()
    return [leaf for kid in tree["/Kids"] for leaf in _leaves(kid)] if "/Kids" in tree else [tree]


def _limit(node: DictionaryObject) -> tuple:
    """Sets the /Limits of ``node``'s kids and leaves (a root has none) from their keys."""
    if "/Names" in node:
        names = node["/Names"]
        return names[0], names[-2]
    limits = [_limit(kid.get_object()) for kid in node["/Kids"]]
    for kid, (first, last) in zip(node["/Kids"], limits, strict=True):
        kid.get_object()[NameObject("/Limits")] = ArrayObject([first, last])
    return limits[0][0], limits[-1][1]


def stamped(pdf: bytes, document: printed.Assembled) -> bytes:
    """The PDF with its title, author and bookmarks as written, and the release date as its dates."""
    edition = citation.load()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    renumber_nodes(writer.root_object.get("/StructTreeRoot"))
    letters = {"".join(text.split()): text for text in sorted(document.headings, key=len)}
    mend_bookmarks(writer.root_object["/Outlines"].get("/First"), letters)
    date = f"D:{edition.released.replace('-', '')}000000Z"
    writer.add_metadata({"/Title": document.title, "/Author": " and ".join(edition.authors),
                         "/Subject": f"{edition.title}, version {edition.version}",
                         "/CreationDate": date, "/ModDate": date})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def refuse_the_outside(route, request) -> None:
    if request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def serving(html: str):
    return lambda route, request: route.fulfill(body=html, content_type="text/html")


def write(site: Path, cache: Path) -> list[Path]:
    """Print every document not already printed from the same inputs; returns the files written."""
    (site / FOLDER).mkdir(exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    due = {document: key(site, document) for document in printed.documents()}
    due = {document: stamp for document, stamp in due.items()
           if not (site / FOLDER / document.name).exists() or _stamp(cache, document) != stamp}
    if not due:
        return []
    with book.served(site) as address, book.chromium() as browser:
        page = browser.new_page()
        page.route("**/*", refuse_the_outside)
        for document, stamp in due.items():
            assembled = printed.assemble(site, document)
            pdf = printing(page, address, assembled)
            if document.whole:  # its contents give each page's sheet, known once it has been printed
                assembled = printed.assemble(site, document, beginnings(pdf))
                pdf = printing(page, address, assembled)
            (site / FOLDER / document.name).write_bytes(stamped(pdf, assembled))
            (cache / f"{document.name}.sha256").write_text(stamp)
    return [site / FOLDER / document.name for document in due]


def printing(page, address: str, assembled: printed.Assembled) -> bytes:
    """The document as Chromium prints it, from the site at ``address``."""
    page.route(address + DOCUMENT, serving(assembled.html))
    page.goto(address + DOCUMENT, wait_until="load")
    page.evaluate("document.fonts.ready")
    pdf = page.pdf(**PAGE, outline=True, tagged=True, print_background=True, display_header_footer=True,
                   header_template="<span></span>", footer_template=FOOTER)
    page.unroute(address + DOCUMENT)
    return pdf


def beginnings(pdf: bytes) -> dict[str, int]:
    """The sheet each printed page begins on, by its id (the PDF's destinations are the ids)."""
    reader = PdfReader(io.BytesIO(pdf))
    return {name[1:]: reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items() if "--" not in name}


def _stamp(cache: Path, document: printed.Document) -> str:
    stamp = cache / f"{document.name}.sha256"
    return stamp.read_text() if stamp.exists() else ""


def main(arguments: list[str]) -> int:
    """Print the PDFs of the site in the folder given (by default ``_build/html``) and list them."""
    site = Path(arguments[0]) if arguments else book.html(paths.ROOT)
    if not (site / "index.html").exists():
        print(f"make pdf: no built site in {site}; `make book` builds it", file=sys.stderr)
        return 1
    started = time.perf_counter()
    written = write(site, site.parent / "pdf")
    print(f"PDFs: {len(written)} printed in {time.perf_counter() - started:.1f} s, "
          f"{len(printed.documents()) - len(written)} unchanged")
    for document in printed.documents():
        target = site / FOLDER / document.name
        print(f"  {target} ({target.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
