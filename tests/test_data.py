"""The data package: valid for frictionless itself, derived tables regenerated, checks read-only."""
import sys

from conftest import BIN, check, run

from edition import datapackage, derive, paths, witness


def test_frictionless_validates_the_package():
    result = run([str(BIN / "frictionless"), "validate", "data/datapackage.json"])
    assert result.returncode == 0, result.stdout[-2000:]


def test_every_table_of_the_package_exists_and_has_its_columns():
    for spec in datapackage.descriptor()["resources"]:
        header = datapackage.path(spec["name"]).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == [f["name"] for f in spec["schema"]["fields"]], spec["name"]


def test_paragraphs_table_is_derived_from_the_capture():
    assert derive.PARAGRAPHS.read_text(encoding="utf-8") == derive.paragraphs_csv(witness.article())
    rows = datapackage.rows("paragraphs")
    assert [row["text"] for row in rows] == list(witness.article().paragraphs)


def test_make_data_regenerates_the_derived_table(scratch):
    table = scratch / "data/article/paragraphs.csv"
    expected = table.read_bytes()
    table.unlink()
    assert check(scratch).returncode == 1
    result = run([sys.executable, "-m", "edition.derive"], root=scratch)
    assert result.returncode == 0, result.stderr
    assert table.read_bytes() == expected
    assert check(scratch).returncode == 0


def test_check_writes_nothing(scratch):
    (scratch / "data/timeline.csv").write_text("id,date\nbroken", encoding="utf-8")
    before = {path: path.read_bytes() for path in scratch.rglob("*") if path.is_file()}
    assert check(scratch).returncode == 1
    after = {path: path.read_bytes() for path in scratch.rglob("*") if path.is_file()}
    assert after == before


def test_enums_are_read_from_the_descriptor():
    assert datapackage.allowed("timeline", "certainty") == ["confirmed", "reported", "disputed"]
    assert "overtaken" in datapackage.allowed("claims", "status")
    assert paths.relative(datapackage.path("claims")) == "data/claims.csv"


def test_code_lists_match_the_descriptor():
    from edition.claims import SCALE
    from edition.timeline import THREAD_LABELS

    assert list(SCALE) == datapackage.allowed("claims", "status")
    assert list(THREAD_LABELS) == datapackage.allowed("timeline", "thread")
