"""The course map: modules and lessons with their state, and the big "Continuer" button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Lesson
from course.i18n import t
from course.learning.journey import Journey, LessonStatus
from course.ui.messages import LessonChosen, QuizChosen
from course.ui.screens.laid_out_once import LaidOutOnce
from course.ui.widgets.bars import text_bar
from course.ui.widgets.steady_footer import SteadyFooter
from course.ui.widgets.typography import NBSP, french_spacing, wrap_hanging
from course.ui.widgets.width_kept_lines import WidthKeptLines

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

_MAP_STATE_KEYS = {
    "done": "map.state.done",
    "in_progress": "map.state.in_progress",
    "not_started": "map.state.not_started",
}

_ROWS_AROUND_THE_LIST = 6
"""The map's rows outside the lesson list and its notices: title (2), buttons (3), footer (1)."""

_NOTICE_ROWS = 6
"""The notices' max-height (app.tcss): a damaged progress file's notice, its saved name included,
takes 5 rows at 80 columns."""


class WrappedLines(Content):
    """Text already broken into lines: at a width its longest line fits in, its height is its count of lines.

    Textual measures a text's height by wrapping it again; the map's lines are wrapped beforehand,
    so the list learns their heights without that second wrapping (the same heights: a line no
    wider than the width stays one line). At a narrower width it is measured as any text.
    """

    _fitting: tuple[int, int] | None = None
    """Its longest line's cells and its count of lines, once asked."""

    def get_height(self, rules: RulesMap, width: int) -> int:
        fitting = self._fitting
        if fitting is None:
            lines = self.plain.split("\n")
            fitting = self._fitting = (max(map(cell_len, lines)), len(lines))
        if fitting[0] <= width - rules.get("line_pad", 0) * 2:
            return fitting[1]
        return super().get_height(rules, width)


def _option(text: Text, option_id: str, *, disabled: bool = False) -> Option:
    """A line of the lesson list, as Textual's own text: measured and drawn without Rich's console."""
    content = WrappedLines.from_rich_text(text)
    if not isinstance(content, WrappedLines):  # a text with a style of its own comes back as Content
        content = WrappedLines(content.plain, list(content.spans), strip_control_codes=False)
    return Option(content, id=option_id, disabled=disabled)


def _lines(option: Option) -> int:
    prompt = option.prompt
    return len(prompt.plain.splitlines()) if isinstance(prompt, (Text, Content)) else 1


STATE_MARKS = {"done": "✓", "in_progress": "…", "not_started": " "}
MARK_WIDTH = 3


def status_text(status: LessonStatus) -> str:
    label = t(_MAP_STATE_KEYS[status.state])
    if status.best_score is not None:
        label += ", " + t("map.score", percent=round(status.best_score * 100))
    return label


def map_line(mark: str, title: str, detail: str, width: int, *, bold: bool = False) -> Text:
    """One line of the map: its mark, then its words; a wrapped line starts under the words, not the mark."""
    line = Text(f" {mark} ")
    line.append(french_spacing(title), style="bold" if bold else "")
    line.append(french_spacing(f"  ({detail})"), style="italic")
    return wrap_hanging(line, width, MARK_WIDTH)


def _module_line(heading: str, bar: str, width: int) -> Text:
    title = Text(heading, style="bold")
    title.append(bar, style="")
    return wrap_hanging(title, width, 0)


def _test_line(label: str, status: str, width: int) -> Text:
    return map_line("◇", label, status, width, bold=True)


class LessonList(WidthKeptLines):
    """The map's list of lessons, drawn once at its first size.

    Textual's OptionList learns how many lines it holds when first drawn, and so shows its
    scrollbar one frame later. The map tells it beforehand how many lines it holds (wrapped
    for the width it will have); a resize that leaves its width as it was keeps its lines.
    """

    def foresee(self, width: int, lines: int) -> None:
        """Its lines will be `width` cells wide (scrollbar taken off) and `lines` in all.

        Said before its first layout only: once laid out, it measures its lines itself (and a
        size given meanwhile, its scrollbar not yet back after a clear, would make it lay out twice).
        """
        if not self.size:
            self.virtual_size = Size(width, lines)

    def show(self, options: list[Option]) -> None:
        """Show `options`, which reuse the Option of each line that has not changed.

        When the lines are those shown (same ids, each as many rows high), only the changed
        ones are swapped in: the others keep their drawing, and the list its scroll position
        and its highlighted line. Otherwise the list is filled again and drawn whole."""
        shown = self._options
        if len(shown) != len(options) or not all(
            before is after or (before.id == after.id and _lines(before) == _lines(after))
            for before, after in zip(shown, options, strict=True)
        ):
            highlighted = self.highlighted
            self.clear_options()
            self.add_options(options)
            if highlighted is not None and highlighted < len(options):
                self.highlighted = highlighted
            return
        for index, (before, after) in enumerate(zip(list(shown), options, strict=True)):
            if before is not after:
                shown[index] = after
                del self._option_to_index[before]
                self._option_to_index[after] = index
                if after.id is not None:
                    self._id_to_option[after.id] = after
                self.refresh()


