"""The profile screen, the first one a learner sees, never quits on one key: Esc stays, q asks."""

from __future__ import annotations

from pathlib import Path

from course.progress import ProgressStore
from course.ui.course_app import Settings, build_app
from course.ui.screens.dialogs import ConfirmScreen
from course.ui.screens.profile import ProfileScreen

SIZE = (80, 24)


def seen(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_escape_on_the_profile_screen_does_not_quit(mini_course, private_data: Path) -> None:
    store = ProgressStore(private_data)
    app = build_app(mini_course, store, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        footer = seen(app).splitlines()[-1]
        assert "^q Quitter" in footer and "esc" not in footer  # what works from the name field
        for _ in range(2):  # in the name field, then on the button
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, ProfileScreen)
            assert "Quitter ?" not in seen(app)
            await pilot.press("tab")
        assert "Mini parcours de test" in seen(app)
    store.close()


async def test_q_asks_before_quitting_and_stay_comes_back(mini_course, private_data: Path) -> None:
    store = ProgressStore(private_data)
    store.create_learner("Léa")
    app = build_app(mini_course, store, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")  # in the name field, q is a letter
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen) and "q" in app.screen.query_one("#name").value
        app.screen.query_one("#learners").focus()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quitter ?" in seen(app)
        await pilot.press("escape")  # « Rester »
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ProfileScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quitter ?" in seen(app)
    store.close()
