"""A preview of where a link leads, for a reader who hovers over it or reaches it by keyboard:
a glossary term's definition, a citation's full reference.

sphinxcontrib-bibtex already gives each citation link its reference as a title; here each link to
a glossary entry is given the entry's definition the same way, read from the built glossary.
``_static/edition-previews.js`` shows either as a preview, from the page itself.
"""
from __future__ import annotations

import re

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import paths

# What the glossary adds to a definition that is not the definition (see glossary.py).
NOT_DEFINITION = "term-mentions"


def glossary_doc() -> str:
    return paths.relative(paths.GLOSSARY).removesuffix(".md")


def collect_definitions(app: Sphinx, env: BuildEnvironment) -> None:
    """Each glossary term's definition as plain text, by the term's anchor."""
    env.edition_definitions = {}
    if glossary_doc() not in env.found_docs:
        return
    for item in env.get_doctree(glossary_doc()).findall(nodes.definition_list_item):
        term = item.next_node(nodes.term)
        definition = item.next_node(nodes.definition)
        if term is not None and definition is not None:
            for anchor in term["ids"]:
                env.edition_definitions[anchor] = plain_text(definition)


def plain_text(definition: nodes.Element) -> str:
    """The definition's words, without its citations or what the edition adds to it."""
    # docutils' own copy: copy.deepcopy would follow the node's parent to the whole document and
    # the build environment, and take minutes.
    definition = definition.deepcopy()
    for node in list(definition.findall(is_citation_or_addition)):
        node.parent.remove(node)
    text = " ".join(definition.astext().split())
    return re.sub(r"\s+([.,;:)])", r"\1", text)


def is_citation_or_addition(node: nodes.Node) -> bool:
    if isinstance(node, pending_xref):
        return node.get("refdomain") == "cite"
    return isinstance(node, nodes.Element) and NOT_DEFINITION in node.get("classes", [])


def give_term_links_their_definition(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    definitions = getattr(app.env, "edition_definitions", {})
    for link in doctree.findall(nodes.reference):
        anchor = (link.get("refuri") or "").rpartition("#")[2] or link.get("refid", "")
        if anchor in definitions and "reftitle" not in link:
            link["reftitle"] = definitions[anchor]
