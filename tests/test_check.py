"""`make check` names file, row and problem for each kind of bad input; exits 1; no traceback.

The check runs in this process, pointed at a scratch copy of the edition (the ``rooted``
fixture), as ``python -m edition.check`` runs it; one test runs the command itself.
"""
import sys

import pytest

from edition import book, check


def corrupt(root, relative, old, new):
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the test's premise is stale: {old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def checked(capsys) -> tuple[int, str]:
    """``make check`` on the edition the package is pointed at: exit status and what it printed
    to standard error."""
    status = check.main()
    return status, capsys.readouterr().err


def test_the_real_data_passes(scratch):
    result = book.run([sys.executable, "-m", "edition.check"], root=scratch)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "the data is valid" in result.stdout


HEADER = "id,paragraph,quote,kind,status,note,sources,counter_sources\n"


def claim(quote="were reignited", status="supported", sources="rs2023hysteria", counter="", paragraph="p01"):
    """claims.csv with one row, to break in one way at a time."""
    return HEADER + f"c-test,{paragraph},{quote},fact,{status},A note.,{sources},{counter}\n"


@pytest.mark.parametrize(
    "relative, old, new, message",
    [
        # first mentions
        ("data/mentions.csv", "p17,Biden,Joe Biden", "p17,Bidden,Joe Biden",
         "data/mentions.csv:44: phrase 'Bidden' is not in p17"),
        ("data/mentions.csv", "p18,Luis Arce", "p20,Luis Arce",
         "data/mentions.csv:47: paragraph 'p20' is not in paragraphs.id"),
        ("data/mentions.csv", "p03,Hezbollah,Hezbollah", "p03,Hezbollah",
         "data/mentions.csv:24: term is missing: the row has too few values"),
        ("data/mentions.csv", "p03,Mossad,Mossad", "p03,Mossad,Mosad",
         "data/mentions.csv:22: term 'Mosad' is not in the glossary (chapters/glossary.md)"),
        ("data/mentions.csv", "p18,Luis Arce,Luis Arce", "p18,Luis Arce,Luis Arce\np18,Arce,Luis Arce",
         "data/mentions.csv:48: phrase 'Arce' overlaps 'Luis Arce' (row 47)"),
        ("data/mentions.csv", "paragraph,phrase,term", "paragraph,words,term",
         "data/mentions.csv:1: header: column 2 is 'words', expected 'phrase'"),
        # timeline
        ("data/timeline.csv", "mou-signed,2023-07-20,", "mou-signed,2023-13-45,",
         "data/timeline.csv:78: date '2023-13-45' is not a calendar date"),
        ("data/timeline.csv", "mou-signed,2023-07-20,", "mou-signed,20 July 2023,",
         "data/timeline.csv:78: date '20 July 2023' does not have the required form (YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("data/timeline.csv", "mou-signed,2023-07-20,,", "mou-signed,2023-07-20,2023-07-19,",
         "data/timeline.csv:78: end_date '2023-07-19' is before date '2023-07-20'"),
        ("data/timeline.csv", "mou-signed,2023-07-20,,deal,", "mou-signed,2023-07-20,,treaty,",
         "data/timeline.csv:78: thread 'treaty' is not one of amia, bolivia-2019, argentina, iran-latam, deal, brics, after"),
        ("data/timeline.csv", "taipei2023deal,disputed\nisw-drone-claim", "taipei2023deal,sure\nisw-drone-claim",
         "data/timeline.csv:78: certainty 'sure' is not one of confirmed, reported, disputed"),
        ("data/timeline.csv", "amia-accusation,", "amia-bombing,",
         "data/timeline.csv:7: id 'amia-bombing' is already used by an earlier row; it must be unique"),
        ("data/timeline.csv", '"Tehran, Iran",mehrnews2023mou;', '"Tehran, Iran",mehrnews2024mou;',
         "data/timeline.csv:77: sources: 'mehrnews2024mou' is not in data/references.bib"),
        ("data/timeline.csv", '"Tehran, Iran",mehrnews2023mou;', '"Tehran, Iran",mehrnews2023mou ; ',
         "data/timeline.csv:77: sources 'mehrnews2023mou ; infobae2023dealb;tehran2023deal;mercopress2023deal' does not have the required form (bibliography keys separated by ';')"),
        ("data/timeline.csv", "taipei2023deal,disputed\nisw-drone-claim", "taipei2023deal,disputed,extra\nisw-drone-claim",
         "data/timeline.csv:78: extra value 'extra': the row has more values than the header has columns"),
        # actors
        ("data/actors.csv", "mossad,Mossad,Mossad,organisation,", "mossad,Mossad,Mossad,agency,",
         "data/actors.csv:17: type 'agency' is not one of person, organisation, state"),
        ("chapters/glossary.md", "Tehran\n", "Mossad\n  Israel's intelligence agency.\n\nTehran\n",
         "data/actors.csv:17: name 'Mossad' also has an entry written by hand in chapters/glossary.md; the table writes its entry"),
        ("data/actors.csv", "organisation,IL,p03,,", "organisation,IL,p04,,",
         "data/actors.csv:17: first_paragraph 'p04', but the article first names it in p03"),
        ("data/actors.csv", "organisation,IL,p03,", "organisation,Israel,p03,",
         "data/actors.csv:17: country 'Israel' does not have the required form (a two-letter ISO 3166-1 code)"),
        ("data/actors.csv", "p01,Raisi,", "p01,Raisi;Raeesi,",
         "data/actors.csv:2: alias 'Raeesi' is not a word of the article"),
        ("data/actors.csv", "{cite:p}`britannica-mossad`", "{cite:p}`britannica-mosad`",
         "data/actors.csv:17: cites 'britannica-mosad', which is not in data/references.bib"),
        ("data/actors.csv", ",Israel's national intelligence agency {cite:p}`britannica-mossad`.", ",",
         "data/actors.csv:17: entry is empty, but every row needs one"),
        # claims
        ("data/claims.csv", HEADER, claim(quote="were rekindled"),
         "data/claims.csv:2: quote 'were rekindled' is not in p01"),
        ("data/claims.csv", HEADER, claim(quote="Iran", paragraph="p02"),
         "data/claims.csv:2: quote 'Iran' occurs 4 times in p02"),
        ("data/claims.csv", HEADER, claim(status="contested"),
         "data/claims.csv:2: status 'contested' needs counter_sources"),
        ("data/claims.csv", HEADER, claim(sources=""),
         "data/claims.csv:2: cites no source for or against"),
        ("data/claims.csv", HEADER, claim(status="true"),
         "data/claims.csv:2: status 'true' is not one of supported, partly-supported, contested"),
        ("data/claims.csv", HEADER, claim(counter="nosuchkey"),
         "data/claims.csv:2: counter_sources: 'nosuchkey' is not in data/references.bib"),
        ("data/claims.csv", HEADER, claim() + "c-two,p01,reignited with a deal,fact,supported,A note.,rs2023hysteria,\n",
         "data/claims.csv:3: quote overlaps the quote of claim c-test"),
        ("data/claims.csv", "p14-1,p14,", "p14-3,p14,",
         "data/claims.csv:35: id 'p14-3' should be 'p14-1': a paragraph's claims are numbered in reading order"),
        ("data/claims.csv", HEADER, claim(quote="Lula da Silva’s return", paragraph="p10"),
         "data/claims.csv:2: quote cuts across the glossed phrase 'Luiz Inacio Lula da Silva'"),
        # voices
        ("data/voices.csv", "p12,The Argentine government,argentina,paraphrased,neither,", "p12,The Argentine government,argentina,paraphrased,sceptical,",
         "data/voices.csv:12: side 'sceptical' is not one of against, for, neither"),
        ("data/voices.csv", "p12,The Argentine government,argentina,", "p12,The Argentine government,argentine-government,",
         "data/voices.csv:12: actor 'argentine-government' is not in actors.id"),
        ("data/voices.csv", "did ask for clarifications", "did ask for clarification from Buenos Aires",
         "data/voices.csv:12: words 'The Argentine government did ask for clarification from Buenos Aires' is not in p12"),
        # elections, studies of the OAS audit, background chapters
        ("data/elections.csv", "bolivia-2019,first,2019-10-20,Carlos Mesa", "bolivia-2019,first,2019-10-21,Carlos Mesa",
         "data/elections.csv:3: date '2019-10-21', but this round of bolivia-2019 is dated 2019-10-20 above"),
        ("data/elections.csv", "Comunidad Ciudadana,36.51,", "Comunidad Ciudadana,56.51,",
         "data/elections.csv:3: the official shares of the first round of bolivia-2019 add up to 103.59%, more than 100%"),
        ("data/elections.csv", "bolivia-2019,first,2019-10-20,Carlos Mesa", "bolivia-2019,second,2019-10-20,Carlos Mesa",
         "data/elections.csv:3: round 'second' is not one of primary, first, run-off"),
        ("data/oas_studies.csv", ",disputes,oas-eom-statement,cepr2019retract", ",disputes,oas-eom-statment,cepr2019retract",
         "data/oas_studies.csv:3: responds_to: 'oas-eom-statment' is not a study in this table"),
        ("data/oas_studies.csv", ",disputes,oas-eom-statement,cepr2019retract", ",disputes,cepr-retract,cepr2019retract",
         "data/oas_studies.csv:3: responds_to: 'cepr-retract' is the study itself"),
        ("data/amia_accused.csv", ",refused,Died in", ",rejected,Died in",
         "data/amia_accused.csv:2: red_notice 'rejected' is not one of issued, refused, none found"),
        ("data/amia_accused.csv", ",IR,President", ",Iran,President",
         "data/amia_accused.csv:2: nationality 'Iran' does not have the required form (a two-letter ISO 3166-1 code)"),
        ("data/amia_accused.csv", "fiscales2017rafsanjani;", "fiscales2017rafsanjany;",
         "data/amia_accused.csv:2: sources: 'fiscales2017rafsanjany' is not in data/references.bib"),
        ("data/iran_agreements.csv", "mou-signed,BO,", "mou-signd,BO,",
         "data/iran_agreements.csv:21: event 'mou-signd' is not in timeline.id"),
        ("data/iran_agreements.csv", "Six agreements,not found", "Six agreements,lost",
         "data/iran_agreements.csv:20: text 'lost' is not one of published, not published, not found, nothing signed"),
        ("data/brics_membership.csv", "AR,invited as member,2023-08-24,", "AR,invited as member,2023-08-25,",
         "data/brics_membership.csv:8: from '2023-08-25', but its event brics-invitations is dated 2023-08-22 or 2023-08-24"),
        ("data/brics_membership.csv", "AR,invited as member,2023-08-24,2023-12-22", "AR,invited as member,2023-08-24,2022-12-22",
         "data/brics_membership.csv:8: to '2022-12-22' is before from '2023-08-24'"),
        ("data/brics_membership.csv", "AR,invited as member,", "AR,candidate,",
         "data/brics_membership.csv:8: status 'candidate' is not one of member, partner, invited as member, invited as partner"),
        ("data/bearings.csv", "at the BRICS summit.\",p10-1", "at the BRICS summit.\",p12-3",
         "data/bearings.csv:101: claim 'p12-3' is in p12, not p10"),
        ("data/bearings.csv", "at the BRICS summit.\",p10-1", "at the BRICS summit.\",p10-9",
         "data/bearings.csv:101: claim 'p10-9' is not in claims.id"),
        ("data/background.csv", "bolivia-2019,bolivia-2019-election,p13", "bolivia-2019,bolivia-2019-elections,p13",
         "data/background.csv:2: section 'bolivia-2019-elections' is not a label in chapters/bolivia-2019.md "
         "(write (bolivia-2019-elections)= above its heading)"),
        ("data/background.csv", "bolivia-2019,bolivia-2019-election,p13", "bolivia-2020,bolivia-2019-election,p13",
         "data/background.csv:2: chapter 'bolivia-2020' is not a chapter of the book (chapters/bolivia-2020.md in _toc.yml)"),
        ("data/background.csv", "bolivia-2019,bolivia-2019-election,p13", "bolivia-2019,bolivia-2019-election,p23",
         "data/background.csv:2: paragraph 'p23' is not in paragraphs.id"),
        # derived data
        ("data/derived/paragraphs.csv", "p09,9,13,", "p09,9,14,",
         "data/derived/paragraphs.csv: does not match the capture; run `make data` rather than editing it"),
        # bibliography
        ("data/references.bib", "  url          = {https://en.wikipedia.org/wiki/Ebrahim_Raisi},\n", "",
         "data/references.bib:68: wikipedia-raisi: missing field url"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {2023-13-45}",
         "data/references.bib:17: mehrnews2023mou: date '2023-13-45' is not a calendar date"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {20 July 2023}",
         "data/references.bib:17: mehrnews2023mou: date '20 July 2023' is not an ISO 8601 date"),
        ("data/references.bib", "date         = {2023-07-20}", "date         = {2022-07-20}",
         "data/references.bib:17: mehrnews2023mou: year '2023' does not match date '2022-07-20'"),
        ("data/references.bib", "kind         = {news}", "kind         = {blog}",
         "data/references.bib:17: mehrnews2023mou: kind 'blog' is not one of news, analysis"),
        ("data/references.bib", "language     = {en}", "language     = {english}",
         "data/references.bib:4: rs2023hysteria: language 'english' is not one of"),
        ("data/references.bib", "@misc{mehrnews2023mou,", "@misc{rs2023hysteria,",
         "data/references.bib:17: rs2023hysteria: key already used at line 4"),
        ("data/references.bib", "  titlenote    = {The copy read prints no headline; the words in brackets are taken from the page's address},\n", "",
         "data/references.bib:17: mehrnews2023mou: title '[{Iran}, {Bolivia} ink {MoU} on defense cooperation]' is a placeholder, "
         "not the title as published; give that title, or say in titlenote why it cannot be seen"),
        ("data/references.bib", "https://en.mehrnews.com/news/203508/", "https://upnewsinfo.com/2023/07/20/",
         "data/references.bib:17: mehrnews2023mou: upnewsinfo.com is a content farm that republishes other outlets' articles, "
         "which the edition does not cite; cite a better source, or say in whykept why none would do"),
        ("data/references.bib", "year         = {n.d.-m}", "year         = {n.d.}",
         "data/references.bib:68: wikipedia-raisi: year should be 'n.d.-m': the label 'Wikipedia contributors, n.d.' is shared by 16 works"),
        ("data/references.bib", "year         = {n.d.-m}", "year         = {n.d.-mm}",
         "data/references.bib:68: wikipedia-raisi: year should be 'n.d.-m'"),
        ("data/references.bib", "  year         = {2023},\n  url          = {https://en.mehrnews.com", "  year         = {2023a},\n  url          = {https://en.mehrnews.com",
         "data/references.bib:17: mehrnews2023mou: year should be '2023': no other work shares the label 'Mehr News Agency, 2023'"),
        ("data/references.bib", "@misc{mehrnews2023mou,\n", "@misc{mehrnews2023mou,\n  title = {unclosed,\n",
         "data/references.bib:31: not valid BibTeX: '}' expected"),
        # citations in the chapters
        ("chapters/article.md", "{cite:p}`rs2023hysteria`", "{cite:p}`rs2023hysteriaa`",
         "chapters/article.md:28: cites 'rs2023hysteriaa', which is not in data/references.bib"),
        ("chapters/glossary.md", " {cite:p}`merriamwebster-tehran`", "",
         "merriamwebster-tehran: cited nowhere in the chapters, notebooks or data"),
    ],
)
def test_each_kind_of_bad_input_is_located(rooted, capsys, relative, old, new, message):
    corrupt(rooted, relative, old, new)
    status, errors = checked(capsys)
    assert status == 1
    assert message in errors, errors


def test_all_problems_are_reported_in_one_run(rooted, capsys):
    corrupt(rooted, "data/mentions.csv", "p17,Biden,", "p17,Bidden,")
    corrupt(rooted, "data/mentions.csv", "p18,Luis Arce", "p20,Luis Arce")
    status, errors = checked(capsys)
    assert status == 1
    assert len(errors.strip().splitlines()) == 2


def test_a_broken_capture_is_reported_not_raised(rooted, capsys):
    capture = next((rooted / "data/raw").glob("*.txt"))
    capture.write_text("Just one line\n", encoding="utf-8")
    status, errors = checked(capsys)
    assert status == 1
    assert errors.startswith("data/raw/000_09d0c833d2f75a6f.txt:1: expected a header")
