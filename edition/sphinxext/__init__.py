"""Sphinx extension of the research edition: the article rendered from its capture, the tables
drawn from the data, and the page-level hooks that keep the book self-contained and light.

- ``article``: the article's text, glosses, claim markers and notes, and the substitutions
  (``{{ article_title }}``…) that state facts about the article once;
- ``tables``: directives that render the data (timeline events, claims scale, source kinds, schema);
- ``hooks``: the data gate, notebooks' declared inputs, self-contained pages, theme fixes;
- ``assets``: what the theme ships that no page uses, left out of the built site.
"""
from sphinx.application import Sphinx

from . import article, assets, hooks, tables


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", article.add_substitutions)
    app.connect("config-inited", hooks.keep_pages_self_contained)
    app.connect("config-inited", hooks.use_templates)
    app.connect("builder-inited", hooks.refuse_bad_data)
    app.connect("source-read", hooks.run_notebooks_on_their_inputs)
    app.connect("html-page-context", hooks.citations_as_list_items)
    app.connect("html-page-context", assets.load_only_what_the_page_uses)
    app.connect("build-finished", assets.slim_theme_assets)
    app.add_directive("article-body", article.ArticleBody)
    app.add_directive("article-set-aside", article.ArticleSetAside)
    app.add_directive("source-kinds", tables.SourceKinds)
    app.add_directive("table-schema", tables.TableSchema)
    app.add_directive("claim-scale", tables.ClaimScale)
    app.add_directive("timeline-events", tables.TimelineEvents)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
