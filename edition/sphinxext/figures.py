"""A figure a notebook draws, shown in a chapter with a number and a caption: the chapter pastes the
notebook's output (myst-nb's glue, across documents) and never keeps a copy of the image.

```{notebook-figure} brics-membership
:doc: ../notebooks/brics.ipynb
:name: fig-brics-membership

The caption. Further paragraphs become the figure's legend.
```
"""
from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from myst_nb.ext.glue.utils import PendingGlueReferenceError, create_pending_glue_ref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective


class NotebookFigure(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {"doc": directives.unchanged_required, "name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        if not self.content:
            raise self.error("a notebook figure needs a caption")
        try:
            image = create_pending_glue_ref(self.state.document, self.get_source_info()[0], self.lineno,
                                            self.options["doc"], self.arguments[0])
        except PendingGlueReferenceError as exc:
            raise self.error(str(exc)) from exc
        text = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, text)
        first, *rest = text.children
        figure = nodes.figure("", image, nodes.caption(first.rawsource, "", *first.children), classes=["notebook-figure"])
        if rest:
            figure += nodes.legend("", *rest)
        self.add_name(figure)
        return [figure]


class DescribeNotebookFigures(SphinxPostTransform):
    """Give each pasted image its figure's caption as alternative text; myst-nb pastes it with
    none, and a screen reader would read out its file name."""

    default_priority = 11  # after myst-nb pastes the image (5) and references resolve (10)

    def run(self, **kwargs) -> None:
        for figure in self.document.findall(nodes.figure):
            if "notebook-figure" in figure["classes"]:
                caption = next(figure.findall(nodes.caption)).astext()
                for image in figure.findall(nodes.image):
                    image["alt"] = caption
