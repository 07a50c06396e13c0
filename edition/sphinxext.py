"""Sphinx extension: the article's reading text, rendered from the witness at build time.

The chapters never copy the article: ``{{ article_title }}`` and friends are MyST
substitutions filled from the capture, and the ``article-body`` directive renders the 19
paragraphs with their anchors (``#p07``) and glossary links from ``mentions.csv``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from html import escape as html_escape
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from . import claims as claims_table
from . import mentions as mentions_table
from . import bibliography, check, datapackage, paths, witness
from .problems import DataError

# CommonMark lets any ASCII punctuation be escaped; escaping it all keeps the article's words
# from being read as markup, and changes nothing a reader sees.
MARKUP = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    return MARKUP.sub(r"\\\1", text)


def substitutions() -> dict[str, str]:
    """What the chapters may write as ``{{ name }}``: facts about the article, stated once."""
    page, about = witness.article(), witness.metadata()
    return {
        "article_title": page.title,
        "article_dek": page.dek,
        "article_section": page.section,
        "article_outlet": about["outlet"],
        "article_url": about["url"],
        "article_published": about["published"],
        "article_published_long": long_date(about["published"]),
        "article_image_caption": page.image_caption,
        "article_image_credit": page.image_credit,
        "article_paragraph_count": str(len(page.paragraphs)),
        "claim_count": str(len(datapackage.rows("claims"))),
    }


def long_date(iso: str) -> str:
    """``2023-08-01`` → ``1 August 2023``, as the prose of the chapters writes dates."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def paragraph_markup(text: str, glosses: list[mentions_table.Mention], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as MyST inline markup, each glossed phrase in it a ``{term}`` link."""
    end = len(text) if end is None else end
    out, position = [], start
    for mention in glosses:
        if start <= mention.start and mention.end <= end:
            out.append(escape(text[position:mention.start]))
            out.append(f"{{term}}`{mention.phrase} <{mention.term}>`")
            position = mention.end
    out.append(escape(text[position:end]))
    return "".join(out)


def claim_marker(claim: claims_table.Claim) -> str:
    """The rating after the quoted words: a link to the note, readable without colour."""
    status = claims_table.SCALE[claim.status]
    return (f'<a class="claim-marker status-{claim.status}" href="#note-{claim.id}" '
            f'aria-label="Claim {claim.label}: {status.label}. Read the note">{status.label}</a>')


class ArticleBody(SphinxDirective):
    """The article's body paragraphs, numbered ¶1… with the anchors ``#p01``…; glossed names
    link to the glossary; each audited claim is marked in place, its note below the paragraph."""

    def run(self) -> list[nodes.Node]:
        page = witness.article()
        for source in (paths.WITNESS, datapackage.path("mentions"), datapackage.path("claims")):
            self.env.note_dependency(str(source))
        try:
            glosses = witness.by_paragraph(mentions_table.load(page))
        except DataError as error:
            raise self.error(str(error)) from None
        audited = witness.by_paragraph(claims_table.load(page))
        std = self.env.get_domain("std")
        body = nodes.container(classes=["article-body"])
        for number, (pid, text) in enumerate(zip(page.paragraph_ids, page.paragraphs), start=1):
            paragraph = nodes.paragraph(classes=["article-paragraph"], ids=[pid])
            paragraph += nodes.raw(
                "", f'<a class="para-num" href="#{pid}" aria-label="Paragraph {number}">¶{number}</a> ', format="html"
            )
            position = 0
            for claim in audited.get(pid, []):
                paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), position, claim.start))
                paragraph += nodes.raw("", f'<mark class="claim status-{claim.status}" id="claim-{claim.id}">', format="html")
                paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), claim.start, claim.end))
                paragraph += nodes.raw("", "</mark>" + claim_marker(claim), format="html")
                position = claim.end
            paragraph += self.inline(paragraph_markup(text, glosses.get(pid, []), position))
            body += paragraph
            body += [self.note(claim) for claim in audited.get(pid, [])]
            # So that any chapter can write {ref}`article-p07`.
            std.note_hyperlink_target(f"article-{pid}", self.env.docname, pid, f"¶{number}")
        return [body]

    def inline(self, markup: str) -> list[nodes.Node]:
        children, messages = self.state.inline_text(markup, self.lineno)
        return children + messages

    def note(self, claim: claims_table.Claim) -> nodes.Node:
        """The edition's note on a claim, folded under a summary that names claim and rating."""
        status = claims_table.SCALE[claim.status]
        box = nodes.container(classes=["claim-note", f"status-{claim.status}"])
        box += nodes.raw("", (
            f'<details id="note-{claim.id}"><summary><span class="claim-label">Claim {claim.label}</span> '
            f'<span class="claim-rating status-{claim.status}">{status.label}</span> '
            f'<span class="claim-kind">({claim.kind})</span> “{html_escape(claim.quote)}”</summary>'
        ), format="html")
        lines = [escape(claim.note)]
        if claim.sources:
            lines.append(f"Evidence for: {{cite:p}}`{','.join(claim.sources)}`")
        if claim.counter_sources:
            lines.append(f"Evidence against or qualifying: {{cite:p}}`{','.join(claim.counter_sources)}`")
        for line in lines:
            box += nodes.paragraph("", "", *self.inline(line))
        box += nodes.raw("", f'<p class="claim-back"><a href="#claim-{claim.id}">Back to the quoted words</a></p></details>',
                         format="html")
        return box


