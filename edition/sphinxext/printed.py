"""The PDFs `make book` prints (``edition.pdf``), offered where a reader looks for them: the
download menu of each page, a list on the landing page, and the Downloads page's table, which is
read again when a PDF changes so that it states each one's size."""
from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .. import pdf, printed

# What a page read with the Downloads table remembers of the PDFs it listed.
SIZES = "pdf-sizes"


def own_pdf(docname: str) -> printed.Document | None:
    return next((document for document in printed.chapter_documents() if document.pages == (f"{docname}.html",)), None)


def offer_the_pdfs(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """In the download menu, the page's own PDF where it has one, and the whole book's, in place
    of the theme's button that opens the browser's print dialogue."""
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            offered = [document for document in (own_pdf(pagename), printed.whole_book()) if document]
            group["buttons"] = [button for button in group["buttons"] if button["label"] != "download-pdf-button"]
            group["buttons"] += [_button(document, context["pathto"](f"{pdf.FOLDER}/{document.name}", 1))
                                 for document in offered]


def _button(document: printed.Document, url: str) -> dict:
    return {"type": "link", "url": url, "icon": "fas fa-file-pdf", "text": "book .pdf" if document.whole else ".pdf",
            "tooltip": "The whole book as PDF" if document.whole else "This chapter as PDF",
            "label": f"download-pdf-{document.name.removesuffix('.pdf')}"}


class PrintedEditions(SphinxDirective):
    """A list: the whole book as one PDF, then each chapter printed alone, by its title."""

    def run(self) -> list[nodes.Node]:
        up = "../" * self.env.docname.count("/")
        items = nodes.bullet_list(classes=["printed-editions"])
        book = nodes.reference("", "The whole book", refuri=f"{up}{pdf.FOLDER}/{printed.whole_book().name}", internal=False)
        items += nodes.list_item("", nodes.paragraph("", "", book, nodes.Text(" (PDF), with bookmarks and working links")))
        for document in printed.chapter_documents():
            docname = document.pages[0].removesuffix(".html")
            title = addnodes.pending_xref("", nodes.inline(), refdomain="std", reftype="doc",
                                          reftarget=f"/{docname}", refexplicit=False, refdoc=self.env.docname)
            link = nodes.reference("", "PDF", refuri=f"{up}{pdf.FOLDER}/{document.name}", internal=False)
            items += nodes.list_item("", nodes.paragraph("", "", title, nodes.Text(" ("), link, nodes.Text(")")))
        return [items]


def sizes(app: Sphinx) -> str:
    """Each PDF in the site and its size, as the Downloads page states them."""
    folder = app.outdir / pdf.FOLDER
    return " ".join(f"{path.name}:{path.stat().st_size}" for path in sorted(folder.glob("*.pdf")))


def note_the_sizes(env: BuildEnvironment) -> None:
    env.metadata[env.docname][SIZES] = sizes(env.app)


def reread_when_the_pdfs_change(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    now = sizes(app)
    return [docname for docname, meta in env.metadata.items() if SIZES in meta and meta[SIZES] != now]
