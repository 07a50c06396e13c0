"""The notebooks: each declares what it reads; the build runs each from a clean kernel with the
hidden cells that keep it from going stale, and its outputs are exactly the stored ones; editing a
data row re-runs exactly the notebooks that read it.

`pytest tests/test_notebooks.py --regen-outputs` stores the build's outputs in the notebooks after
a deliberate change.
"""
import difflib
import json
import re
import sys

import nbformat
import pytest

from edition import book, notebooks, paths

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
HIDDEN = {notebooks.FIRST, notebooks.LAST}
# Counters differ from run to run and say nothing about the results.
VOLATILE = ("execution_count",)


def outputs(cell) -> list[dict]:
    return [{key: value for key, value in output.items() if key not in VOLATILE} for output in cell.get("outputs", [])]


def difference(stored, fresh) -> str:
    lines = difflib.unified_diff(nbformat.writes(stored).splitlines(), nbformat.writes(fresh).splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[:40])


def store(stored, fresh) -> None:
    """The fresh outputs into the stored cells, counted as if the hidden first cell had not run."""
    for cell, new in zip(stored.cells, fresh, strict=True):
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = new.outputs, new.execution_count - 1
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count -= 1


def executed(log: str) -> set[str]:
    return set(re.findall(r"notebooks/([\w-]+)\.ipynb: Executing notebook", log))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_declares_what_it_reads(notebook):
    declared = notebooks.declared_inputs(json.loads(notebook.read_text(encoding="utf-8")))
    assert declared, "the notebook declares no inputs in metadata.edition.reads"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_reproduces_its_outputs(notebook, built, request):
    stored = nbformat.read(notebook, as_version=4)
    ran = nbformat.read(built.executed / notebook.relative_to(paths.REPOSITORY), as_version=4)
    assert [ran.cells[0].id, ran.cells[-1].id] == [notebooks.FIRST, notebooks.LAST], "the build ran it without its hidden cells"
    fresh = [cell for cell in ran.cells if cell.id not in HIDDEN]
    assert [cell.source for cell in fresh] == [cell.source for cell in stored.cells]
    if request.config.getoption("--regen-outputs"):
        store(stored, fresh)
        nbformat.write(stored, notebook)
        return
    for number, (cell, new) in enumerate(zip(stored.cells, fresh, strict=True), start=1):
        if cell.cell_type == "code" and outputs(cell) != outputs(new):
            pytest.fail(f"{notebook.name}, cell {number}: the outputs differ from the stored ones\n"
                        + difference(nbformat.v4.new_notebook(cells=[cell]), nbformat.v4.new_notebook(cells=[new])))


@pytest.mark.parametrize("declared, fails", [([], True), (["data/timeline.csv"], False)])
def test_a_read_the_notebook_does_not_declare_fails_its_run(declared, fails):
    # In a process of its own: an audit hook cannot be taken off again.
    code = ("import edition.notebooks as n, edition.paths as p\n"
            "n.watch_reads()\n"
            "(p.ROOT / 'data' / 'timeline.csv').read_bytes()\n"
            f"n.check_reads('notebooks/example.ipynb', {declared!r})\n")
    result = book.run([sys.executable, "-c", code])
    assert (result.returncode != 0) == fails, result.stderr
    message = ("notebooks/example.ipynb opened data/timeline.csv, which its metadata.edition.reads does not declare: "
               "add the file there, or the book may show outputs made from old data")
    assert (message in result.stderr) == fails


def test_a_data_edit_reaches_the_book_and_reruns_only_its_readers(edited, edit):
    assert edit[1] in (edited.html / "notebooks/timeline.html").read_text(encoding="utf-8")
    readers = set(notebooks.readers(paths.DATA / "timeline.csv"))
    assert {"timeline", "deal-weeks", "sources"} <= readers
    assert executed(edited.log) == readers, "re-ran a notebook that does not read timeline.csv, or missed one that does"
