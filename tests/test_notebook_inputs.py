"""Each notebook declares the files it reads, so that the build re-runs it when one changes."""
import json

import nbformat
import pytest
from nbclient import NotebookClient

from edition import paths
from edition.sphinxext import declared_inputs

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
WATCHED = ("data", "chapters", "notebooks")

# Run first in the kernel: record every file the notebook opens under the edition's folders.
RECORD = f"""
import os, sys
_opened = set()
def _record(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        path = os.path.realpath(args[0])
        if any(path.startswith(os.path.join({str(paths.ROOT)!r}, top) + os.sep) for top in {WATCHED!r}):
            _opened.add(os.path.relpath(path, {str(paths.ROOT)!r}))
sys.addaudithook(_record)
"""


def opened_by(notebook_path) -> set[str]:
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(RECORD))
    notebook.cells.append(nbformat.v4.new_code_cell("print(sorted(_opened))"))
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(paths.NOTEBOOKS)}}).execute()
    return set(eval(notebook.cells[-1].outputs[0]["text"]))  # noqa: S307 - our own printed list


@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=lambda path: path.name)
def test_declared_reads_cover_what_the_notebook_opens(notebook_path):
    declared = {paths.relative(path) for path in declared_inputs(json.loads(notebook_path.read_text(encoding="utf-8")))}
    assert declared, "the notebook declares no inputs in metadata.edition.reads"
    opened = opened_by(notebook_path)
    assert opened, "the recording hook saw nothing: the test itself is broken"
    assert opened <= declared