class CourseMapScreen(LaidOutOnce):
    HELP_KEY = "map"
    LIST_PADDING = 2
    """Cells of a lesson line the list keeps free at its right."""
    BINDINGS = [
        Binding("c", "continue", t("map.key.continue")),
        Binding("r", "review", t("map.key.review")),
        Binding("x", "reset_lesson", t("map.key.reset"), show=False),
        Binding("p", "profile", t("map.key.profile")),
        Binding("f", "app.trainer", t("key.trainer"), show=False),
        Binding("question_mark,f1", "app.help", t("key.help")),
        Binding("q", "app.ask_quit", t("key.quit")),
        Binding("escape", "nothing", show=False),
        Binding("down", "to_lessons", show=False),
        Binding("left", "between_buttons(-1)", show=False),
        Binding("right", "between_buttons(1)", show=False),
    ]
    """Esc does nothing here (the map is where "back" leads; q asks before quitting);
    ↓ from the buttons goes down into the list of lessons, ←/→ move between the buttons."""

    class ContinueChosen(Message):
        """ "Continuer": the app opens the next step of the course."""

    class ReviewChosen(Message):
        """ "Révisions": the app asks the questions due for review."""

    class ProfileChosen(Message):
        """ "Mon profil": the app offers to switch person, start again or delete."""

    class ResetChosen(Message):
        """`x` on a lesson: the app asks before starting it afresh."""

        def __init__(self, lesson: Lesson) -> None:
            super().__init__()
            self.lesson = lesson

    def __init__(self, journey: Journey) -> None:
        super().__init__()
        self.journey = journey
        self.refreshes = 0
        """How many times the map was drawn (once before the first frame)."""
        self._drawn_box: tuple[int, int] | None = None
        self._resumed = False
        self._notice_rows = 0
        self._made: dict[str, tuple[tuple[object, ...], Option]] = {}
        """Each line's Option as last made, with what it was made from (its words and width)."""

    def compose(self) -> ComposeResult:
        yield Static(id="screen-title", markup=False)
        yield Static(id="notices", markup=False)
        with Horizontal(id="map-actions"):
            yield Button(t("map.button.continue"), id="continue", variant="primary")
            yield Button(t("map.button.review"), id="review")
        yield LessonList(id="lessons")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.refresh_map()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from a lesson, a quiz or a dialog: the map shows what changed meanwhile.

        The first resume follows the mount, which drew the map and styled each of its widgets as
        it was mounted: Textual would then apply the whole stylesheet to every widget again for the
        same styles (17 of the 45 applications before the first frame), so that first time it does not.
        """
        if self._resumed:
            self.refresh_map()
        else:
            event.refresh_styles = False
        self._resumed = True

    def refresh_map(self) -> None:
        self.refreshes += 1
        journey = self.journey
        course = journey.course
        lessons = course.ordered_lessons()
        done = sum(journey.status(lesson).state == "done" for lesson in lessons)
        ratio = done / len(lessons) if lessons else 0
        header = Text()
        header.append(course.title, style="bold")
        header.append(
            "\n"
            + french_spacing(t("map.header", name=journey.learner.name, done=done, total=len(lessons)))
            + "  "
        )
        header.append(text_bar(ratio, 16).replace(" %", "\u00a0%"))
        self.query_one("#screen-title", Static).update(header)
        self._notices()
        target = journey.continue_target()
        cont = self.query_one("#continue", Button)
        cont.disabled = target is None
        cont.label = t("map.button.continue") if target else t("map.button.all_done")
        due = len(journey.due_reviews())
        review = self.query_one("#review", Button)
        review.label = t("map.button.review_count", count=due)
        cont.refresh(layout=True)  # a Button keeps its width when its label changes
        review.refresh(layout=True)
        box = self._list_box()
        self._drawn_box = box
        width, rows = box
        lesson_list = self.query_one("#lessons", LessonList)
        scrollbar = lesson_list.styles.scrollbar_size_vertical
        if self._option_count() > rows:  # more lines than rows whatever their width: a scrollbar
            options = self._options(width - scrollbar - self.LIST_PADDING)
        else:
            options = self._options(width - self.LIST_PADDING)
            if sum(_lines(option) for option in options) > rows:  # wrapped lines make a scrollbar
                options = self._options(width - scrollbar - self.LIST_PADDING)
        lesson_list.show(options)
        lines = sum(_lines(option) for option in options)
        lesson_list.foresee(width - (scrollbar if lines > rows else 0), lines)
        if target is None or self.focused is None:
            (lesson_list if target is None else cont).focus()

    def _list_box(self) -> tuple[int, int]:
        """The lesson list's inside (border and padding taken off, scrollbar not): cells wide, rows high.

        Before the first layout the list has no size yet: it is then foreseen from the terminal's,
        so that the map is drawn once before the first frame rather than again at the first resize.
        """
        lesson_list = self.query_one("#lessons", OptionList)
        gutter = lesson_list.styles.gutter
        region = lesson_list.region
        if region.width and region.height:
            return region.width - gutter.width, region.height - gutter.height
        size = self.app.size
        around = _ROWS_AROUND_THE_LIST + self._notice_rows
        return size.width - gutter.width, size.height - around - gutter.height

    def on_resize(self) -> None:
        if self._list_box() != self._drawn_box:  # wrapped for another width, or another height
            self.refresh_map()

    def _options(self, width: int) -> list[Option]:
        """The lines of the lesson list, wrapped to `width` cells."""
        journey = self.journey
        course = journey.course
        options: list[Option] = []
        for number, module in enumerate(course.modules, 1):
            module_lessons = course.lessons_of(module)
            if not module_lessons:
                continue
            heading = french_spacing(t("map.module", n=number, title=module.title))
            bar = "  " + text_bar(journey.module_ratio(list(module.lessons)), 10).replace(" %", NBSP + "%")
            options.append(self._line(f"module:{module.id}", (heading, bar, width), _module_line))
            if module.pretest in course.quizzes:
                options.append(self._test_option(module.pretest, "map.pretest", width))
            for lesson in module_lessons:
                status = journey.status(lesson)
                detail = (
                    f"{status_text(status)}, {t('map.minutes', n=lesson.duration_min).replace(' ', NBSP)}"
                )
                words = (STATE_MARKS[status.state], lesson.title, detail, width)
                options.append(self._line(f"lesson:{lesson.id}", words, map_line))
            if module.posttest in course.quizzes:
                options.append(self._test_option(module.posttest, "map.posttest", width))
        return options

    def _option_count(self) -> int:
        """How many lines `_options` makes (one at least each), without wrapping them."""
        course = self.journey.course
        count = 0
        for module in course.modules:
            lessons = len(course.lessons_of(module))
            if lessons:
                count += (
                    1 + lessons + (module.pretest in course.quizzes) + (module.posttest in course.quizzes)
                )
        return count

    def _test_option(self, quiz_id: str, label: str, width: int) -> Option:
        """A module's pre-test or post-test, with its first score once taken."""
        first = self.journey.first_result(quiz_id)
        status = (
            t("map.state.not_started")
            if first is None
            else t("map.test_done", percent=round(first.score * 100))
        )
        return self._line(f"quiz:{quiz_id}", (t(label), status, width), _test_line)

    def _line(self, option_id: str, words: tuple[Any, ...], make: Callable[..., Text]) -> Option:
        """The Option of one line, `make(*words)`: the one made last time when its words and
        width are the same (the list then keeps its drawing, see `LessonList.show`)."""
        made = self._made.get(option_id)
        if made is not None and made[0] == words:
            return made[1]
        option = _option(make(*words), option_id, disabled=option_id.startswith("module:"))
        self._made[option_id] = (words, option)
        return option

    def _notices(self) -> None:
        notices = self.query_one("#notices", Static)
        lines = []
        bad = self.journey.course.files_with_errors()
        if bad:
            shown = bad[0] + (" …" if len(bad) > 1 else "")
            lines.append("⚠ " + t("map.bad_files", count=len(bad), files=shown))
        for notice in getattr(self.journey.store, "notices", []):
            lines.append("⚠ " + notice.message)
        text = Text("\n".join(lines))
        notices.update(text)
        notices.display = bool(lines)
        width = max(self.app.size.width - notices.styles.gutter.width, 1)  # the rows they wrap to
        self._notice_rows = min(len(text.wrap(self.app.console, width)), _NOTICE_ROWS) if lines else 0

    def _highlighted_lesson(self) -> Lesson | None:
        lesson_list = self.query_one("#lessons", OptionList)
        if lesson_list.highlighted is None:
            return None
        option_id = lesson_list.get_option_at_index(lesson_list.highlighted).id or ""
        return self.journey.course.lessons.get(option_id.removeprefix("lesson:"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("lesson:"):
            self.post_message(LessonChosen(option_id.removeprefix("lesson:")))
        elif option_id.startswith("quiz:"):
            self.post_message(QuizChosen(self.journey.course.quizzes[option_id.removeprefix("quiz:")]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.action_continue()
        elif event.button.id == "review":
            self.action_review()

    def action_continue(self) -> None:
        self.post_message(self.ContinueChosen())

    def action_review(self) -> None:
        self.post_message(self.ReviewChosen())

    def action_profile(self) -> None:
        self.post_message(self.ProfileChosen())

    def action_nothing(self) -> None:
        """Esc on the map: already where "back" leads."""

    def action_to_lessons(self) -> None:
        lesson_list = self.query_one("#lessons", OptionList)
        lesson_list.focus()
        if lesson_list.highlighted is None and lesson_list.option_count:
            lesson_list.action_first()

    def action_between_buttons(self, step: int) -> None:
        buttons = [b for b in self.query("#map-actions Button").results(Button) if not b.disabled]
        if self.focused in buttons:
            buttons[(buttons.index(self.focused) + step) % len(buttons)].focus()

    def action_reset_lesson(self) -> None:
        lesson = self._highlighted_lesson()
        if lesson is None:
            self.notify(t("map.pick_lesson_first"))
            return
        self.post_message(self.ResetChosen(lesson))
