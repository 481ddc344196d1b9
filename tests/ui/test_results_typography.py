"""French typography holds on the results screen and in the quiz feedback: no row a learner
reads starts with » : ; ? ! or % (a mark sent alone to the next line) or ends with «."""

from __future__ import annotations

import re
from pathlib import Path

from textual.geometry import Region

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.progress import ProgressStore
from course.ui.course_app import Settings, build_app
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from tests.ui.helpers import answer_all_wrong

BUNDLED = load_course(bundled_course_dir())
ALONE_AT_START = re.compile(r"^(?:[:;?!%]|»(?! [A-ZÀ-Ý]))")
"""A mark that belongs to the word before it; « » » followed by a capital opens a choice's feedback."""


def rows(widget) -> list[str]:  # type: ignore[no-untyped-def]
    """Every row `widget` draws (also those scrolled out of view), border and padding included."""
    size = widget.outer_size
    return [strip.text.strip(" │") for strip in widget.render_lines(Region(0, 0, size.width, size.height))]


def misplaced(found: list[str]) -> list[str]:
    return [row for row in found if ALONE_AT_START.match(row) or row.endswith("«")]


async def test_a_pretest_answered_wrong_shows_its_solutions_without_a_mark_alone_on_a_row(
    tmp_path: Path,
) -> None:
    """The module 1 pre-test, every answer wrong: « … » answers and their « ; » keep their marks."""
    store = ProgressStore(tmp_path)
    app = build_app(BUNDLED, store, Settings(learner="Inès"))
    seen: list[str] = []

    def read(screen: QuizScreen) -> None:  # what each answer's feedback and list show
        seen.extend(rows(screen.query_one("#verdict")))
        for answer in screen.query("#answer"):
            seen.extend(rows(answer))

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.start_quiz(BUNDLED.quizzes[BUNDLED.modules[0].pretest])
            await pilot.pause()
            await answer_all_wrong(pilot, read)
            assert isinstance(app.screen, ResultsScreen)
            summary = rows(app.screen.query_one("#summary"))
            assert any("Bonne réponse" in row for row in summary)
            assert any("«" in row for row in summary)  # the case this test is about is there
            assert misplaced(summary) == []
            assert misplaced(seen) == []
    finally:
        store.close()
