"""Readable for everyone: every word on screen reaches 4.5:1 against its background, in both themes.

The ratio is the WCAG one, computed from the colours of the rendered cells, which come
from the theme (the map, a lesson with a callout, an activity of each kind, a quiz with a
hint and its feedback, the results, the help and the quit question). NO_COLOR gives a
screen with no colour at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from textual.geometry import Region
from textual.screen import ModalScreen

from tests.ui.helpers import answer_current

SIZE = (80, 24)
ACTIVITIES = Path(__file__).parents[1] / "fixtures" / "activites"


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def low_contrast_words(app, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Each run of letters drawn below 4.5:1, with its colours (on a dialog, only the dialog counts)."""
    area = app.screen.region
    if isinstance(app.screen, ModalScreen):  # what lies under the dialog is dimmed on purpose
        area = app.screen.query_one(".dialog").region
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            width = segment.cell_length
            style, text = segment.style, segment.text
            inside = area.contains_region(Region(x, y, width, 1))
            x += width
            if not inside or style is None or not any(c.isalnum() for c in text):
                continue
            fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            if fg is not None and bg is not None and contrast(fg, bg) < 4.5:
                found.append(
                    f"{where}: {text.strip()!r} {fg.get_truecolor().hex} on {bg.get_truecolor().hex} "
                    f"= {contrast(fg, bg):.2f}"
                )
    return found


@pytest.mark.parametrize("theme", [None, "contrast"])
async def test_every_word_of_the_learner_screens_reaches_4_5_to_1(make_app, mini_course, theme):
    from course.content.loader import load_course

    app = make_app()
    app.settings.theme = theme
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found += low_contrast_words(app, "map")
        app.open_lesson("alpha-un", 0)
        await pilot.pause()
        found += low_contrast_words(app, "lesson")
        await pilot.press("right")  # the "Le saviez-vous ?" callout
        await pilot.pause()
        found += low_contrast_words(app, "callout")
        app.start_quiz(mini_course.quizzes["alpha-un"], replace=True)
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        found += low_contrast_words(app, "quiz with a hint")
        await answer_current(pilot, right=False)
        found += low_contrast_words(app, "feedback")
        await pilot.press("f1")
        await pilot.pause()
        found += low_contrast_words(app, "help")
        await pilot.press("escape", "q")
        await pilot.pause()
        found += low_contrast_words(app, "quit question")
    assert found == []

    activities = make_app(course=load_course(ACTIVITIES))
    activities.settings.theme = theme
    async with activities.run_test(size=SIZE) as pilot:
        for lesson in ("jeu-manipulateur", "jeu-fil", "jeu-inspecteur"):
            activities.open_lesson(lesson, len(activities.course.lessons[lesson].sections) - 1)
            await pilot.pause()
            found += low_contrast_words(activities, lesson)
            await pilot.press("1", "enter")
            await pilot.pause()
            found += low_contrast_words(activities, f"{lesson} after a choice")
            await pilot.press("escape")
            await pilot.pause()
    assert found == []


async def test_no_color_draws_every_cell_in_greys(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson("alpha-un", 1)
        await pilot.pause()
        colours = {
            color.get_truecolor()
            for strip in app.screen._compositor.render_strips()
            for segment in strip
            if segment.style
            for color in (segment.style.color, segment.style.bgcolor)
            if color is not None
        }
    assert colours and all(r == g == b for r, g, b in colours)
