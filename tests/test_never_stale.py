"""Editing a data row and rebuilding puts the edit in the book, and re-runs only the notebooks
that read the edited file."""
import json
import re

from conftest import BIN, run

from edition import paths
from edition.sphinxext import declared_inputs

OLD, NEW = "Defence and security MoU signed", "Defence and security MoU signed (edited in a test)"


def build(root):
    result = run([str(BIN / "jupyter-book"), "build", str(root), "-n", "-W", "--keep-going"], root=root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def executed(log: str) -> set[str]:
    return set(re.findall(r"notebooks/([\w-]+)\.ipynb: Executing notebook", log))


def test_a_data_edit_reaches_the_book_and_reruns_only_its_readers(tmp_path):
    paths.copy_book(tmp_path)
    first = build(tmp_path)
    assert "timeline" in executed(first)

    timeline = tmp_path / "data" / "timeline.csv"
    text = timeline.read_text(encoding="utf-8")
    assert OLD in text, "the test's premise is stale: choose another row to edit"
    timeline.write_text(text.replace(OLD, NEW, 1), encoding="utf-8")
    second = build(tmp_path)

    page = (tmp_path / "_build/html/notebooks/timeline.html").read_text(encoding="utf-8")
    assert NEW in page
    readers = {path.stem for path in paths.NOTEBOOKS.glob("*.ipynb")
               if paths.ROOT / "data" / "timeline.csv" in declared_inputs(json.loads(path.read_text(encoding="utf-8")))}
    assert {"timeline", "deal-weeks", "sources"} <= readers
    assert executed(second) == readers, "re-ran a notebook that does not read timeline.csv, or missed one that does"
    assert "article-as-data" not in executed(second)
