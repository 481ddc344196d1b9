"""A callout is framed by a bar in its theme's colour, and the bar and a list's bullets follow a change of theme (F3)."""

from __future__ import annotations

from typing import Any

from textual.color import Color

from tests.ui.walk import screen_lines

SIZE = (80, 24)


def bar_colours(app: Any) -> set[str]:
    """The colours of the callout bar drawn down the left edge of the section body."""
    found = set()
    for strip in app.screen._compositor.render_strips()[2:20]:
        segment = next(iter(strip), None)
        if segment is not None and segment.text.startswith("█") and segment.style and segment.style.color:
            found.add(segment.style.color.get_truecolor().hex)
    return found


async def test_the_callout_bar_takes_the_colours_of_a_new_theme(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson("alpha-un", 1)  # « Le saviez-vous ? »
        await pilot.pause()
        assert "Le saviez-vous ?" in "\n".join(screen_lines(app))
        before = bar_colours(app)
        assert before == {Color.parse(app.theme_variables["secondary"]).hex.lower()}
        await pilot.press("f3")  # the high-contrast theme
        await pilot.pause()
        after = bar_colours(app)
        assert after == {Color.parse(app.theme_variables["secondary"]).hex.lower()} and after != before
        await pilot.press("left")  # a section without a callout: no bar
        await pilot.pause()
        assert bar_colours(app) == set()


async def test_list_bullets_take_the_colours_of_a_new_theme(make_app: Any) -> None:
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course

    app = make_app(course=load_course(bundled_course_dir()))
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson("illectronisme-definir", 2)  # a list of two items
        await pilot.pause()

        def bullets() -> set[str]:
            return {
                segment.style.color.get_truecolor().hex
                for strip in app.screen._compositor.render_strips()
                for segment in strip
                if segment.text.strip() == "•" and segment.style and segment.style.color
            }

        for _ in range(2):
            assert bullets() == {Color.parse(app.theme_variables["text-primary"]).hex.lower()}
            await pilot.press("f3")
            await pilot.pause()
        assert bullets() == {Color.parse(app.theme_variables["text-primary"]).hex.lower()}
