"""Directives that render the data as tables and lists when the book is built, so that no
chapter copies a row: the timeline's events, the claims scale, the kinds of source, the schema."""
from __future__ import annotations

from html import escape

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from .. import bibliography, datapackage, markup, paths, witness
from .. import claims as claims_table
from ..claims import SCALE
from ..countries import NAMES
from ..witness import paragraph_number
from .article import ARTICLE_DOC
from .myst import escape as myst_escape


class TimelineEvents(SphinxDirective):
    """The timeline's events, or one thread's, as a searchable table: the date, then the event
    with its certainty and place, its sources and the paragraphs of the article it bears on.

    ```{timeline-events}
    :thread: amia
    ```
    """

    option_spec = {"thread": str, "until": str}

    def run(self) -> list[nodes.Node]:
        for table in ("timeline", "bearings"):
            self.env.note_dependency(str(datapackage.path(table)))
        thread, until = self.options.get("thread"), self.options.get("until")
        threads = datapackage.allowed("timeline", "thread")
        if thread and thread not in threads:
            raise self.error(f"no thread '{thread}'; the threads are {', '.join(threads)}")
        rows = [row for row in datapackage.rows("timeline")
                if (not thread or row["thread"] == thread) and (not until or row["date"] <= until)]
        rows.sort(key=lambda row: (row["date"], row["id"]))
        bears_on: dict[str, list[str]] = {}
        for link in datapackage.rows("bearings"):
            bears_on.setdefault(link["event"], []).append(link["paragraph"])
        lines = ["```{list-table}", ":header-rows: 1", ":class: filterable timeline-events", "",
                 "* - date", "  - event"]
        for row in rows:
            when = row["date"] + (f" to {row['end_date']}" if row["end_date"] else "")
            details = " · ".join(myst_escape(part) for part in (row["certainty"], row["place"]) if part)
            more = f"Sources: {{cite:p}}`{','.join(row.keys('sources'))}`"
            if row["id"] in bears_on:
                more += " · In the article: " + ", ".join(
                    f"{{ref}}`¶{paragraph_number(pid)} <article-{pid}>`" for pid in sorted(set(bears_on[row["id"]])))
            lines += [f"* - {myst_escape(when)}",
                      f"  - **{myst_escape(row['title'])}** {myst_escape(row['summary'])} [{details}]{{.row-meta}} "
                      f"[{more}]{{.row-line}}"]
        lines.append("```")
        container = nodes.container(classes=["timeline-events"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, container)
        return [container]


def data_table(directive: SphinxDirective, table: str, title: str, header: list[str], rows: list[list[str]],
               keys: list[str], classes: str) -> list[nodes.Node]:
    """A numbered table of the edition's data, with its caption (and a label, ``:name:``, for
    ``{numref}``), and under it the file it comes from and the sources of its rows. Cells are MyST."""
    name = [f":name: {directive.options['name']}"] if "name" in directive.options else []
    lines = ["```{list-table} " + title, ":header-rows: 1", f":class: {classes}", *name, "",
             "* - " + "\n  - ".join(header)]
    for row in rows:
        # Each cell names its column, for a phone, where the row is read as a card (edition.css).
        cells = [f"[{name}]{{.cell-label}} {cell}" for name, cell in zip(header, row, strict=True)]
        lines.append("* - " + "\n  - ".join(cells))
    lines.append("```")
    sources = ",".join(dict.fromkeys(keys))
    lines += ["", f"Data: `{paths.relative(datapackage.path(table))}`. Sources: {{cite:p}}`{sources}`."]
    box = nodes.container(classes=["data-figure"])
    directive.state.nested_parse(StringList(lines, source=directive.get_source_info()[0]), directive.content_offset, box)
    box.children[-1]["classes"].append("data-source")
    return [box]


class ElectionResults(SphinxDirective):
    """The results of one election, every round, from ``data/elections.csv``.

    ```{election-results} bolivia-2019
    ```
    """

    required_arguments = 1
    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("elections")))
        election = self.arguments[0]
        rows = [row for row in datapackage.rows("elections") if row["election"] == election]
        if not rows:
            known = ", ".join(sorted({row["election"] for row in datapackage.rows("elections")}))
            raise self.error(f"no election '{election}' in data/elections.csv; it has {known}")
        order = {value: number for number, value in enumerate(datapackage.allowed("elections", "round"))}
        rows.sort(key=lambda row: (order[row["round"]], row["count"], -float(row["share"])))
        cells = [[myst_escape(row["round"]), myst_escape(row["date"]), myst_escape(row["candidate"]),
                  myst_escape(row["party"]), f"{float(row['share']):.2f}", myst_escape(row["count"]),
                  myst_escape(row["note"])] for row in rows]
        keys = [key for row in rows for key in row.keys("sources")]
        title = self.options.get("caption", f"Results: {election}")
        return data_table(self, "elections", title, ["round", "date", "candidate", "party", "share (%)", "count", "note"],
                          cells, keys, "data-table election-results")


