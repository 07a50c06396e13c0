"""The glossary page: under each entry, the paragraphs of the article that name it, as links."""
from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .. import datapackage, glossary, paths, witness
from ..witness import paragraph_number
from .previews import NOT_DEFINITION, glossary_doc


def list_the_paragraphs_naming_each_entry(app: Sphinx, doctree: nodes.document) -> None:
    if app.env.docname != glossary_doc():
        return
    for source in (paths.WITNESS, datapackage.path("mentions"), datapackage.path("actors")):
        app.env.note_dependency(str(source))
    naming = glossary.paragraphs_naming(witness.article())
    for item in doctree.findall(nodes.definition_list_item):
        term, definition = item.next_node(nodes.term), item.next_node(nodes.definition)
        pids = naming.get(term.astext().lower(), []) if term is not None else []
        if definition is not None and pids:
            definition += mentions_paragraph(pids)


def mentions_paragraph(pids: list[str]) -> nodes.paragraph:
    """“In the article: ¶1, ¶7”, each a link to the paragraph."""
    paragraph = nodes.paragraph(classes=[NOT_DEFINITION])
    paragraph += nodes.Text("In the article: ")
    for number, pid in enumerate(pids):
        if number:
            paragraph += nodes.Text(", ")
        paragraph += addnodes.pending_xref("", nodes.inline(text=f"¶{paragraph_number(pid)}"), refdomain="std",
                                           reftype="ref", reftarget=f"article-{pid}", refexplicit=True, refwarn=True)
    return paragraph
