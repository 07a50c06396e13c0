"""The Downloads page's table, and the files it links to, written into the site at the end of
the build (``edition.downloads`` says what they are)."""
from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import downloads, paths
from . import printed


def _cell(label: str, *content: nodes.Node) -> nodes.entry:
    # Each cell names its column, for a phone, where the row is read as a card (edition.css).
    return nodes.entry("", nodes.paragraph("", "", nodes.inline("", label, classes=["cell-label"]), nodes.Text(" "), *content))


class Downloads(SphinxDirective):
    """Every file a reader can download, with what it is and its size, linked where the build puts it."""

    option_spec = {"caption": str, "name": str}
    HEADER = ("file", "what it is", "size")

    def run(self) -> list[nodes.Node]:
        files = downloads.files()
        for download in files:
            if not download.path.startswith("exports/"):
                self.env.note_dependency(str(paths.ROOT / download.path))
        files += downloads.pdfs(self.env.app.outdir)
        printed.note_the_sizes(self.env)
        up = "../" * self.env.docname.count("/")  # from this page to the site's root
        table, group = nodes.table(classes=["data-table", "downloads"]), nodes.tgroup(cols=3)
        table += nodes.title(text=self.options.get("caption", "Downloads"))
        group += [nodes.colspec(colwidth=width) for width in (3, 6, 1)]
        group += nodes.thead("", nodes.row("", *(nodes.entry("", nodes.paragraph(text=name)) for name in self.HEADER)))
        body = nodes.tbody()
        for download in files:
            link = nodes.reference("", "", nodes.literal(text=download.path),
                                   refuri=f"{up}{download.folder}/{download.path}", internal=False)
            body += nodes.row("", _cell("file", link), _cell("what it is", nodes.Text(download.what)),
                              _cell("size", nodes.Text(download.size)))
        group += body
        table += group
        self.add_name(table)
        return [table]


def write_downloads(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    for download in downloads.files():
        target = Path(app.outdir) / downloads.FOLDER / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.content)
