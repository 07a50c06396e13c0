"""How to cite the edition: `CITATION.cff` is valid Citation File Format, the changelog's newest
entry and the article it cites agree with it, its BibTeX reads back, bad input gets a located
error, and a page's last change comes from the repository's history."""
import json
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, FormatChecker
from pybtex.database import parse_string

from edition import check, citation, paths, witness
from edition.sphinxext.versions import last_change

SCHEMA = Path(__file__).parent / "vendor" / "citation-file-format" / "schema.json"


def cff() -> dict:
    return yaml.safe_load(paths.CITATION.read_text(encoding="utf-8"))


def test_citation_cff_is_valid_citation_file_format():
    validator = Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker())
    assert [error.message for error in validator.iter_errors(cff())] == []


def test_the_schema_catches_a_broken_file():
    """The validation above can fail: a file without authors is not valid CFF."""
    validator = Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker())
    broken = {key: value for key, value in cff().items() if key != "authors"}
    assert ["'authors' is a required property"] == [error.message for error in validator.iter_errors(broken)]


def test_the_changelog_s_newest_entry_is_the_cited_version():
    newest = re.search(r"^## (\S+) — (\S+)$", paths.CHANGELOG.read_text(encoding="utf-8"), re.M)
    edition = citation.load()
    assert newest.groups() == (edition.version, edition.released)


def test_the_cited_article_is_the_captured_one():
    article, about = cff()["references"][0], witness.metadata()
    assert (article["title"], article["url"], article["date-published"], article["journal"]) == (
        witness.article().title, about["url"], about["published"], about["outlet"])


def test_the_bibtex_reads_back():
    edition = citation.load()
    entry = next(iter(parse_string(citation.bibtex(edition), "bibtex").entries.values()))
    assert entry.fields["title"] == f"{{{edition.title}}}"
    assert (entry.fields["version"], entry.fields["date"], entry.fields["year"]) == (edition.version, edition.released, "2026")
    assert [str(person) for person in entry.persons["author"]] == [f"{{{author}}}" for author in edition.authors]


@pytest.mark.parametrize("old, new, message", [
    ('date-released: "2026-12-01"', "date-released: 2026-12-01",
     'CITATION.cff: date-released should be a quoted date, "YYYY-MM-DD"'),
    ('version: "0.2.0"\n', "", "CITATION.cff: no 'version'"),
    ("  - MIT\n", "  - GPL-3.0-only\n",
     "CITATION.cff: licence 'GPL-3.0-only' is not one the edition describes (CC-BY-4.0, MIT)"),
    ("title: ", "title: [", "CITATION.cff: not YAML: while parsing a flow sequence"),
])
def test_a_bad_citation_file_is_located(rooted, old, new, message):
    text = paths.CITATION.read_text(encoding="utf-8")
    assert old in text
    paths.CITATION.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert message in check.problems()


def git(folder: Path, *args: str, date: str = "2024-02-03T10:00:00") -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={"PATH": os.environ["PATH"], "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                        "HOME": str(folder)})


def test_a_page_s_last_change_is_its_source_s_last_commit(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("one")
    (tmp_path / "b.md").write_text("one")
    git(tmp_path, "add", "a.md", "b.md")
    git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "b.md").write_text("two")
    git(tmp_path, "commit", "-q", "-am", "second", date="2025-06-07T10:00:00")
    (tmp_path / "c.md").write_text("not committed")
    assert [last_change(tmp_path / name) for name in ("a.md", "b.md", "c.md")] == ["2024-02-03", "2025-06-07", None]


def test_outside_a_repository_a_page_has_no_last_change(tmp_path):
    (tmp_path / "a.md").write_text("one")
    assert last_change(tmp_path / "a.md") is None


def test_the_package_has_the_edition_s_version():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == citation.load().version


@pytest.mark.parametrize("notebook", sorted(path.name for path in paths.NOTEBOOKS.glob("*.ipynb")))
def test_a_notebook_says_first_how_to_run_it_alone(notebook):
    first = json.loads((paths.NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"][0]
    assert first["cell_type"] == "markdown" and "`pip install -e .`" in "".join(first["source"])
