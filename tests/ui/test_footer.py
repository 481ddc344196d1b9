"""The footer at 80×24: the keys of the moment on its row, greyed when unavailable, changed in
the frame of a focus move, and pressed by a click, as the learner in a browser does."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from course.ui.screens.course_map import CourseMapScreen
from course.ui.widgets.steady_footer import SteadyFooter
from tests.ui.walk import screen_lines

SIZE = (80, 24)


def footer_row(app: App[Any]) -> str:
    return screen_lines(app)[-1]


def cells_of(app: App[Any], word: str) -> list[Any]:
    """The styles of the cells of the footer's row that draw `word`."""
    strip = app.screen._compositor.render_strips()[-1]
    styles = [segment.style for segment in strip for _ in range(segment.cell_length)]
    start = footer_row(app).index(word)
    return styles[start : start + len(word)]


def footer_rows(app: App[Any]) -> list[str]:
    """The footer's row in each frame the app draws from now on."""
    rows: list[str] = []
    draw = app._display

    def noted(screen: Any, renderable: Any) -> None:
        draw(screen, renderable)
        if renderable is not None and not app._batch_count:
            rows.append(footer_row(app))

    app._display = noted  # type: ignore[method-assign]
    return rows


def count_renders(footer: SteadyFooter) -> list[int]:
    """A one-item list holding how many times `footer` has drawn its line from now on."""
    renders = [0]
    render = footer.render

    def counted() -> Any:
        renders[0] += 1
        return render()

    footer.render = counted  # type: ignore[method-assign]
    return renders


def colours(app: App[Any], word: str) -> set[tuple[str, str]]:
    return {
        (style.color.get_truecolor().hex, style.bgcolor.get_truecolor().hex) for style in cells_of(app, word)
    }


class Plain(Static, can_focus=True):
    """A focusable widget without keys of its own."""


class Pane(Static, can_focus=True):
    BINDINGS = [Binding("t", "tick", "Cocher")]

    def action_tick(self) -> None:
        self.app.ticks += 1  # type: ignore[attr-defined]


class Keys(Screen[None]):
    BINDINGS = [
        Binding("a", "ask", "Demander"),
        Binding("b", "busy", "Occupé"),
        Binding("h", "hidden", "Caché", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Plain("champ", id="field")
        yield Pane("volet", id="pane")
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "busy" else True  # None: shown, greyed

    def action_ask(self) -> None:
        self.app.asked += 1  # type: ignore[attr-defined]


class KeysApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        self.ticks = 0

    def on_mount(self) -> None:
        self.push_screen(Keys())


async def test_the_map_footer_is_one_widget_and_its_keys_read_on_the_last_row(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        footer = app.screen.query_one(SteadyFooter)
        assert list(footer.children) == []
        row = footer_row(app)
        assert row.startswith(" c Continuer  r Révisions  p Mon profil  ? Aide  q Quitter ")
        assert footer.region.y == SIZE[1] - 1 and footer.region.width == SIZE[0]


async def test_a_greyed_key_a_hidden_key_and_a_key_brought_by_the_focus() -> None:
    app = KeysApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#field").focus()
        await pilot.pause()
        row = footer_row(app)
        assert " a Demander  b Occupé " in row
        assert "Caché" not in row and "Cocher" not in row
        # greyed as Textual greys a disabled key: its colours blended towards the background
        assert colours(app, "Occupé") == {("#a0a3a6", "#242f38")}
        assert colours(app, "Demander") == {("#e0e0e0", "#242f38")}
        assert colours(app, " b ") == {("#b47d2f", "#242f38")} and colours(app, " a ") == {
            ("#ffa62b", "#242f38")
        }

        rows = footer_rows(app)
        renders = count_renders(screen.query_one(SteadyFooter))
        screen.query_one("#pane").focus()
        await pilot.pause()
        assert " t Cocher " in footer_row(app)
        # the key the focus brings is in the move's first frame, and the footer drawn once
        assert rows and " t Cocher " in rows[0] and set(rows) == {rows[0]}
        assert renders == [1]
        rows.clear()
        screen.query_one("#field").focus()
        await pilot.pause()
        assert "Cocher" not in footer_row(app)
        assert rows and "Cocher" not in rows[0] and set(rows) == {rows[0]}
        assert renders == [2]


async def test_a_click_on_a_key_presses_it_and_a_greyed_one_does_nothing() -> None:
    app = KeysApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = footer_row(app)
        await pilot.click(SteadyFooter, offset=(row.index("Demander"), 0))
        await pilot.pause()
        assert app.asked == 1
        await pilot.click(SteadyFooter, offset=(row.index(" a ") + 1, 0))  # on the key itself
        await pilot.pause()
        assert app.asked == 2
        await pilot.click(SteadyFooter, offset=(row.index("Occupé"), 0))
        await pilot.click(SteadyFooter, offset=(len(row.rstrip()) + 2, 0))  # past the last key
        await pilot.pause()
        assert app.asked == 2

        app.screen.query_one("#pane").focus()
        await pilot.pause()
        await pilot.click(SteadyFooter, offset=(footer_row(app).index("Cocher"), 0))
        await pilot.pause()
        assert app.ticks == 1


async def test_a_click_on_the_map_footer_opens_the_help(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        map_screen = app.screen
        await pilot.click(SteadyFooter, offset=(footer_row(app).index("Aide"), 0))
        await pilot.pause()
        assert app.screen is not map_screen
        assert "Aide" in "\n".join(screen_lines(app))


async def test_the_key_under_the_mouse_is_highlighted_as_on_textual_s_footer() -> None:
    app = KeysApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = footer_row(app)
        before = colours(app, "Demander")
        await pilot.hover(SteadyFooter, offset=(row.index("Demander"), 0))
        await pilot.pause()
        # Textual's footer gives the key under the mouse the hover background, keeping its colours
        assert colours(app, " a ") == {("#ffa62b", "#39434b")}
        assert colours(app, "Demander") == {("#e0e0e0", "#39434b")}
        assert colours(app, "Occupé") == {("#a0a3a6", "#242f38")}  # the others as they were
        await pilot.hover(Plain)
        await pilot.pause()
        assert colours(app, "Demander") == before
