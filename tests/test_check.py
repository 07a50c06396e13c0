"""`make check` names file, row and problem for each kind of bad input; exits 1; no traceback."""
import pytest

from conftest import check


def corrupt(root, relative, old, new):
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the test's premise is stale: {old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_data_passes(scratch):
    result = check(scratch)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    "relative, old, new, message",
    [
        ("data/article/mentions.csv", "p17,Biden,Joe Biden", "p17,Bidden,Joe Biden",
         "data/article/mentions.csv:44: phrase 'Bidden' is not in p17"),
        ("data/article/mentions.csv", "p18,Luis Arce", "p20,Luis Arce",
         "data/article/mentions.csv:47: no paragraph 'p20': the article has p01…p19"),
        ("data/article/mentions.csv", "p03,Hezbollah,Hezbollah", "p03,Hezbollah",
         "data/article/mentions.csv:24: expected 3 fields (paragraph, phrase, term)"),
        ("data/article/mentions.csv", "p03,Mossad,Mossad", "p03,Mossad,Mosad",
         "data/article/mentions.csv:22: term 'Mosad' is not in the glossary (chapters/glossary.md)"),
        ("data/article/mentions.csv", "p18,Luis Arce,Luis Arce", "p18,Luis Arce,Luis Arce\np18,Arce,Luis Arce",
         "data/article/mentions.csv:48: phrase 'Arce' overlaps 'Luis Arce' (row 47)"),
        ("data/article/mentions.csv", "paragraph,phrase,term", "paragraph,words,term",
         "data/article/mentions.csv:1: expected columns ['paragraph', 'phrase', 'term']"),
        ("data/references.bib", "  url          = {https://en.wikipedia.org/wiki/Ebrahim_Raisi},\n", "",
         "data/references.bib:66: wikipedia-raisi: missing field url"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {2023-13-45}",
         "data/references.bib:16: mehrnews2023mou: date '2023-13-45' is not a calendar date"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {20 July 2023}",
         "data/references.bib:16: mehrnews2023mou: date '20 July 2023' is not an ISO 8601 date"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {2022-07-20}",
         "data/references.bib:16: mehrnews2023mou: year '2023' does not match date '2022-07-20'"),
        ("data/references.bib", "kind         = {news}", "kind         = {blog}",
         "data/references.bib:16: mehrnews2023mou: kind 'blog' is not one of news, analysis"),
        ("data/references.bib", "language     = {en}", "language     = {english}",
         "data/references.bib:3: rs2023hysteria: language 'english' is not one of"),
        ("data/references.bib", "@misc{mehrnews2023mou,", "@misc{rs2023hysteria,",
         "data/references.bib:16: rs2023hysteria: key already used at line 3"),
        ("data/references.bib", "@misc{mehrnews2023mou,\n", "@misc{mehrnews2023mou,\n  title = {unclosed,\n",
         "data/references.bib:31: not valid BibTeX: '}' expected"),
        ("chapters/article.md", "{cite:p}`rs2023hysteria`", "{cite:p}`rs2023hysteriaa`",
         "chapters/article.md:16: cites 'rs2023hysteriaa', which is not in data/references.bib"),
        ("chapters/glossary.md", "{cite:p}`simplewiki-mossad`", "",
         "simplewiki-mossad: cited nowhere in the chapters or notebooks"),
    ],
)
def test_each_kind_of_bad_input_is_located(scratch, relative, old, new, message):
    corrupt(scratch, relative, old, new)
    result = check(scratch)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_all_problems_are_reported_in_one_run(scratch):
    corrupt(scratch, "data/article/mentions.csv", "p17,Biden,", "p17,Bidden,")
    corrupt(scratch, "data/article/mentions.csv", "p18,Luis Arce", "p20,Luis Arce")
    result = check(scratch)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 2


def test_a_broken_capture_is_reported_not_raised(scratch):
    capture = next((scratch / "data/article").glob("*.txt"))
    capture.write_text("Just one line\n", encoding="utf-8")
    result = check(scratch)
    assert result.returncode == 1
    assert result.stderr.startswith("data/article/000_09d0c833d2f75a6f.txt:1: expected a header")
    assert "Traceback" not in result.stderr
