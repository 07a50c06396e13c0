"""Editing a data row and rebuilding puts the edit in the book, and re-runs only the notebooks
that read the edited file."""
import re
import shutil

from conftest import BIN, run

from edition import paths

COPIED = ["_config.yml", "_toc.yml", "_static", "chapters", "notebooks", "data"]
OLD, NEW = "Bolivia and Iran sign a defence memorandum", "Bolivia and Iran sign a memorandum (edited in a test)"


def build(root):
    result = run([str(BIN / "jupyter-book"), "build", str(root), "-n", "-W", "--keep-going"], root=root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def executed(log: str) -> set[str]:
    return set(re.findall(r"notebooks/([\w-]+)\.ipynb: Executing notebook", log))


def test_a_data_edit_reaches_the_book_and_reruns_only_its_readers(tmp_path):
    for name in COPIED:
        source = paths.ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    first = build(tmp_path)
    assert "timeline" in executed(first)

    timeline = tmp_path / "data" / "timeline.csv"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(OLD, NEW, 1), encoding="utf-8")
    second = build(tmp_path)

    page = (tmp_path / "_build/html/notebooks/timeline.html").read_text(encoding="utf-8")
    assert NEW in page and OLD not in page
    readers = {path.stem for path in paths.NOTEBOOKS.glob("*.ipynb") if "timeline.csv" in path.read_text(encoding="utf-8")}
    assert executed(second) == readers, "re-ran a notebook that does not read timeline.csv, or missed one that does"
    assert "article-as-data" not in executed(second)
