"""Page-level hooks: the data gate, notebooks run on their inputs, pages that need no network,
and the fixes the edition makes to the theme."""
from __future__ import annotations

import hashlib
import json
from html import escape as html_escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .. import check, notebooks, paths

# The edition's overrides of the theme's templates; each says what it changes and why.
TEMPLATES = Path(__file__).parent / "templates"


def code_version() -> int:
    """A number that changes whenever the edition's code does. Given to Sphinx as the extension's
    ``env_version``, it makes a change to a directive rebuild every page, as a change to the data
    already does (pages cached from older code would otherwise keep its output)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parents[1].rglob("*.py")):
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:8], 16)


def refuse_bad_data(app: Sphinx) -> None:
    """The book is never built from data that fails `make check`, whichever command builds it.

    The check is skipped when nothing it reads has changed since it last passed for this output
    folder (a checksum in a stamp file), so that a rebuild with no changes stays quick.
    """
    inputs = hashlib.sha256()
    files = [p for folder in (paths.DATA, paths.CHAPTERS, paths.NOTEBOOKS) for p in folder.rglob("*") if p.is_file()]
    for path in sorted([*files, paths.CITATION]):
        inputs.update(paths.relative(path).encode() + b"\0" + path.read_bytes())
    stamp = Path(app.doctreedir) / "edition-data-checked"
    if stamp.exists() and stamp.read_text() == inputs.hexdigest():
        return
    problems = check.problems()
    if problems:
        raise ExtensionError("the data fails `make check`; nothing was built:\n" + "\n".join(problems))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(inputs.hexdigest())


def run_notebooks_on_their_inputs(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a notebook's execution depend on the data it reads and the code it runs.

    Jupyter Book's cache keys on a notebook's code cells, so an edited row of timeline.csv would
    leave the old figure in the book. The files a notebook declares become Sphinx dependencies (so
    the page is read again when one changes), and the notebook is run with the hidden cells of
    ``edition.notebooks`` (so the cache sees new code when an input changes, and the build fails
    if the notebook reads a file it does not declare).
    """
    path = app.env.doc2path(docname)
    if not str(path).endswith(".ipynb"):
        return
    notebook = json.loads(source[0])
    for read in notebooks.declared_inputs(notebook):
        app.env.note_dependency(str(read))
    source[0] = json.dumps(notebooks.instrumented(notebook, paths.relative(path)))


def keep_pages_self_contained(app: Sphinx, config) -> None:
    """No live code cells and no script from a CDN: the book is read, not run, in the browser.

    Jupyter Book always loads sphinx-thebe, which adds a thebe configuration script (pointing at
    unpkg.com) and a stylesheet to every page; its handlers and stylesheet are taken off. The
    theme's colour mode defaults to "auto" explicitly, since an empty default makes it log an
    error on every page.
    """
    for listeners in app.events.listeners.values():
        listeners[:] = [listener for listener in listeners
                        if not getattr(listener.handler, "__module__", "").startswith("sphinx_thebe")]
    app.registry.css_files = [(name, attributes) for name, attributes in app.registry.css_files if "thebe" not in name]
    config.html_context = {**config.html_context, "default_mode": "auto"}


def use_templates(app: Sphinx, config) -> None:
    """The edition's template overrides come before the theme's own."""
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def one_search_box(app: Sphinx, config) -> None:
    """The sidebar's search field, and no second one in a header bar above it (on a phone the
    article's header has its search button)."""
    config.html_theme_options = {**config.html_theme_options, "navbar_persistent": []}


def citations_as_list_items(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils puts bibliography entries (role "doc-biblioentry") in a container of role "list",
    which screen readers expect to hold list items; so the entries are given that role."""
    if "citation-list" in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def visit_folded_code(translator, node) -> None:
    """myst-nb's fold around a cell's code, its toggle named by what it says ("Show code"), as
    WCAG 2.5.3 (label in name) asks: myst-nb names it "Toggle hidden content"."""
    translator.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n<summary>\n'
                           f'<p class="collapsed admonition-title">{html_escape(node["prompt_show"])}</p>\n'
                           f'<p class="expanded admonition-title">{html_escape(node["prompt_hide"])}</p>\n</summary>\n')


def depart_folded_code(translator, node) -> None:
    translator.body.append("</details>\n")