class TimelineEvents(SphinxDirective):
    """The timeline's events, or one thread's, as a searchable table with citations: for any
    chapter to include, so that no chapter copies rows of timeline.csv.

    ```{timeline-events}
    :thread: amia
    ```
    """

    option_spec = {"thread": str, "until": str}

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("timeline")))
        thread, until = self.options.get("thread"), self.options.get("until")
        threads = datapackage.allowed("timeline", "thread")
        if thread and thread not in threads:
            raise self.error(f"no thread '{thread}'; the threads are {', '.join(threads)}")
        rows = [row for row in datapackage.rows("timeline")
                if (not thread or row["thread"] == thread) and (not until or row["date"] <= until)]
        rows.sort(key=lambda row: (row["date"], row["id"]))
        lines = ["```{list-table}", ":header-rows: 1", ":class: filterable timeline-events", "",
                 "* - date", "  - event", "  - certainty", "  - sources"]
        for row in rows:
            when = row["date"] + (f" to {row['end_date']}" if row["end_date"] else "")
            lines += [f"* - {escape(when)}", f"  - **{escape(row['title'])}** {escape(row['summary'])}",
                      f"  - {row['certainty']}", f"  - {{cite:p}}`{','.join(row.keys('sources'))}`"]
        lines.append("```")
        container = nodes.container(classes=["timeline-events"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, container)
        return [container]


class ClaimScale(SphinxDirective):
    """The edition's rating scale, with how many claims each rating holds."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("claims")))
        counts = {status: 0 for status in claims_table.SCALE}
        for claim in claims_table.load(witness.article()):
            counts[claim.status] += 1
        items = nodes.definition_list(classes=["claim-scale"])
        for code, status in claims_table.SCALE.items():
            term = nodes.term()
            term += nodes.raw("", f'<span class="claim-rating status-{code}">{status.label}</span>', format="html")
            term += nodes.Text(f" ({counts[code]} claim{'s' if counts[code] != 1 else ''})")
            items += nodes.definition_list_item("", term, nodes.definition("", nodes.paragraph(text=status.criterion)))
        return [items]


class ArticleSetAside(SphinxDirective):
    """What the capture holds besides the article, and why the edition sets it aside."""

    def run(self) -> list[nodes.Node]:
        page, reasons = witness.article(), witness.metadata()["set_aside"]
        self.env.note_dependency(str(paths.ARTICLE_METADATA))
        missing = sorted({part.kind for part in page.furniture} - reasons.keys())
        if missing:
            raise self.error(f"{paths.relative(paths.ARTICLE_METADATA)}: no reason given in 'set_aside' for {missing}")
        items = nodes.bullet_list(classes=["set-aside"])
        for part in page.furniture:
            first_line = part.text.split("\n")[0]
            markup = f"**{escape(part.kind)}** (line {part.line}: “{escape(first_line)}”). {escape(reasons[part.kind])}"
            children, messages = self.state.inline_text(markup, self.lineno)
            items += nodes.list_item("", nodes.paragraph("", "", *children), *messages)
        return [items]


class SourceKinds(SphinxDirective):
    """The kinds of source a bibliography entry may be, as ``edition.bibliography`` defines them."""

    def run(self) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["source-kinds"])
        for kind, meaning in bibliography.KINDS.items():
            items += nodes.definition_list_item(
                "", nodes.term("", "", nodes.literal(kind, kind)), nodes.definition("", nodes.paragraph(meaning, meaning))
            )
        return [items]


class TableSchema(SphinxDirective):
    """One table of ``data/datapackage.json``: where it is, what it holds, its columns and keys."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.DESCRIPTOR))
        try:
            spec = datapackage.resource(self.arguments[0])
        except StopIteration:
            raise self.error(f"no table '{self.arguments[0]}' in {paths.relative(datapackage.DESCRIPTOR)}") from None
        schema = spec["schema"]
        intro = nodes.paragraph()
        intro += [nodes.Text("File: "), nodes.literal(text=f"data/{spec['path']}"), nodes.Text(". " + spec["description"])]
        rows = [[field["name"], field["type"], _rule(field), field.get("description", "")] for field in schema["fields"]]
        keys = nodes.paragraph()
        keys += [nodes.Text("Primary key: "), nodes.literal(text=", ".join(schema["primaryKey"])), nodes.Text(".")]
        for foreign in schema.get("foreignKeys", []):
            target = f"{foreign['reference']['resource']}.{', '.join(foreign['reference']['fields'])}"
            keys += [nodes.Text(" "), nodes.literal(text=", ".join(foreign["fields"])),
                     nodes.Text(" refers to "), nodes.literal(text=target), nodes.Text(".")]
        return [intro, _table(["column", "type", "rule", "meaning"], rows, literal_columns={0, 2}), keys]


def _rule(field: dict) -> str:
    """A column's constraints in a line: required, unique, allowed values or form."""
    constraints = field.get("constraints", {})
    parts = [name for name in ("required", "unique") if constraints.get(name)]
    if "enum" in constraints:
        parts.append(" | ".join(constraints["enum"]))
    if "pattern" in constraints:
        parts.append(constraints["pattern"])
    if "minimum" in constraints:
        parts.append(f"{constraints['minimum']}–{constraints.get('maximum', '')}")
    return "; ".join(parts) or "optional"


def _table(headers: list[str], rows: list[list[str]], literal_columns: set[int] = frozenset()) -> nodes.table:
    table = nodes.table(classes=["schema-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in headers]
    head = nodes.thead()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in headers])
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *[
            nodes.entry("", nodes.paragraph("", "", nodes.literal(text=c) if i in literal_columns else nodes.Text(c)))
            for i, c in enumerate(cells)
        ])
    group += [head, body]
    return table


