"""The results screen draws its summary's text once per width as it replaces the quiz: the
layouts of the new screen (resume, resize, the quiz removed) and its frames read the lines
already drawn, and scrolling or changing the theme (F3) draws no text again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text

import course.ui.screens.results as results
from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.progress import ProgressStore
from course.ui.course_app import Settings, build_app
from course.ui.screens.results import ResultsScreen
from course.ui.widgets.typography import Hanging, hanging
from tests.ui.helpers import answer_all_wrong
from tests.ui.walk import screen_lines

BUNDLED = load_course(bundled_course_dir())


class CountedHanging(Hanging):
    """A questions-to-review block that counts how often Rich draws it."""

    drawn: list[int]

    def __rich_console__(self, console: Any, options: Any) -> Any:
        self.drawn[0] += 1
        return super().__rich_console__(console, options)


async def test_the_missed_questions_are_drawn_once_through_layouts_scrolls_and_themes(
    tmp_path: Path, monkeypatch: Any
) -> None:
    blocks: list[CountedHanging] = []

    def counted(marker: Text, text: Text) -> Hanging:
        block = hanging(marker, text)
        block.__class__ = CountedHanging
        block.drawn = [0]  # type: ignore[attr-defined]
        blocks.append(block)  # type: ignore[arg-type]
        return block

    monkeypatch.setattr(results, "hanging", counted)
    store = ProgressStore(tmp_path)
    app = build_app(BUNDLED, store, Settings(learner="Inès"))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            pretest = BUNDLED.modules[0].pretest
            assert pretest is not None
            app.start_quiz(BUNDLED.quizzes[pretest])  # solutions under each miss
            await pilot.pause()
            await answer_all_wrong(pilot)
            assert isinstance(app.screen, ResultsScreen)
            shown = "\n".join(screen_lines(app))
            assert "Questions à revoir" in shown and "Bonne réponse" in shown
            assert len(blocks) >= 4  # a question and its solution, twice at least
            # once at the width without a scroll bar, once with it (the text is longer than the screen)
            assert [b.drawn[0] for b in blocks] == [2] * len(blocks)
            for key in ("down", "pagedown", "f3", "pageup", "f3"):
                await pilot.press(key)
                await pilot.pause()
            assert "Questions à revoir" in "\n".join(screen_lines(app))
            assert [b.drawn[0] for b in blocks] == [2] * len(blocks)
    finally:
        store.close()
