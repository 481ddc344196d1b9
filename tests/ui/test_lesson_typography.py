"""Lesson text at 80×24 keeps French typography together: no row starts with % » : ; ? !
and none ends with an opening « (for instance « 28 % » never splits as « 28 » / « % »)."""

from __future__ import annotations

import re
from typing import Any

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.section_text import SectionText
from course.ui.widgets.typography import NBSP, french_markdown
from tests.ui.walk import visible_part

BUNDLED = load_course(bundled_course_dir())
STRAY_START = re.compile(r"^[\s\u2500-\u259f]*[%»:;?!]")  # after the margin and a callout's bar
STRAY_END = re.compile(r"«\s*$")


async def test_a_lesson_section_never_starts_a_row_with_a_percent_sign(make_app: Any) -> None:
    lesson = next(x for x in BUNDLED.lessons_of(BUNDLED.modules[0]) if x.id == "illectronisme-definir")
    app = make_app(course=BUNDLED)
    strays = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = LessonScreen(app.journey, lesson, 0)
        await app.push_screen(screen)
        for index, section in enumerate(lesson.sections):
            if section.interactive is not None:
                continue
            screen.index = index
            await screen._show()
            await pilot.pause()
            text = screen.query_one("#section-text", SectionText)
            seen = visible_part(app, text)
            rows = [strip.text for strip in app.screen._compositor.render_strips()][seen.y : seen.bottom]
            strays += [
                f"{section.title}: {row.strip()!r}"
                for row in rows
                if STRAY_START.match(row) or STRAY_END.search(row)
            ]
            if "28 %" in section.text:  # the section seen wrapping « 28 » / « % »
                assert any("28" + NBSP + "%" in row for row in rows)
    assert strays == []
    assert any("28 %" in section.text for section in lesson.sections)


def test_code_is_left_as_written() -> None:
    source = "Un taux de 28 % ; « oui » ?\n\n`a : b`\n\n```\nx = 1 ; y ?\n```\n"
    spaced = french_markdown(source)
    assert "28" + NBSP + "%" + NBSP + ";" in spaced and "«" + NBSP + "oui" + NBSP + "»" + NBSP + "?" in spaced
    assert "`a : b`" in spaced and "x = 1 ; y ?" in spaced
