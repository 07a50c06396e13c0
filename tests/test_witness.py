"""The captured page is kept as received, and the reading text is its body, verbatim and complete."""
import hashlib
import json
import re

import pytest

from edition import paths, witness
from edition.witness import WitnessError

SEED = paths.REPOSITORY.parent / "shared" / "seed" / paths.WITNESS.name


def test_capture_is_unedited():
    metadata = json.loads(paths.ARTICLE_METADATA.read_text(encoding="utf-8"))
    assert metadata["witness"] == paths.WITNESS.name
    assert hashlib.sha256(paths.WITNESS.read_bytes()).hexdigest() == metadata["sha256"]


@pytest.mark.skipif(not SEED.exists(), reason="the seed folder is not beside this clone")
def test_capture_is_the_seed_byte_for_byte():
    assert paths.WITNESS.read_bytes() == SEED.read_bytes()


def test_header():
    page = witness.article()
    assert page.title == "Fresh hysteria over detail-less Bolivia-Iran security deal"
    assert page.dek.startswith("An alleged drone deal may amount to nothing")
    assert page.section == "Analysis | Latin America"
    assert page.image_caption == "Arce-and-raisi"
    assert page.image_credit == "(Shutterstock/ StringerAL)/ (Shutterstock/ Lev Radin)"


def test_nineteen_paragraphs_with_stable_ids():
    page = witness.article()
    assert len(page.paragraphs) == 19
    assert page.paragraph_ids == tuple(f"p{n:02d}" for n in range(1, 20))
    assert page.paragraph("p01").startswith("Just days after Iranian President Ebrahim Raisi")
    assert page.paragraph("p19").endswith("the Post’s reporting on the country’s “opaque” dealings with Iran.")


def test_paragraphs_are_the_body_verbatim_and_complete():
    """Walk the raw capture: the paragraphs follow one another with only blank space between them,
    from just after the section label to just before the image credit."""
    page = witness.article()
    raw = page.raw
    position = raw.index(page.section + "\n") + len(page.section)
    for pid, text in zip(page.paragraph_ids, page.paragraphs, strict=True):
        found = raw.index(text, position)
        assert raw[position:found].strip() == "", f"{pid}: text between paragraphs was left out"
        position = found + len(text)
    assert raw[position:raw.index(page.image_credit, position)].strip() == "", "text after ¶19 was left out"


def test_paragraph_text_keeps_every_character():
    # Typographic quotes and the one straight apostrophe (¶7) survive as captured.
    page = witness.article()
    assert "“infiltration”" in page.paragraph("p01")
    assert "Tehran's standing" in page.paragraph("p07")
    assert all(text == text.strip() for text in page.paragraphs)


def test_furniture_is_set_aside_and_accounted_for():
    page = witness.article()
    kinds = [part.kind for part in page.furniture]
    assert kinds.count("related-article teaser") == 3
    assert {"social box", "newsletter box", "site navigation", "repeated section label"} <= set(kinds)
    kept = [page.image_caption, page.title, page.dek, page.section, *page.paragraphs, page.image_credit]
    words = re.findall(r"\S+", page.raw)
    accounted = re.findall(r"\S+", "\n".join(kept + [part.text for part in page.furniture]))
    assert sorted(words) == sorted(accounted), "some text of the capture is neither kept nor set aside"


def test_unknown_paragraph_is_a_clear_error():
    with pytest.raises(KeyError, match="no paragraph 'p20'"):
        witness.article().paragraph("p20")


def test_a_capture_of_another_shape_is_refused_with_its_line(tmp_path):
    broken = paths.WITNESS.read_text(encoding="utf-8").replace(
        "(Shutterstock/ StringerAL)/ (Shutterstock/ Lev Radin)\nAnalysis | Latin America", "(credit)\nOther"
    )
    target = tmp_path / "capture.txt"
    target.write_text(broken, encoding="utf-8")
    with pytest.raises(WitnessError, match=r"capture.txt:9: the section label 'Analysis \| Latin America' is never repeated"):
        witness.read(target)
