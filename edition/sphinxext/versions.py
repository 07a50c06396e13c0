"""What every page says of the edition below its text: the version and its release date, how to
cite it, the licences (all from ``CITATION.cff``), and when the page's source last changed in the
repository's history, which two builds of the same commit agree on (a build's own date would not)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import citation, markup, paths

ABOUT_CITING = "chapters/about"
CITING_ANCHOR = "licences-and-citation"


def last_change(source: Path) -> str | None:
    """The date (YYYY-MM-DD) of the last commit that changed ``source``; None outside a repository
    or for a file not yet committed."""
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source.name], cwd=source.parent,
                               capture_output=True, text=True, check=False).stdout.strip()
    except FileNotFoundError:  # no git on this machine
        return None
    return found or None


def footer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The version, a link to how to cite it, and the licences; the theme shows them in its footer."""
    edition = citation.load()
    # On the About page itself, pathto gives "#".
    cite = f"{context['pathto'](ABOUT_CITING).rstrip('#')}#{CITING_ANCHOR}"
    context["theme_extra_footer"] = markup.edition_footer(edition.version, edition.released, cite,
                                                          citation.licence_line(edition))
    if pagename in app.env.all_docs:
        context["last_updated"] = last_change(Path(app.env.doc2path(pagename)))


class EditionCitation(SphinxDirective):
    """The edition's citation, in prose and as BibTeX, from ``CITATION.cff``."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.CITATION))
        edition = citation.load()
        bibtex = citation.bibtex(edition)
        block = nodes.literal_block(bibtex, bibtex, language="bibtex", classes=["edition-bibtex"])
        return [nodes.paragraph("", citation.text(edition), classes=["edition-citation"]), block]
