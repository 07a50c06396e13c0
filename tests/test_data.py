"""The data package: valid for frictionless itself, derived tables regenerated, checks read-only."""
from edition import book, check, datapackage, derive, paths, witness
from edition.claims import SCALE
from edition.views.timeline import THREAD_LABELS


def test_frictionless_validates_the_package():
    result = book.run([str(book.BIN / "frictionless"), "validate", "data/datapackage.json"])
    assert result.returncode == 0, result.stdout[-2000:]


def test_every_table_of_the_package_exists_and_has_its_columns():
    for spec in datapackage.descriptor()["resources"]:
        header = datapackage.path(spec["name"]).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == [f["name"] for f in spec["schema"]["fields"]], spec["name"]


def test_a_table_and_its_file_share_a_name():
    for spec in datapackage.descriptor()["resources"]:
        assert datapackage.path(spec["name"]).stem == spec["name"]


def test_the_data_folder_shows_the_flow():
    """The capture and its metadata in raw/, what `make data` writes in derived/, and the tables
    edited by hand beside them."""
    assert {path.name for path in paths.RAW.iterdir()} == {paths.WITNESS.name, paths.ARTICLE_METADATA.name}
    derived = {path.name for path in paths.DERIVED.iterdir()}
    assert derived == {"paragraphs.csv"} == {datapackage.path("paragraphs").name}
    edited = {path.name for path in paths.DATA.iterdir() if path.is_file()}
    assert edited == {"datapackage.json", "references.bib"} | {
        datapackage.path(spec["name"]).name for spec in datapackage.descriptor()["resources"] if spec["name"] != "paragraphs"}


def test_paragraphs_table_is_derived_from_the_capture():
    assert datapackage.path("paragraphs").read_text(encoding="utf-8") == derive.paragraphs_csv(witness.article())
    rows = datapackage.rows("paragraphs")
    assert [row["text"] for row in rows] == list(witness.article().paragraphs)


def test_make_data_regenerates_the_derived_table(rooted, capsys):
    table = datapackage.path("paragraphs")
    expected = table.read_bytes()
    table.unlink()
    assert check.main() == 1
    assert "data/derived/paragraphs.csv: missing; run `make data`" in capsys.readouterr().err
    assert derive.main() == 0
    assert table.read_bytes() == expected
    assert check.main() == 0


def test_check_writes_nothing(rooted):
    (rooted / "data/timeline.csv").write_text("id,date\nbroken", encoding="utf-8")
    before = {path: path.read_bytes() for path in rooted.rglob("*") if path.is_file()}
    assert check.main() == 1
    after = {path: path.read_bytes() for path in rooted.rglob("*") if path.is_file()}
    assert after == before


def test_enums_are_read_from_the_descriptor():
    assert datapackage.allowed("timeline", "certainty") == ["confirmed", "reported", "disputed"]
    assert "overtaken" in datapackage.allowed("claims", "status")
    assert paths.relative(datapackage.path("claims")) == "data/claims.csv"


def test_code_lists_match_the_descriptor():
    assert list(SCALE) == datapackage.allowed("claims", "status")
    assert list(THREAD_LABELS) == datapackage.allowed("timeline", "thread")
