"""Every notebook re-executes from a clean kernel and reproduces its stored outputs exactly.

pytest-notebook runs each notebook; the outputs are then compared cell by cell for equality.
(Its own nbdime diff is quadratic in the size of an output, and the notebooks' searchable tables
are large.) `pytest --nb-force-regen` stores the new outputs after a deliberate change.
"""
import difflib

import nbformat
import pytest
from pytest_notebook.execution import execute_notebook

from edition import paths

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
# Counters and run metadata differ from run to run and say nothing about the results.
VOLATILE = ("execution_count",)


def outputs(cell) -> list[dict]:
    return [{key: value for key, value in output.items() if key not in VOLATILE} for output in cell.get("outputs", [])]


def difference(stored, fresh) -> str:
    lines = difflib.unified_diff(nbformat.writes(stored).splitlines(), nbformat.writes(fresh).splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[:40])


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_reproduces_its_outputs(notebook, request):
    stored = nbformat.read(notebook, as_version=4)
    result = execute_notebook(nbformat.read(notebook, as_version=4), cwd=str(paths.NOTEBOOKS), timeout=300)
    assert result.exec_error is None, result.exec_error
    fresh = result.notebook
    if request.config.getoption("--nb-force-regen", default=False):
        for cell, new in zip(stored.cells, fresh.cells):
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = new.outputs, new.execution_count
        nbformat.write(stored, notebook)
        return
    for number, (cell, new) in enumerate(zip(stored.cells, fresh.cells), start=1):
        if cell.cell_type == "code" and outputs(cell) != outputs(new):
            pytest.fail(f"{notebook.name}, cell {number}: the outputs differ from the stored ones\n"
                        + difference(nbformat.v4.new_notebook(cells=[cell]), nbformat.v4.new_notebook(cells=[new])))
