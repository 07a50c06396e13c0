"""The bibliography page: each work as published, grouped by kind, and where the edition cites it.

- ``Style`` (pybtex's "edition" style): the author or agency, the title in its own
  capitalisation, the outlet and date, the copy it was read on, its address with the date the
  edition read it, and a link to the Internet Archive's copy nearest that date, against link rot;
- ``Sorting`` (pybtex's "edition" sorting): by group of kinds, then author, year and title;
- ``arrange``: the list divided into its groups, each under a heading, and under each entry the
  pages that cite it, each a link to the first place on that page; ``collect_output_citations``
  adds the pages whose notebook outputs link to an entry (tables the notebooks draw), which the
  citation role does not see;
- ``Search``: links to the groups, and a box that narrows the list to the entries with the words
  typed.

(One bibliography, not one per group: sphinxcontrib-bibtex gives a work the same anchor in every
bibliography of a page, so separate lists would clash; one list keeps bibliography.html#cite-KEY.)
"""
from __future__ import annotations

import re

from docutils import nodes
from pybtex.plugin import register_plugin
from pybtex.richtext import HRef, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.sorting.author_year_title import SortingStyle
from pybtex.style.template import field, href, join, node, optional, optional_field, sentence
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import markup, paths

NAME = "edition"
# sphinxcontrib-bibtex's anchors, as _config.yml sets them: bibliography.html#cite-KEY.
ANCHOR = "cite-"
# The page's groups, in order, and the kinds of source each holds (see edition.bibliography.KINDS).
GROUPS = {
    "Official documents": ("official",),
    "Courts and prosecutors": ("legal",),
    "News": ("news",),
    "Analysis, scholarship and reports": ("analysis", "academic", "ngo"),
    "Reference works": ("reference",),
}
GROUP_OF = {kind: number for number, kinds in enumerate(GROUPS.values()) for kind in kinds}


def group_anchor(title: str) -> str:
    return "sources-" + "-".join(title.lower().replace(",", "").split())


@node
def archived_copy(children, context):
    """The Internet Archive's copy of the address, nearest the day the edition read it."""
    fields = context["entry"].fields
    return HRef(f"https://web.archive.org/web/{fields['urldate'].replace('-', '')}/{fields['url']}", Text("archived copy"))


class Sorting(SortingStyle):
    def sorting_key(self, entry):
        return (GROUP_OF[entry.fields["kind"]], *super().sorting_key(entry))


class Style(Plain):
    default_sorting_style = NAME

    def format_title(self, e, which_field, as_sentence=True):
        # As published: pybtex's styles would lower-case all but the first letter.
        return sentence[field(which_field)] if as_sentence else field(which_field)

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            self.format_title(e, "title"),
            sentence[field("howpublished"), field("date")],
            optional[join["Read via ", field("via"), "."]],
            optional[join["Title not seen: ", field("titlenote"), "."]],
            optional[join["Why this site is cited: ", field("whykept"), "."]],
            sentence[optional_field("note")],
            sentence[join[href[field("url", raw=True), field("url", raw=True)], " (visited on ", field("urldate"), ")"],
                     archived_copy],
        ]


def register() -> None:
    register_plugin("pybtex.style.formatting", NAME, Style)
    register_plugin("pybtex.style.sorting", NAME, Sorting)


def bibliography_doc() -> str:
    return paths.relative(paths.CHAPTERS / "bibliography.md").removesuffix(".md")


def arrange(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The bibliography under its groups' headings, and each entry with where it is cited."""
    if docname != bibliography_doc():
        return
    places: dict[str, dict[str, str]] = {}
    for ref in app.env.get_domain("cite").citation_refs:
        for target in ref.targets:
            places.setdefault(target.key, {}).setdefault(ref.docname, ref.citation_ref_id)
    for page, keys in _output_citations(app.env).items():
        for key in keys:
            places.setdefault(key, {}).setdefault(page, "")
    kinds = {key: entry.fields["kind"] for key, entry in app.env.get_domain("cite").bibdata.data.entries.items()}
    citations = list(doctree.findall(nodes.citation))
    counts = [sum(GROUP_OF[kinds[key_of(c)]] == number for c in citations) for number in range(len(GROUPS))]
    current = None
    for citation in citations:
        key = key_of(citation)
        if key in places:
            citation += cited_in(app, docname, places[key])
        group = GROUP_OF[kinds[key]]
        if group != current:
            title = list(GROUPS)[group]
            heading = markup.source_group(title, group_anchor(title), counts[group])
            citation.parent.insert(citation.parent.index(citation), nodes.raw("", heading, format="html"))
            current = group


# A link to an entry in HTML a notebook wrote: …bibliography.html#cite-KEY".
OUTPUT_CITATION = re.compile(r'bibliography\.html#cite-([^"\'#\s]+)"')


def collect_output_citations(app: Sphinx, doctree: nodes.document) -> None:
    """The entries a page's notebook outputs link to, kept with the page for ``arrange``."""
    keys = {key for raw in doctree.findall(nodes.raw) for key in OUTPUT_CITATION.findall(raw.astext())}
    found = _output_citations(app.env)
    found.pop(app.env.docname, None)
    if keys:
        found[app.env.docname] = keys


def _output_citations(env) -> dict[str, set[str]]:
    if not hasattr(env, "edition_output_citations"):
        env.edition_output_citations = {}
    return env.edition_output_citations


def forget_output_citations(app: Sphinx, env, docname: str) -> None:
    _output_citations(env).pop(docname, None)


def merge_output_citations(app: Sphinx, env, docnames, other) -> None:
    mine = _output_citations(env)
    for docname, keys in _output_citations(other).items():
        if docname in docnames:
            mine[docname] = keys


def reread_when_pages_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Any page read again may cite differently: the bibliography's "Cited in" lines follow."""
    return [bibliography_doc()] if added or changed or removed else []


def key_of(citation: nodes.citation) -> str:
    return next(anchor.removeprefix(ANCHOR) for anchor in citation["ids"] if anchor.startswith(ANCHOR))


def cited_in(app: Sphinx, docname: str, pages: dict[str, str]) -> nodes.paragraph:
    """“Cited in: The article · Glossary”, each a link to the first citation on the page (or to the
    page, where a notebook's table cites it)."""
    paragraph = nodes.paragraph(classes=["cited-in"])
    paragraph += nodes.Text("Cited in: ")
    for number, (page, anchor) in enumerate(sorted(pages.items())):
        if number:
            paragraph += nodes.Text(" · ")
        uri = app.builder.get_relative_uri(docname, page) + (f"#{anchor}" if anchor else "")
        paragraph += nodes.reference("", app.env.titles[page].astext(), refuri=uri, internal=True)
    return paragraph


class Search(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        groups = [(title, group_anchor(title)) for title in GROUPS]
        return [nodes.raw("", markup.bibliography_search(groups), format="html")]