def declared_inputs(notebook: dict) -> list:
    """The files a notebook says it reads (``metadata.edition.reads``; glob patterns allowed)."""
    patterns = notebook.get("metadata", {}).get("edition", {}).get("reads", [])
    return sorted({path for pattern in patterns for path in paths.ROOT.glob(pattern)})


def notebook_inputs(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a notebook's execution depend on the data it reads, not only on its code.

    Jupyter Book's cache keys on a notebook's code cells, so an edited row of timeline.csv would
    leave the old figure in the book. Each notebook names the files it reads in its metadata
    (``"edition": {"reads": [...]}``); here they become Sphinx dependencies (so the page is read
    again when one changes) and a hidden last cell that records their checksums (so the cache
    sees new code and runs the notebook again). A notebook whose data did not change is not run.
    """
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    notebook = json.loads(source[0])
    reads = declared_inputs(notebook)
    lines = ["# The files this notebook reads, by checksum, so that editing one runs it again."]
    for path in reads:
        app.env.note_dependency(str(path))
        lines.append(f"# {paths.relative(path)} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    if reads:
        notebook["cells"].append({
            "cell_type": "code", "execution_count": None, "id": "edition-inputs",
            "metadata": {"tags": ["remove-cell"]}, "outputs": [], "source": "\n".join(lines),
        })
        source[0] = json.dumps(notebook)


def add_substitutions(app: Sphinx, config) -> None:
    config.myst_substitutions = {**config.myst_substitutions, **substitutions()}


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


def citations_as_list_items(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils puts bibliography entries (role "doc-biblioentry") in a container of role "list",
    which screen readers expect to hold list items; so the entries are given that role."""
    if "citation-list" in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def refuse_bad_data(app: Sphinx) -> None:
    """The book is never built from data that fails `make check`, whichever command builds it.

    The check is skipped when nothing it reads has changed since it last passed for this output
    folder (a checksum in a stamp file), so that a rebuild with no changes stays quick.
    """
    inputs = hashlib.sha256()
    for path in sorted(p for folder in (paths.DATA, paths.CHAPTERS, paths.NOTEBOOKS) for p in folder.rglob("*") if p.is_file()):
        inputs.update(paths.relative(path).encode() + b"\0" + path.read_bytes())
    stamp = Path(app.doctreedir) / "edition-data-checked"
    if stamp.exists() and stamp.read_text() == inputs.hexdigest():
        return
    problems = check.problems()
    if problems:
        raise ExtensionError("the data fails `make check`; nothing was built:\n" + "\n".join(problems))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(inputs.hexdigest())


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_substitutions)
    app.connect("config-inited", keep_pages_self_contained)
    app.connect("builder-inited", refuse_bad_data)
    app.connect("source-read", notebook_inputs)
    app.connect("html-page-context", citations_as_list_items)
    app.add_directive("article-body", ArticleBody)
    app.add_directive("article-set-aside", ArticleSetAside)
    app.add_directive("source-kinds", SourceKinds)
    app.add_directive("table-schema", TableSchema)
    app.add_directive("claim-scale", ClaimScale)
    app.add_directive("timeline-events", TimelineEvents)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
