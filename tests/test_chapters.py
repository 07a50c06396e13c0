"""Every reading chapter follows the pattern (../shared/chapter-pattern.md), so that an instructor
can assign any one alone: objectives, a computed reading time, key terms, the paragraphs of the
article it explains (and the article's links back), a numbered table or figure drawn from the data,
the "Established / disputed" box, discussion questions, exercises whose solutions stay hidden, and
further reading; every fact cited."""
import re

import pytest
from bs4 import BeautifulSoup

from edition import chapters, witness

READING = chapters.reading_chapters()
# What a chapter adds around its body: left out when the body's words are counted.
APPARATUS = (".objectives", ".key-terms", ".article-touches", ".reading-time", ".exercise", ".solution",
             ".established-disputed", ".data-figure", "#discussion-questions", "#further-reading", "#exercises",
             ".headerlink")


def page(html, chapter: str) -> BeautifulSoup:
    soup = BeautifulSoup((html / f"chapters/{chapter}.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("main article") or soup.select_one("main")


def test_there_are_reading_chapters():
    assert len(READING) >= 2, READING


@pytest.mark.parametrize("chapter", READING)
def test_the_chapter_opens_with_objectives_reading_time_and_key_terms(html, chapter):
    main = page(html, chapter)
    objectives = main.select(".objectives li")
    assert 3 <= len(objectives) <= 5, len(objectives)
    time = re.fullmatch(r"Reading time: about (\d+) minutes? \(([\d,]+) words\)", main.select_one("p.reading-time").get_text())
    assert time, main.select_one("p.reading-time")
    assert int(time[1]) == chapters.reading_time(int(time[2].replace(",", "")))
    assert len(main.select(".key-terms a[href*='glossary.html#term-']")) >= 4


@pytest.mark.parametrize("chapter", READING)
def test_the_body_is_1500_to_3000_words_and_cites_its_sources(html, chapter):
    main = BeautifulSoup(str(page(html, chapter)), "html.parser")
    cited = main.select("a[href*='bibliography.html#cite-']")
    for added in main.select(", ".join(APPARATUS)):
        added.decompose()
    body = chapters.count_words(main.get_text(" "))
    assert 1500 <= body <= 3000, body
    assert len(cited) >= 25, len(cited)


@pytest.mark.parametrize("chapter", READING)
def test_the_chapter_and_the_article_link_both_ways(html, chapter):
    main = page(html, chapter)
    article = BeautifulSoup((html / "chapters/article.html").read_text(encoding="utf-8"), "html.parser")
    links = [link for link in chapters.links() if link.chapter == chapter]
    listed = {a["href"].split("#")[1] for a in main.select(".article-touches a[href^='article.html#']")}
    assert listed == {link.paragraph for link in links}
    for link in links:
        assert main.find(id=link.section), link.section
        background = article.find(id=link.paragraph).find_next_sibling("p")
        assert "background-links" in background["class"], link.paragraph
        assert background.select_one(f"a[href='{chapter}.html#{link.section}']"), link


@pytest.mark.parametrize("chapter", READING)
def test_the_chapter_shows_a_numbered_table_from_the_data_with_its_sources(html, chapter):
    figures = page(html, chapter).select(".data-figure")
    assert figures
    for figure in figures:
        caption = figure.select_one("table caption")
        assert caption and re.match(r"Table \d+", caption.get_text().strip()), caption
        source = figure.select_one("p.data-source")
        assert source.get_text().startswith("Data: data/") and source.select("a[href*='#cite-']")


@pytest.mark.parametrize("chapter", READING)
def test_the_chapter_says_what_is_established_and_what_is_disputed(html, chapter):
    box = page(html, chapter).select_one(".established-disputed")
    assert box
    text = box.get_text()
    assert "Established" in text and "Disputed" in text
    assert box.select("a[href*='#cite-']")


@pytest.mark.parametrize("chapter", READING)
def test_the_chapter_ends_with_questions_exercises_and_further_reading(html, chapter):
    main = page(html, chapter)
    assert len(main.select("#discussion-questions li")) >= 4
    exercises = main.select(".exercise")
    assert len(exercises) >= 2
    for exercise in exercises:
        solution = main.select_one(f".solution a[href='#{exercise['id']}']") or main.select_one(
            f".solution [href='#{exercise['id']}']")
        assert solution, exercise["id"]
        assert "dropdown" in solution.find_parent(class_="solution")["class"]
    reading = main.select("#further-reading li")
    assert 3 <= len(reading) <= 6
    assert all(item.select("a[href*='#cite-']") for item in reading)


def test_the_article_keeps_its_text_first_and_follows_the_pattern_after_it(html):
    """The article is a reading chapter too, but its text comes first: the reading time in the bar
    above it (the article's own words, not the notes), then objectives, questions and exercises."""
    main = page(html, "article")
    bar = main.select_one(".reading-bar").get_text(" ")
    time = re.search(r"reading time about (\d+) minutes \(([\d,]+) words\)", " ".join(bar.split()))
    assert time and int(time[2].replace(",", "")) == chapters.count_words(" ".join(witness.article().paragraphs))
    assert int(time[1]) == chapters.reading_time(int(time[2].replace(",", "")))
    body, objectives = main.select_one(".article-paragraph"), main.select_one(".objectives")
    assert body.sourceline < objectives.sourceline
    assert 3 <= len(objectives.select("li")) <= 5
    assert len(main.select("#discussion-questions li")) >= 4
    exercises = main.select(".exercise")
    assert len(exercises) >= 2
    for exercise in exercises:
        solution = main.select_one(f".solution [href='#{exercise['id']}']")
        assert solution and "dropdown" in solution.find_parent(class_="solution")["class"], exercise["id"]