class AuditStudies(SphinxDirective):
    """The statements and studies in the dispute over the OAS's analysis, from ``data/oas_studies.csv``,
    in order of date."""

    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("oas_studies")))
        rows = sorted(datapackage.rows("oas_studies"), key=lambda row: (row["date"], row["id"]))
        cells = [[myst_escape(row["date"]),
                  f"**{myst_escape(row['authors'])}** ({myst_escape(row['institution'])}), "
                  f"*{myst_escape(row['title'])}*"
                  + (f"; commissioned by {myst_escape(row['commissioned_by'])}" if row["commissioned_by"] else ""),
                  myst_escape(row["position"]),
                  myst_escape(row["finding"]) + _data_and_method(row)] for row in rows]
        keys = [key for row in rows for key in row.keys("sources")]
        title = self.options.get("caption", "The statements and studies in the dispute")
        return data_table(self, "oas_studies", title, ["date", "who", "on the OAS finding", "what it found"],
                          cells, keys, "data-table audit-studies")


class AmiaAccused(SphinxDirective):
    """The people accused in the AMIA case, from ``data/amia_accused.csv``, in the table's order."""

    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("amia_accused")))
        rows = datapackage.rows("amia_accused")
        cells = [[f"**{myst_escape(row['name'])}** ({myst_escape(row['nationality'])})", myst_escape(row["post"]),
                  myst_escape(row["role"]), myst_escape(row["red_notice"]), myst_escape(row["status"])] for row in rows]
        keys = [key for row in rows for key in row.keys("sources")]
        title = self.options.get("caption", "The people accused in the AMIA case")
        return data_table(self, "amia_accused", title, ["person", "post in 1994", "role alleged", "red notice", "status"],
                          cells, keys, "data-table amia-accused")


class IranAgreements(SphinxDirective):
    """Iran's visits and agreements in Latin America: ``data/iran_agreements.csv`` joined to the
    timeline's date and sources, in order of date."""

    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        for table in ("iran_agreements", "timeline"):
            self.env.note_dependency(str(datapackage.path(table)))
        events = {row["id"]: row for row in datapackage.rows("timeline")}
        rows = sorted(datapackage.rows("iran_agreements"), key=lambda row: (events[row["event"]]["date"], row["event"]))
        cells = [[myst_escape(events[row["event"]]["date"]), myst_escape(row["country"]), myst_escape(row["parties"]),
                  myst_escape(row["kind"]), myst_escape(row["subject"]), myst_escape(row["text"])] for row in rows]
        keys = [key for row in rows for key in events[row["event"]].keys("sources") + row.keys("sources")]
        title = self.options.get("caption", "Iran's visits and agreements in Latin America")
        return data_table(self, "iran_agreements", title, ["date", "country", "who", "kind", "subject", "text"],
                          cells, keys, "data-table iran-agreements")


class BricsMembership(SphinxDirective):
    """Each country's standings in BRICS, from ``data/brics_membership.csv`` joined to the timeline's
    events and sources, in order of date."""

    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        for table in ("brics_membership", "timeline"):
            self.env.note_dependency(str(datapackage.path(table)))
        events = {row["id"]: row for row in datapackage.rows("timeline")}
        rows = sorted(datapackage.rows("brics_membership"), key=lambda row: (row["from"], NAMES[row["country"]]))
        cells = [[myst_escape(NAMES[row["country"]]), myst_escape(row["status"]), myst_escape(row["from"]),
                  myst_escape(row["to"] or "—"), myst_escape(events[row["event"]]["title"])] for row in rows]
        keys = [key for row in rows for key in events[row["event"]].keys("sources") + row.keys("sources")]
        title = self.options.get("caption", "Standing in BRICS over time")
        return data_table(self, "brics_membership", title, ["country", "standing", "from", "to", "event"],
                          cells, keys, "data-table brics-membership")


class AfterTheArticle(SphinxDirective):
    """What happened after the article to the claims it made: each event after its publication
    that ``data/bearings.csv`` ties to a claim, with the claim (linked to its note in the article),
    its rating, and the event's date and sources, in the order of the article."""

    option_spec = {"caption": str, "name": str}

    def run(self) -> list[nodes.Node]:
        for table in ("bearings", "timeline", "claims"):
            self.env.note_dependency(str(datapackage.path(table)))
        published = witness.metadata()["published"]
        events = {row["id"]: row for row in datapackage.rows("timeline")}
        audit = {claim.id: claim for claim in claims_table.load(witness.article())}
        links = [link for link in datapackage.rows("bearings")
                 if link["claim"] and events[link["event"]]["date"] > published]
        # Claim ids sort in the article's order (p03-2 before p12-3); their labels (¶3.2) would not.
        links.sort(key=lambda link: (link["claim"], events[link["event"]]["date"]))
        article = self.env.app.builder.get_relative_uri(self.env.docname, ARTICLE_DOC)
        cells, keys = [], []
        for link in links:
            claim, event = audit[link["claim"]], events[link["event"]]
            cells.append([f"{markup.claim_link(article, claim)} {myst_escape(markup.quoted(claim.quote))}",
                          myst_escape(SCALE[claim.status].label.lower()),
                          myst_escape(event["date"]),
                          f"**{myst_escape(event['title'])}.** {myst_escape(link['note'])} "
                          f"{{cite:p}}`{','.join(event.keys('sources'))}`"])
            keys += event.keys("sources")
        title = self.options.get("caption", "The article's claims and what happened after it")
        return data_table(self, "bearings", title, ["claim", "rating", "date", "what happened"],
                          cells, keys, "data-table after-the-article")


