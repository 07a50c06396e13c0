"""Every notebook re-executes from a clean kernel and reproduces its stored outputs exactly."""
import pytest
from pytest_notebook.nb_regression import NBRegressionFixture

from edition import paths

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))

# Kernel and run metadata differ from run to run and say nothing about the results.
IGNORED = (
    "/metadata/language_info",
    "/metadata/kernelspec",
    "/metadata/widgets",
    "/cells/*/metadata/execution",
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
)


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_reproduces_its_outputs(notebook, request):
    fixture = NBRegressionFixture(exec_timeout=300, exec_cwd=str(paths.NOTEBOOKS), diff_ignore=IGNORED)
    # `pytest --nb-force-regen` rewrites the stored outputs after a deliberate change.
    fixture.force_regen = bool(request.config.getoption("--nb-force-regen", default=False))
    fixture.check(str(notebook))
