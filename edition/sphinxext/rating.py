"""Rate it yourself: every audited claim with a place for a student's rating and reason, and the
edition's rating hidden until asked for (``_static/edition-rate.js`` keeps the answers in the
browser and compares them)."""
from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .. import claims as claims_table
from .. import datapackage, markup, paths, witness
from ..claims import SCALE
from .article import ARTICLE_DOC


class RateItYourself(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        for source in (paths.WITNESS, datapackage.path("claims")):
            self.env.note_dependency(str(source))
        article = self.env.app.builder.get_relative_uri(self.env.docname, ARTICLE_DOC)
        choices = {code: status.label for code, status in SCALE.items()}
        rows = [[markup.rate_claim(article, claim), markup.rate_choice(claim, choices), markup.rate_reason(claim),
                 markup.rate_answer(article, claim)]
                for claim in claims_table.load(witness.article())]
        table = markup.data_table("The article's claims: your rating, your reason and the edition's",
                                  ["claim", "your rating", "your reason", "the edition's rating"], rows)
        return [nodes.raw("", markup.rate_form(table), format="html")]
