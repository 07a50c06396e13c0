"""The captured web page (the *witness*) and the reading text derived from it.

The capture in ``data/raw/`` is kept byte for byte as received and never edited. This
module reads it and says which part of it is what: the article's header, its 19 body
paragraphs, and the page furniture around them that the edition sets aside. Every rule
below checks the shape it expects and fails with :class:`WitnessError`, naming the file
and line, rather than guessing.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths

# "¶7" in the book, "p07" in data and anchors.
PARAGRAPH_ID = re.compile(r"^p(\d{2})$")
# The page closes each related-article teaser with its collapsed "keep reading" toggle.
TEASER_END = "keep readingShow less"
NEWSLETTER_HEADING = "Newsletter"


class WitnessError(ValueError):
    """The capture does not have the shape the edition relies on."""


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines in the capture."""

    text: str
    line: int  # 1-based line number of its first line in the capture

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True)
class Furniture:
    """A part of the captured page that is not the article."""

    kind: str
    text: str
    line: int


@dataclass(frozen=True)
class Witness:
    source: Path
    raw: str
    image_caption: str
    title: str
    dek: str
    section: str
    paragraphs: tuple[str, ...]
    image_credit: str
    furniture: tuple[Furniture, ...]

    @property
    def paragraph_ids(self) -> tuple[str, ...]:
        return tuple(paragraph_id(n) for n in range(1, len(self.paragraphs) + 1))

    def paragraph(self, pid: str) -> str:
        """The text of paragraph ``pid`` (``p01``…)."""
        match = PARAGRAPH_ID.match(pid)
        number = int(match.group(1)) if match else 0
        if not 1 <= number <= len(self.paragraphs):
            raise KeyError(f"no paragraph '{pid}': the article has p01…{paragraph_id(len(self.paragraphs))}")
        return self.paragraphs[number - 1]


def paragraph_id(number: int) -> str:
    return f"p{number:02d}"


def by_paragraph(items) -> dict:
    """Things anchored in paragraphs (glosses, claims), grouped by paragraph in reading order."""
    grouped: dict = {}
    for item in sorted(items, key=lambda item: item.start):
        grouped.setdefault(item.paragraph, []).append(item)
    return grouped


def paragraph_number(pid: str) -> int:
    """``p07`` → 7; the reader sees ¶7."""
    match = PARAGRAPH_ID.match(pid)
    if not match:
        raise KeyError(f"'{pid}' is not a paragraph id (p01, p02, …)")
    return int(match.group(1))


def blocks(raw: str) -> list[Block]:
    """Split the capture at blank lines. Trailing spaces on a line are capture artefacts and go."""
    found, current, start = [], [], 0
    for number, line in enumerate(raw.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            found.append(Block("\n".join(current), start))
            current = []
    if current:
        found.append(Block("\n".join(current), start))
    return found


def parse(raw: str, source: Path) -> Witness:
    """Name the parts of the captured page.

    Its layout, top to bottom: a social-media box, the lead image's label, the title, the dek,
    the section label, the body paragraphs; then the image credit with the section label
    repeated, related-article teasers, site navigation, and a newsletter box.
    """
    where = paths.relative(source)

    def fail(line: int, problem: str) -> WitnessError:
        return WitnessError(f"{where}:{line}: {problem}")

    found = blocks(raw)
    if len(found) < 6:
        raise fail(1, f"expected a header of five blocks and a body, found {len(found)} blocks in all")
    social, caption, title, dek, section = found[:5]
    if " | " not in section.text or "\n" in section.text:
        raise fail(section.line, f"expected the section label (e.g. 'Analysis | Latin America'), found '{section.text}'")

    # The body ends where the page repeats the section label, under the image credit.
    end = next((i for i in range(5, len(found)) if found[i].lines[1:2] == [section.text]), None)
    if end is None:
        raise fail(section.line, f"the section label '{section.text}' is never repeated after the body")
    body = found[5:end]
    for block in body:
        if "\n" in block.text:
            raise fail(block.line, "a body paragraph runs over more than one line")
    tail = found[end]
    credit = tail.lines[0]
    if not (credit.startswith("(") and credit.endswith(")")):
        raise fail(tail.line, f"expected the image credit in parentheses, found '{credit}'")

    furniture = [Furniture("social box", social.text, social.line),
                 Furniture("repeated section label", section.text, tail.line + 1)]
    furniture += _tail_furniture(tail, found[end + 1:], fail)
    return Witness(
        source=source,
        raw=raw,
        image_caption=caption.text,
        title=title.text,
        dek=dek.text,
        section=section.text,
        paragraphs=tuple(block.text for block in body),
        image_credit=credit,
        furniture=tuple(furniture),
    )


def _tail_furniture(tail: Block, rest: list[Block], fail) -> list[Furniture]:
    """Teasers, navigation and newsletter box: everything after the credit and repeated label."""
    lines = [(tail.line + 2 + i, text) for i, text in enumerate(tail.lines[2:])]
    for block in rest:
        lines += [(block.line + i, text) for i, text in enumerate(block.lines)]
    parts, current = [], []
    for number, text in lines:
        current.append((number, text))
        if text == TEASER_END:
            parts.append(Furniture("related-article teaser", _join(current), current[0][0]))
            current = []
    if not parts:
        raise fail(tail.line, f"expected related-article teasers ending in '{TEASER_END}', found none")
    heading = next((i for i, (_, text) in enumerate(current) if text == NEWSLETTER_HEADING), None)
    if heading is None:
        raise fail(lines[-1][0], f"expected a '{NEWSLETTER_HEADING}' box at the end of the page")
    navigation, newsletter = current[:heading], current[heading:]
    if navigation:
        parts.append(Furniture("site navigation", _join(navigation), navigation[0][0]))
    parts.append(Furniture("newsletter box", _join(newsletter), newsletter[0][0]))
    return parts


def _join(numbered: list[tuple[int, str]]) -> str:
    return "\n".join(text for _, text in numbered)


def read(source: Path | None = None) -> Witness:
    source = source or paths.WITNESS
    try:
        raw = source.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise WitnessError(f"{paths.relative(source)}: cannot read the capture: {error}") from None
    return parse(raw, source)


# How the body reads as one text (exports' text-quote selectors are relative to it).
PARAGRAPH_SEPARATOR = "\n\n"


def body_text(page: Witness) -> str:
    return PARAGRAPH_SEPARATOR.join(page.paragraphs)


def body_offset(page: Witness, pid: str, start: int) -> int:
    """Where offset ``start`` of paragraph ``pid`` falls in :func:`body_text`."""
    index = page.paragraph_ids.index(pid)
    return sum(len(text) + len(PARAGRAPH_SEPARATOR) for text in page.paragraphs[:index]) + start


@paths.per_root
def metadata() -> dict:
    """What the capture does not say: outlet, address, date, checksum, why furniture was set aside."""
    return json.loads(paths.ARTICLE_METADATA.read_text(encoding="utf-8"))


@paths.per_root
def article() -> Witness:
    """The edition's witness, read once per process."""
    return read()
