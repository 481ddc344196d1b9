"""The first screen is drawn once, with one parse of the stylesheet, and without what it does not show.

Counts, not timings: how many times the map is drawn before it is seen, how many times the
stylesheet is parsed again, which modules a start to the map has imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.css import stylesheet as stylesheet_module
from textual.css.stylesheet import Stylesheet

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.i18n import FIRST_MODULES
from course.ui.screens.course_map import CourseMapScreen
from tests.ui.walk import screen_lines

ROOT = Path(__file__).resolve().parents[2]


async def test_the_map_is_drawn_once_and_the_stylesheet_parsed_once(make_app, monkeypatch):
    reparses: list[int] = []
    original = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    wrapped: list[int] = []
    options = CourseMapScreen._options

    def counted_options(self: CourseMapScreen, width: int) -> list:  # type: ignore[type-arg]
        wrapped.append(width)
        return options(self, width)

    monkeypatch.setattr(CourseMapScreen, "_options", counted_options)
    app = make_app(course=load_course(bundled_course_dir()))  # more lines than rows: a scrollbar
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CourseMapScreen)
        assert "Continuer" in "\n".join(screen_lines(app))
        assert screen.refreshes == 1
        assert reparses == []
        assert len(wrapped) == 1  # more lessons than rows: wrapped once, beside the scrollbar
        lessons = screen.query_one("#lessons")
        assert lessons.show_vertical_scrollbar
        width = lessons.scrollable_content_region.width - screen.LIST_PADDING
        option = lessons.get_option_at_index(1)
        assert max(len(line) for line in option.prompt.plain.splitlines()) <= width

        await pilot.press("question_mark")  # a dialog over the map, then back: drawn again, once
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.refreshes == 2

        await pilot.resize_terminal(100, 30)  # another width: lines wrapped again
        await pilot.pause()
        assert screen.refreshes == 3
        assert "Continuer" in "\n".join(screen_lines(app))


async def test_the_lesson_list_is_drawn_whole_in_the_first_frame_with_its_scrollbar(make_app):
    """The first frame shows the list's lines and its scrollbar: no later frame of the start draws
    the lines again (Textual's OptionList showed its scrollbar a frame late, then redrew them all)."""
    app = make_app(course=load_course(bundled_course_dir()))
    updates: list[object] = []
    draw = app._display

    def noted(screen: object, renderable: object) -> None:
        if renderable is not None:
            updates.append(renderable)
        draw(screen, renderable)

    app._display = noted  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        lessons = app.screen.query_one("#lessons")
        assert lessons.show_vertical_scrollbar
        text = lessons.scrollable_content_region
        assert type(updates[0]).__name__ == "LayoutUpdate"  # the first frame: the whole screen
        later = [
            (y, start, end)
            for update in updates[1:]
            for y, start, end in getattr(update, "spans", ())
            if text.y <= y < text.bottom and start < text.right and end > text.x
        ]
        assert later == []  # what follows the first frame leaves the lines as they were drawn


async def test_the_map_is_not_styled_again_whole_when_first_shown(
    make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its widgets are styled as they are mounted: the map's first showing does not have Textual apply
    the whole stylesheet to all of them again, and doing so changes nothing."""
    restyled: list[int] = []
    update = CourseMapScreen.update_node_styles

    def counted(self: CourseMapScreen, animate: bool = True) -> None:
        restyled.append(1)
        update(self, animate)

    monkeypatch.setattr(CourseMapScreen, "update_node_styles", counted)
    app = make_app(course=load_course(bundled_course_dir()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CourseMapScreen)
        assert restyled == []
        before = [(node, node._css_styles.css_lines, node.pseudo_classes) for node in screen.walk_children()]
        assert len(before) > 5
        drawn = screen_lines(app)
        app.update_styles(screen)  # what the first showing left out
        await pilot.pause()
        assert [(node._css_styles.css_lines, node.pseudo_classes) for node, *_ in before] == [
            (css, pseudo) for _, css, pseudo in before
        ]
        assert screen_lines(app) == drawn


async def test_a_short_course_is_drawn_once_without_a_scrollbar(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CourseMapScreen)
        assert screen.refreshes == 1
        assert not screen.query_one("#lessons").show_vertical_scrollbar


async def test_what_waits_for_the_first_screen_runs_once_it_is_drawn(make_app):
    """The launcher turns the garbage collector back on there (it is off while the app starts)."""
    app = make_app()
    calls: list[str] = []
    app.after_first_screen.append(
        lambda: calls.append("map" if isinstance(app.screen, CourseMapScreen) else "?")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.2)
        assert calls == ["map"]
        await pilot.press("question_mark")
        await pilot.pause(0.1)
        assert calls == ["map"]


async def test_the_chosen_theme_is_the_first_one_drawn(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "atelier-dark"
        assert app.has_class("-theme-atelier-dark") and app.has_class("-dark-mode")
        title = app.screen.query_one("#screen-title")
        assert title.styles.background == app.current_theme.to_color_system().panel


async def _map_screenshot(app) -> str:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        return str(app.export_screenshot())


async def test_a_second_start_parses_no_stylesheet_and_looks_the_same(make_app, monkeypatch, tmp_path):
    first = await _map_screenshot(make_app())  # parses every source, keeps the rules when it closes
    assert [path.name for path in (tmp_path / "cache").glob("styles-*.pickle")] != []
    parsed: list[object] = []
    original = stylesheet_module.parse

    def counted(scope, css, read_from, **options):  # type: ignore[no-untyped-def]
        parsed.append(read_from)
        return original(scope, css, read_from, **options)

    monkeypatch.setattr(stylesheet_module, "parse", counted)
    second = await _map_screenshot(make_app())
    assert parsed == []
    assert second == first  # same text, colours and layout, cell for cell
    assert "Continuer" in second


async def test_rules_of_screens_seen_before_are_unpickled_only_when_shown(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # a first session opens a lesson
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, CourseMapScreen)
    parsed: list[object] = []
    original = stylesheet_module.parse

    def counted(scope, css, read_from, **options):  # type: ignore[no-untyped-def]
        parsed.append(read_from)
        return original(scope, css, read_from, **options)

    monkeypatch.setattr(stylesheet_module, "parse", counted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rules = app.style_cache.rules
        shown = set(rules.keys())
        assert shown and shown < set(rules.stored)  # the lesson's sources wait, still pickled
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, CourseMapScreen)
        assert set(rules.keys()) > shown
    assert parsed == []


async def test_a_damaged_style_cache_is_parsed_again_and_replaced(make_app, monkeypatch, tmp_path):
    first = await _map_screenshot(make_app())
    (stored,) = (tmp_path / "cache").glob("styles-*.pickle")
    stored.write_bytes(b"\x80\x05not a pickle")
    parsed: list[object] = []
    original = stylesheet_module.parse

    def counted(scope, css, read_from, **options):  # type: ignore[no-untyped-def]
        parsed.append(read_from)
        return original(scope, css, read_from, **options)

    monkeypatch.setattr(stylesheet_module, "parse", counted)
    assert await _map_screenshot(make_app()) == first
    assert parsed != []
    parsed.clear()
    assert await _map_screenshot(make_app()) == first  # the file written again at the last close
    assert parsed == []


COMMON = (
    [],
    ["--data", "d", "--learner", "Léa"],
    ["--learner", "a", "--learner", "b", "--plain"],
    ["--atelier", "--learner", "", "--session", "Médiathèque 24/11"],
    ["--lang", "en", "--theme", "contrast", "--pin", "1234", "--course", "c"],
)
LEFT_TO_ARGPARSE = (
    ["--lang", "de"],
    ["--learn", "x"],
    ["--learner=x"],
    ["--learner", "-x"],
    ["-h"],
    ["--data"],
    ["--plain", "extra"],
)


def test_the_app_s_options_are_read_as_argparse_reads_them(monkeypatch):
    from course import cli

    for args in COMMON:
        read = cli._plain_app_args(args)
        assert read is not None and vars(read) == vars(cli._app_parser().parse_args(args))
    for args in LEFT_TO_ARGPARSE:
        assert cli._plain_app_args(args) is None
    built: list[int] = []
    monkeypatch.setattr(cli, "_app_parser", lambda: built.append(1))
    monkeypatch.setattr("course.plain.launch.plain_reason", lambda: "")
    monkeypatch.setattr("course.ui.launch.launch_app", lambda args: 0 if args.learner == "Léa" else 3)
    assert cli.main(["--data", "d", "--learner", "Léa"]) == 0
    assert built == []  # argparse's parser is not built for a plain command line


_PLAIN_START = """
import sys
import course.plain.launch as plain
import course.ui.launch as launch

plain.plain_reason = lambda: None
launch.launch_app = lambda args: print(args.learner, args.theme, "argparse" in sys.modules) or 0
from course import cli

sys.exit(cli.main(["--data", sys.argv[1], "--learner", "Léa"]))
"""


def test_a_plain_command_line_reaches_the_app_without_importing_argparse(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_START, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["Léa", "None", "False"]


NOT_BEFORE_THE_MAP = (
    "course.ui.screens.profile",
    "course.ui.access",
    "course.progress.trainer_code",
    "course.content.loader",
    "yaml",
    "tinydb",  # a known learner is read without it: the first write imports it
    "filelock",  # likewise: only writers take a lock
    "hashlib",  # the store's few digests come from Python's small sha256 module
)

_START = """
import asyncio, json, sys
from pathlib import Path
from course.content.bundled import bundled_course_dir
from course.content.cache import load_course_cached
from course.progress import ProgressStore
from course.ui.course_app import Settings, build_app
from course.cli import _app_parser

_app_parser().parse_args(["--learner", "Léa"])  # the options' help, as `atelier` reads them
course = load_course_cached(bundled_course_dir())
app = build_app(course, ProgressStore(Path(sys.argv[1])), Settings(learner="Léa"))

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(json.dumps([type(app.screen).__name__, sorted(sys.modules)]))

asyncio.run(main())
"""


def test_a_start_to_the_map_leaves_out_what_the_map_does_not_use(tmp_path):
    env = {**os.environ, "ATELIER_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    # The first start fills the course cache (and reads the YAML) and creates the learner; the
    # second adds the learner's new folder to learners.json (a write, once); the third reads only.
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", _START, str(tmp_path / "data")],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
            check=True,
        )
    screen, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert screen == "CourseMapScreen"
    assert "course.learning.journey" in modules
    assert [name for name in NOT_BEFORE_THE_MAP if name in modules] == []
    messages = {name.rpartition(".")[2] for name in modules if name.startswith("course.i18n.messages_")}
    assert messages and messages <= set(FIRST_MODULES)  # the other catalogue modules are not read


def test_each_message_key_is_written_in_one_catalogue_module():
    """Modules are read one by one as keys are asked for: a key written twice would depend on the order."""
    import importlib
    import pkgutil

    import course.i18n

    seen: dict[str, str] = {}
    twice = []
    for info in pkgutil.iter_modules(course.i18n.__path__):
        if info.name.startswith("messages_"):
            module = importlib.import_module(f"course.i18n.{info.name}")
            for key in [*module.FR, *module.EN]:
                if seen.setdefault(key, info.name) != info.name:
                    twice.append(f"{key}: {seen[key]}, {info.name}")
    assert twice == []
    assert set(FIRST_MODULES) <= set(seen.values())
