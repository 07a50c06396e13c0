"""Sphinx extension of the research edition: the article rendered from its capture, the tables
drawn from the data, and the page-level hooks that keep the book self-contained and light.

- ``article``: the article's text, glosses, claim markers and notes, the ClaimReviews its page
  carries, and the substitutions (``{{ article_title }}``…) that state facts about the article once;
- ``tables``: directives that render the data (timeline events, claims scale, source kinds, schema,
  the actors' glossary entries, what the claims audit found, election results, the audit studies,
  the AMIA accused, Iran's agreements in Latin America, BRICS membership, what happened after the article);
- ``figures``: a figure a notebook draws, pasted into a chapter with its number and caption;
- ``rating``: "rate it yourself", a worksheet of the article's claims;
- ``guide``: the instructors' guide's units, read from the reading chapters;
- ``glossary``: under each glossary entry, the paragraphs of the article that name it;
- ``chapters``: the reading chapters' reading time, the article's paragraphs each explains, and
  the article's links back to them;
- ``downloads``: the Downloads page's table, and the files it offers written into the site;
- ``printed``: the PDFs `make book` prints, offered in each page's download menu, on the landing
  page and on the Downloads page;
- ``versions``: below every page, the version, how to cite it, the licences and the page's last
  change in the repository's history;
- ``hooks``: the data gate, notebooks' declared inputs, self-contained pages, theme fixes;
- ``previews``: what a link to a glossary entry or a source shows on hover and focus;
- ``bibliography``: the bibliography's style (works as published, archived copies) and, under
  each entry, where the edition cites it;
- ``assets``: what the theme ships that no page uses, left out of the built site.
"""
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx

from . import article, assets, chapters, downloads, figures, glossary, guide, hooks, previews, printed, rating, tables, versions
from . import bibliography as bibliography_page


def setup(app: Sphinx) -> dict:
    bibliography_page.register()
    app.connect("config-inited", article.add_substitutions)
    app.connect("config-inited", hooks.keep_pages_self_contained)
    app.connect("config-inited", hooks.use_templates)
    app.connect("config-inited", hooks.one_search_box)
    app.connect("builder-inited", hooks.refuse_bad_data)
    app.connect("source-read", hooks.run_notebooks_on_their_inputs)
    app.connect("doctree-read", glossary.list_the_paragraphs_naming_each_entry)
    app.connect("doctree-read", chapters.count_the_reading_time)
    app.connect("doctree-resolved", guide.fill_in_the_reading_times)
    app.connect("env-updated", previews.collect_definitions)
    app.connect("doctree-resolved", previews.give_term_links_their_definition)
    app.connect("doctree-read", bibliography_page.collect_output_citations)
    app.connect("env-purge-doc", bibliography_page.forget_output_citations)
    app.connect("env-merge-info", bibliography_page.merge_output_citations)
    app.connect("env-get-outdated", bibliography_page.reread_when_pages_change)
    app.connect("env-get-outdated", assets.write_again_when_assets_change)
    app.connect("env-get-outdated", printed.reread_when_the_pdfs_change)
    app.connect("doctree-resolved", bibliography_page.arrange)
    app.connect("html-page-context", hooks.citations_as_list_items)
    app.connect("html-page-context", article.carry_the_claim_reviews)
    app.connect("html-page-context", versions.footer)
    app.connect("html-page-context", assets.load_only_what_the_page_uses)
    # After the theme has made its download menu (at 501).
    app.connect("html-page-context", printed.offer_the_pdfs, priority=502)
    # The palette is written before the stylesheets are slimmed, which reads it.
    app.connect("build-finished", assets.write_palette, priority=400)
    app.connect("build-finished", assets.slim_theme_assets)
    app.connect("build-finished", downloads.write_downloads)
    app.add_css_file(assets.PALETTE)
    app.add_node(HideCodeCellNode, override=True, html=(hooks.visit_folded_code, hooks.depart_folded_code))
    app.add_directive("article-body", article.ArticleBody)
    app.add_directive("article-set-aside", article.ArticleSetAside)
    app.add_directive("reading-switch", article.ReadingSwitch)
    app.add_directive("source-kinds", tables.SourceKinds)
    app.add_directive("excluded-sites", tables.ExcludedSites)
    app.add_directive("table-schema", tables.TableSchema)
    app.add_directive("claim-scale", tables.ClaimScale)
    app.add_directive("timeline-events", tables.TimelineEvents)
    app.add_directive("actor-glossary", tables.ActorGlossary)
    app.add_directive("findings", tables.Findings)
    app.add_directive("election-results", tables.ElectionResults)
    app.add_directive("audit-studies", tables.AuditStudies)
    app.add_directive("amia-accused", tables.AmiaAccused)
    app.add_directive("iran-agreements", tables.IranAgreements)
    app.add_directive("after-the-article", tables.AfterTheArticle)
    app.add_directive("brics-membership", tables.BricsMembership)
    app.add_directive("notebook-figure", figures.NotebookFigure)
    app.add_post_transform(figures.DescribeNotebookFigures)
    app.add_directive("edition-citation", versions.EditionCitation)
    app.add_directive("downloads", downloads.Downloads)
    app.add_directive("printed-editions", printed.PrintedEditions)
    app.add_directive("reading-time", chapters.ReadingTime)
    app.add_directive("reading-units", guide.ReadingUnits)
    app.add_directive("rate-it-yourself", rating.RateItYourself)
    app.add_directive("article-touches", chapters.ArticleTouches)
    app.add_directive("bibliography-search", bibliography_page.Search)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": hooks.code_version()}
