"""The instructors' guide's units: one per reading chapter, in the book's order, each with its
reading time, objectives, notebooks, discussion questions and exercises, all read from the chapter
itself (``edition.chapters.outline``) so that the guide cannot fall out of step with it."""
from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import chapters


class unit_time(nodes.inline):
    """A chapter's reading time in the guide, filled in once every chapter has been read."""


class ReadingUnits(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        units = []
        for number, chapter in enumerate(chapters.reading_chapters(), start=1):
            self.env.note_dependency(str(chapters.path(chapter)))
            outline = chapters.outline(chapter)
            notebooks = ", ".join(f"{{doc}}`../notebooks/{name}`" for name in outline.notebooks) or "none"
            exercises = ", ".join(f"{{ref}}`{label}`" for label in outline.exercises)
            data = ", ".join(f"`{name}`" for name in outline.data)
            lines = [f"**Unit {number}: {{doc}}`{chapter}`**", "",
                     "By the end of it, a student should be able to:", "",
                     *(f"- {objective};" for objective in outline.objectives[:-1]), f"- {outline.objectives[-1]}.", "",
                     f"Notebooks to run: {notebooks}. Discussion: the chapter's {outline.questions} questions. "
                     f"Assessment: {exercises}, on {data}; the solutions are hidden in the chapter until opened."]
            box = nodes.container(classes=["reading-unit"])
            self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, box)
            box.children[0] += [nodes.Text(" · "), unit_time(chapter=f"chapters/{chapter}")]
            units.append(box)
        return units


def fill_in_the_reading_times(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for placeholder in list(doctree.findall(unit_time)):
        words = app.env.metadata[placeholder["chapter"]]["reading-words"]
        minutes = chapters.reading_time(words)
        placeholder.replace_self(nodes.inline(text=f"about {minutes} minutes of reading"))
