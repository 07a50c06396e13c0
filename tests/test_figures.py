"""Every figure the notebooks draw is legible: as wide as the others, no text smaller than the
edition's minimum, no two labels on top of each other, and no legend over the data."""
import itertools

import matplotlib
import pytest
from matplotlib.legend import Legend
from matplotlib.text import Text

from edition import witness
from edition.views import article, brics, claims, figures, sources, timeline

matplotlib.use("Agg")
# A phone 390 CSS px wide leaves the book's column 358 px.
PHONE_COLUMN = 358
SMALLEST_ON_A_PHONE = 9  # CSS px


def events():
    return timeline.events()


FIGURES = {
    "timeline lanes": lambda: timeline.lanes(events(), "Events of the edition's timeline, by thread"),
    "timeline lanes since 2019": lambda: timeline.lanes(events(), "The same events from 2019 on", since="2019-01-01"),
    "the deal's weeks": lambda: timeline.day_by_day(events(), "2023-06-01", "2023-08-31", "June to August 2023"),
    "events by paragraph": lambda: timeline.bearings_figure(timeline.bearings(events())),
    "ratings by paragraph": lambda: claims.ratings_by_paragraph_figure(claims.table(witness.article())),
    "sources by kind": lambda: sources.by_kind_figure(sources.catalogue()),
    "sources by year": lambda: sources.by_year_figure(sources.catalogue()),
    "paragraph lengths": lambda: article.lengths_figure(article.paragraphs()),
    "BRICS membership": lambda: brics.membership_figure(brics.membership()),
}


@pytest.fixture(params=list(FIGURES), scope="module")
def drawn(request):
    figures.setup()
    figure = FIGURES[request.param]()
    figure.canvas.draw()
    yield figure
    matplotlib.pyplot.close(figure)


def texts(figure) -> list[Text]:
    """The texts drawn: not the labels of ticks that fall outside an axis's range, which matplotlib
    keeps but does not draw."""
    undrawn = set()
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low <= tick.get_loc() <= high:
                    undrawn |= {tick.label1, tick.label2}
    return [text for text in figure.findobj(Text) if text.get_visible() and text.get_text().strip() and text not in undrawn]


def test_the_smallest_text_stays_legible_on_a_phone():
    assert figures.MIN_FONT * 100 / 72 * PHONE_COLUMN / (figures.WIDTH * 100) >= SMALLEST_ON_A_PHONE


def test_a_figure_is_as_wide_as_the_others(drawn):
    assert drawn.get_size_inches()[0] == figures.WIDTH


def test_no_text_is_smaller_than_the_minimum(drawn):
    small = [(text.get_text(), text.get_fontsize()) for text in texts(drawn) if text.get_fontsize() < figures.MIN_FONT]
    assert not small


def test_no_two_labels_overlap(drawn):
    renderer = drawn.canvas.get_renderer()
    boxes = [(text.get_text(), text.get_window_extent(renderer).shrunk(0.98, 0.9)) for text in texts(drawn)]
    overlapping = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
    assert not overlapping


def test_no_legend_covers_the_data(drawn):
    renderer = drawn.canvas.get_renderer()
    for legend in drawn.findobj(Legend):
        for axes in drawn.axes:
            assert not legend.get_window_extent(renderer).overlaps(axes.get_window_extent(renderer))


def test_every_text_is_inside_the_figure(drawn):
    renderer = drawn.canvas.get_renderer()
    frame = drawn.bbox
    boxes = [(text.get_text(), text.get_window_extent(renderer)) for text in texts(drawn)]
    outside = [name for name, box in boxes
               if not (frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1 and frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1)]
    assert not outside