def _data_and_method(row) -> str:
    parts = [f"{label}: {myst_escape(row[field])}." for label, field in (("Data", "data"), ("Method", "method")) if row[field]]
    return f" [{' '.join(parts)}]{{.row-meta}}" if parts else ""


class ActorGlossary(SphinxDirective):
    """The glossary's entries for one type of actor (person, organisation, state), written from
    ``data/actors.csv`` and ordered as a reader looks names up.

    ```{actor-glossary} person
    ```
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("actors")))
        kind = self.arguments[0]
        if kind not in datapackage.allowed("actors", "type"):
            raise self.error(f"no type of actor '{kind}'; the types are {', '.join(datapackage.allowed('actors', 'type'))}")
        actors = sorted((row for row in datapackage.rows("actors") if row["type"] == kind),
                        key=lambda row: row["sort_as"].lower())
        lines = ["```{glossary}"]
        for row in actors:
            lines += [row["name"], f"  {row['entry']}", ""]
        lines.append("```")
        container = nodes.container(classes=["actor-glossary"])
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
            term += nodes.raw("", markup.rating(code), format="html")
            term += nodes.Text(f" ({counts[code]} claim{'s' if counts[code] != 1 else ''})")
            items += nodes.definition_list_item("", term, nodes.definition("", nodes.paragraph(text=status.criterion)))
        return [items]


class Findings(SphinxDirective):
    """What the claims audit found, in a sentence counted from the data, and the claims named in
    the directive's content (one id a line), each with its rating, its words and the first
    sentence of its note, linked to the note in the article.

    ```{findings}
    p05-1
    ```
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.path("claims")))
        audit = {claim.id: claim for claim in claims_table.load(witness.article())}
        unknown = [line for line in self.content if line.strip() and line.strip() not in audit]
        if unknown:
            raise self.error(f"no claim {', '.join(unknown)} in {paths.relative(datapackage.path('claims'))}")
        article = self.env.app.builder.get_relative_uri(self.env.docname, ARTICLE_DOC)
        summary = nodes.paragraph(text=f"The edition checked {len(audit)} of the article's claims: "
                                       f"{claims_table.tally(list(audit.values()))}. Among them:")
        items = nodes.bullet_list(classes=["findings"])
        for line in self.content:
            if line.strip():
                claim = audit[line.strip()]
                html = (f"{markup.claim_link(article, claim)} {markup.rating(claim.status)} {markup.quoted(claim.quote)}: "
                        f"{escape(claims_table.gist(claim.note))}")
                items += nodes.list_item("", nodes.paragraph("", "", nodes.raw("", html, format="html")))
        return [summary, items]


class SourceKinds(SphinxDirective):
    """The kinds of source a bibliography entry may be, as ``edition.bibliography`` defines them."""

    def run(self) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["source-kinds"])
        for kind, meaning in bibliography.KINDS.items():
            items += nodes.definition_list_item(
                "", nodes.term("", "", nodes.literal(kind, kind)), nodes.definition("", nodes.paragraph(meaning, meaning))
            )
        return [items]


class ExcludedSites(SphinxDirective):
    """The sites the edition does not cite, as ``edition.bibliography`` lists them, and the entries
    that cite one all the same."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.REFERENCES))
        sites = nodes.bullet_list(classes=["excluded-sites"])
        for host, reason in bibliography.EXCLUDED_HOSTS.items():
            sites += nodes.list_item("", nodes.paragraph("", "", nodes.literal(host, host), nodes.Text(f": {reason}")))
        kept = sum(1 for source in bibliography.load().values() if source.fields.get("whykept"))
        note = nodes.paragraph(text=f"{kept} entries cite one of these sites all the same, because no better source "
                                    "was found; each says why, under \u201cWhy this site is cited\u201d.")
        return [sites, note]


class TableSchema(SphinxDirective):
    """One table of ``data/datapackage.json``: where it is, what it holds, its columns and keys."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.DESCRIPTOR))
        try:
            spec = datapackage.resource(self.arguments[0])
        except StopIteration:
            raise self.error(f"no table '{self.arguments[0]}' in {paths.relative(paths.DESCRIPTOR)}") from None
        schema = spec["schema"]
        intro = nodes.paragraph()
        intro += [nodes.Text("File: "), nodes.literal(text=paths.relative(datapackage.path(spec["name"]))),
                  nodes.Text(". " + spec["description"])]
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
