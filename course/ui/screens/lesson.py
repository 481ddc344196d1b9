"""The lesson reader: one section at a time, with its place remembered."""

from __future__ import annotations

import asyncio
from typing import Protocol, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region, Size
from textual.layout import DockArrangeResult
from textual.message import Message
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static

from course.content.model import Lesson, Section
from course.i18n import t
from course.learning.journey import Journey
from course.progress import StoreWriteError
from course.ui.messages import BackChosen
from course.ui.screens.quiet_focus import QuietFocusScreen
from course.ui.widgets.interaction import Interaction
from course.ui.widgets.scroll_body import OwnScrollBar
from course.ui.widgets.section_text import SectionText, SizedInOnePass
from course.ui.widgets.steady_footer import SteadyFooter
from course.ui.widgets.typography import french_markdown

_LESSON_CALLOUT_KEYS = {
    "example": "lesson.callout.example",
    "fact": "lesson.callout.fact",
    "tip": "lesson.callout.tip",
    "warning": "lesson.callout.warning",
}


def _interactive_widget(section: Section) -> Widget | None:
    """The widget that plays a section's scenario, feed simulator or inspector, if it has one."""
    if section.scenario is not None:
        from course.ui.widgets.scenario_view import ScenarioView

        return ScenarioView(section.scenario)
    if section.feed is not None:
        from course.ui.widgets.feed_view import FeedView

        return FeedView(section.feed)
    if section.inspect is not None:
        from course.ui.widgets.inspect_view import InspectView

        return InspectView(section.inspect)
    return None


class LessonFooter(SteadyFooter):
    """The lesson's footer: the steady footer, which shows an activity's keys in place on arrival,
    in the frame of the section, since it draws whatever keys the focus brings as one line."""


class _Playable(Protocol):
    async def restart(self) -> None: ...


class SectionSlot(SizedInOnePass, Vertical):
    """Where a section's activity goes."""


class TurnButton(SizedInOnePass, Button):
    """« Précédent » or « Suivant »: shown, hidden or relabelled in the turn's one layout pass."""


class SectionCounter(SizedInOnePass, Static):
    """« 2 / 5 » between the buttons, whose room changes with their labels in the same pass."""


class BodyScrollBar(SizedInOnePass, ScrollBar):
    """The body's scroll bar: placed, or sized anew, in the layout pass that shows it.

    A scroll bar whose size changes (it comes with an activity that overflows) asks for the screen
    to be laid out again, although its size changes nothing else; this one draws at its new size.
    """


class SectionBody(SizedInOnePass, OwnScrollBar):
    """The scrolling body of a section, framed by the colour of its callout, if it has one."""

    VERTICAL_BAR = BodyScrollBar
    _callout: str | None = None

    def foresee_scrollbar(self, show: bool) -> None:
        """Lay the next pass out with the vertical scroll bar shown or not, as if Textual had
        found it so: when the guess is right, that pass leaves the bar as it is and asks for no
        other (Textual corrects a wrong guess in a second pass)."""
        self.show_vertical_scrollbar = show
        if show or self._vertical_scrollbar is not None:
            self.vertical_scrollbar.display = show

    def set_callout(self, kind: str | None) -> None:
        """Frame the body for a callout of `kind` (None: no frame): a thick bar on its left, in the
        theme's warning colour for a warning and its secondary colour otherwise.

        An inline style, so the body is laid out and repainted and nothing else, where a class
        would have the style sheet applied again to the body and its scroll bars.
        """
        if kind == self._callout:
            return
        self._callout = kind
        if kind is None:
            self.styles.clear_rule("border_left")
            self.refresh(layout=True)
        else:
            colour = self.app.theme_variables["warning" if kind == "warning" else "secondary"]
            self.styles.border_left = ("thick", Color.parse(colour))

    _bar_region: Region | None = None
    """Where its vertical scroll bar was in the last frame (None: not shown)."""
    _in_view: tuple[Widget, int] | None = None
    """A widget whose first rows the next layout pass scrolls into view, and how many rows."""

    def bring_into_view(self, widget: Widget, rows: int) -> None:
        """Scroll, in the next layout pass, by the least that shows the first `rows` rows of
        `widget` (the body being at its top): the pass that places it draws it in view, where a
        scroll after it would lay out and draw a second time."""
        self._in_view = (widget, rows)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        arrangement = super().arrange(size, optimal)
        if self._in_view is not None and not optimal:
            widget, rows = self._in_view
            found = self._arranged_at(widget, arrangement)
            if found is not None:
                top, height = found
                most = max(0, arrangement.total_region.bottom - size.height)
                y = min(most, max(0, top + min(rows, height) - size.height))
                # As Textual scrolls a body anchored to its end while it arranges it: the
                # compositor places the children at this scroll in the same pass.
                self.set_reactive(Widget.scroll_y, float(y))
                self.set_reactive(Widget.scroll_target_y, float(y))
                if self._vertical_scrollbar is not None:
                    self._vertical_scrollbar.set_reactive(ScrollBar.position, float(y))
        return arrangement

    def _arranged_at(self, widget: Widget, arrangement: DockArrangeResult) -> tuple[int, int] | None:
        """The top of `widget` in the body's content and its height, from the arrangement of
        each container between them (kept, so the compositor reuses them at the same sizes)."""
        chain: list[Widget] = []
        node: Widget | None = widget
        while node is not None and node is not self:
            chain.append(node)
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        if node is None:
            return None
        top = 0
        for child in reversed(chain):
            placement = next((p for p in arrangement.placements if p.widget is child), None)
            if placement is None:
                return None
            region = placement.region
            if child is widget:
                return top + region.y, region.height
            gutter = child.styles.gutter
            top += region.y + gutter.top
            arrangement = child.arrange(region.shrink(gutter).size)
        return None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out, immediate=True)

    def _laid_out(self, _screen: object) -> None:
        """A layout pass was drawn. A scroll bar that came, or moved, in it was drawn whole in that
        frame, with the window the pass gave it: the repaint the pass asked of it is done (asked
        again, it would draw a frame of its own, the same)."""
        self._in_view = None
        bar = self._vertical_scrollbar
        if bar is None:
            return
        region = bar.region if self.show_vertical_scrollbar and bar.display else None
        if region is not None and region != self._bar_region:
            bar._repaint_required = False
        self._bar_region = region

    def _recolour(self, _theme: object) -> None:
        """A new theme (F3, high contrast): the frame takes its colours."""
        kind, self._callout = self._callout, None
        self.set_callout(kind)


FIRST_ROWS = 4
"""Rows of an activity's first list shown on arrival: its top edge and three choices."""


class LessonScreen(QuietFocusScreen):
    HELP_KEY = "lesson"
    BINDINGS = [
        Binding("escape", "leave", t("key.back")),
        Binding("left", "previous", t("lesson.key.previous")),
        Binding("right", "next", t("lesson.key.next")),
        Binding("space", "space", show=False),
        Binding("down", "scroll_body('down')", show=False),
        Binding("up", "scroll_body('up')", show=False),
        Binding("pagedown", "scroll_body('page_down')", show=False),
        Binding("pageup", "scroll_body('page_up')", show=False),
        Binding("g", "glossary", t("lesson.key.glossary")),
        Binding("o", "objectives", t("lesson.key.objectives"), show=False),
        Binding("q", "app.ask_quit", t("key.quit")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]
    """→ and ← turn the sections; Space does too, except in an interactive section, where it
    belongs to the activity and never leaves it; arrows and PgUp/PgDn scroll the section
    whatever has the focus (a list keeps its own arrows)."""

    class Finished(Message):
        """The last section was read: the app opens the lesson's quiz, or goes back to the map."""

        def __init__(self, lesson: Lesson) -> None:
            super().__init__()
            self.lesson = lesson

    def __init__(self, journey: Journey, lesson: Lesson, section: int | None = None) -> None:
        super().__init__()
        self.journey = journey
        self.lesson = lesson
        self.index = journey.section(lesson) if section is None else section
        self._turning = asyncio.Lock()
        """One section is drawn at a time: quick → presses wait their turn, never mix two sections."""
        self.section_ready = asyncio.Event()
        """Set once the section on screen is drawn and, in an activity, its first list in view (tests wait for it)."""
        self._activity: tuple[int, Widget] | None = None
        """The activity mounted (the index of its section, its widget): hidden while another section is shown."""
        self._overflowed: dict[int, bool] = {}
        """Whether each activity section overflowed the body the last time it was shown."""
        self._unplayed = False
        """The activity mounted was built ahead, hidden, and is not shown yet (at its start)."""
        self._places: list[int] = []
        """Sections shown whose place is not written yet: written once their frame is drawn."""

    def compose(self) -> ComposeResult:
        module = self.journey.course.module_of(self.lesson)
        title = f"{module.title} › {self.lesson.title}" if module else self.lesson.title
        yield Static(Text(title), id="screen-title", markup=False)
        yield Static(id="section-title", markup=False)
        with SectionBody(id="section-body"):
            yield SectionText(id="section-text")
            yield SectionSlot(id="section-block")
        with Horizontal(id="actions"):
            yield TurnButton(t("lesson.button.previous"), id="previous")
            yield SectionCounter(id="counter", markup=False)
            yield TurnButton(t("lesson.button.next"), id="next", variant="primary")
        # its keys change in place when the focus moves, into an activity too
        yield LessonFooter()

    async def on_mount(self) -> None:
        async with self._turning:
            await self._show()

    @property
    def interactive(self) -> bool:
        """True when the section on screen plays a scenario, a feed or an inspector."""
        kept = self._activity
        return kept is not None and kept[0] == self.index and kept[1].display

    async def _show(self) -> None:
        left = self.focused
        with self.app.batch_update():  # the section is drawn once, whole
            await self._draw()
            await self._focus_settled(left)
            self._hand_over_refreshes()
        # After the batch: a callback asked for during it could run before the section is drawn.
        self.call_after_refresh(self._write_places)

    async def _focus_settled(self, left: Widget | None) -> None:
        """Let the widget the focus left and the one it reached restyle themselves before the
        section is drawn: they do so when they next run, and one that runs after the screen's
        update (a busy or a quick turn) would have the screen draw a second frame for it."""
        for widget in {left, self.focused} - {None}:
            assert widget is not None
            handled = asyncio.Event()
            if widget.is_attached and widget.call_later(handled.set):
                await handled.wait()

    def _hand_over_refreshes(self) -> None:
        """Hand the screen, now, every layout and repaint the turn asked of its widgets.

        Each widget tells the screen what it needs when it next runs, in turn with the screen's own
        update: one that runs after it (the hidden activity, the body) has the screen laid out and
        drawn a second time. Told before the batch ends, the screen finds them all at its first.
        """
        bar = self.query_one("#section-body", SectionBody)._vertical_scrollbar  # not among the children
        for widget in [*self.walk_children(Widget), *([bar] if bar else [])]:
            if widget._layout_required or widget._repaint_required:
                widget._check_refresh()

    async def _draw(self) -> None:
        self.section_ready.clear()
        lesson = self.lesson
        section = lesson.sections[self.index]
        # What a turn leaves as it was is not updated: an update repaints (and lays out) its widget.
        self.query_one("#section-title", Static).update(Text(section.title, style="bold"))
        body = self.query_one("#section-body", SectionBody)
        body.set_callout(section.callout)
        block = self.query_one("#section-block", Vertical)
        next_button = self.query_one("#next", Button)
        kept = self._activity
        if kept is not None and kept[0] != self.index and kept[1].display:
            if self.focused is not next_button:  # the focus leaves the activity before it is hidden
                with self.focus_moves():
                    self.set_focus(next_button, scroll_visible=False)
            self._overflowed[kept[0]] = body.max_scroll_y > 0
            kept[1].display = False  # kept mounted: hidden, nothing removed (no late layout)
        text = self.query_one("#section-text", SectionText)  # with the callout's label above it
        text.display = bool(section.text.strip()) or section.callout is not None
        text.update(
            french_markdown(section.text),
            t(_LESSON_CALLOUT_KEYS[section.callout]) if section.callout else None,
        )
        interactive = section.interactive is not None
        # The body's scroll bar foreseen: a text section fits at 80x24, an activity overflows unless
        # it did not last time. Laid out with the right bar at once, a section takes one layout pass,
        # where a bar that comes or goes takes two more (and two more frames); Textual corrects a
        # wrong guess (on a smaller screen), so what is seen stays the same.
        # Home before the bar is hidden: Textual does not scroll a body that shows no bar.
        body.scroll_home(animate=False, immediate=True)
        body.foresee_scrollbar(interactive and self._overflowed.get(self.index, True))
        self.query_one("#counter", Static).update(  # a fixed size: no layout
            Text(t("lesson.counter", n=self.index + 1, total=len(lesson.sections)), justify="center"),
            layout=False,
        )
        previous = self.query_one("#previous", Button)
        previous.disabled = self.index == 0
        previous.visible = self.index > 0  # no previous section: no button (a greyed one is hard to read)
        last = self.index == len(lesson.sections) - 1
        has_quiz = self.journey.course.quiz_for(lesson) is not None
        wording = t(
            "lesson.button.quiz"
            if last and has_quiz
            else "lesson.button.finish"
            if last
            else "lesson.button.next"
        )
        if str(next_button.label) != wording:
            next_button.label = wording
            next_button.refresh(layout=True)  # a Button keeps its width when its label changes
        self._remember_place()
        # The activity last, the rest of the section set: it is placed, and its first list scrolled
        # into view, in the one layout pass that follows.
        widget: Widget | None = None
        if interactive:
            if kept is not None and kept[0] == self.index:  # built ahead, or back to it: from its start
                widget = kept[1]
                widget.display = True
                if not self._unplayed:
                    with self.focus_moves():
                        await cast(_Playable, widget).restart()
                self._unplayed = False
            else:
                if kept is not None:
                    await kept[1].remove()
                widget = _interactive_widget(section)
                assert widget is not None
                self._activity = (self.index, widget)
                self._unplayed = False
                await block.mount(widget)
            control = next((w for w in widget.query(OptionList) if w.display), None)
            if control is not None:
                body.bring_into_view(control, FIRST_ROWS)
                if self.focused is not control:  # focused in the same frame
                    with self.focus_moves():
                        self.set_focus(control, scroll_visible=False)
        if widget is None:
            if self.focused is not next_button:  # the focus stays put: the Footer keeps its keys
                with self.focus_moves():
                    self.set_focus(next_button, scroll_visible=False)
            self.call_after_refresh(self._text_drawn)
        else:
            self.call_after_refresh(self._show_first_control)

    def _remember_place(self) -> None:
        """Remember the section on screen once its frame is drawn: the turn does not wait for
        the disk (a locked, synced write of the learner's state) to draw."""
        self._places.append(self.index)

    def _write_places(self) -> None:
        """Write the place of the sections shown since the last write (the last one, and the
        lesson's end if it was reached), before anything else is written or the screen goes."""
        places, self._places = self._places, []
        if not places:
            return
        last = len(self.lesson.sections) - 1
        if last in places and places[-1] != last:  # read to its end, then turned back
            self.journey.open_section(self.lesson, last)
        self.journey.open_section(self.lesson, places[-1])

    def on_unmount(self) -> None:
        self._write_places()

    def _text_drawn(self) -> None:
        """A text section is on screen: ready, and the activity that follows it built meanwhile."""
        self.section_ready.set()
        self.call_after_refresh(self._build_ahead, self.index)

    async def _build_ahead(self, index: int) -> None:
        """Build, hidden, the activity of the section after `index` while the learner reads.

        Turning to it then shows it (one layout pass) instead of building it: its widgets, styles
        and first measures are done between two keys. Nothing visible changes: no frame is drawn.
        """
        following = index + 1
        if following >= len(self.lesson.sections) or self.lesson.sections[following].interactive is None:
            return
        async with self._turning:
            kept = self._activity
            if self.index != index or not self.is_attached or (kept is not None and kept[0] == following):
                return
            if kept is not None:
                if kept[1].display:
                    return
                await kept[1].remove()
            widget = _interactive_widget(self.lesson.sections[following])
            assert widget is not None
            widget.display = False
            self._activity = (following, widget)
            self._unplayed = True
            await self.query_one("#section-block", Vertical).mount(widget)

    def _show_first_control(self, tries: int = 6) -> None:
        """On arrival in an interactive section, its first list has the focus and is in view.

        The activity draws its texts over a few refreshes, so the scroll is checked again
        after each until the list stays in view.
        """
        control = next((w for w in self.query_one("#section-block").query(OptionList) if w.display), None)
        if control is None or not self.is_attached:
            self.section_ready.set()
            return
        if tries == 6 and self.focused is not control:
            control.focus(scroll_visible=False)
        body = self.query_one("#section-body", VerticalScroll)
        view, region = body.content_region, control.region
        wanted = min(FIRST_ROWS, region.height)
        if region.height and view.y <= region.y and region.y + wanted <= view.bottom:
            self.section_ready.set()
            return
        # The least scroll that shows the list's first rows: what comes before it (the message to
        # inspect, the situation) keeps as much room as it can.
        below = region.y + wanted - view.bottom
        body.scroll_to(
            y=body.scroll_y + below if below > 0 else body.scroll_y - (view.y - region.y),
            animate=False,
            immediate=True,
        )
        if tries:
            self.call_after_refresh(self._show_first_control, tries - 1)
        else:
            self.section_ready.set()

    async def action_previous(self) -> None:
        async with self._turning:
            if self.index > 0:
                self.index -= 1
                await self._show()

    async def action_next(self) -> None:
        async with self._turning:
            if self.index < len(self.lesson.sections) - 1:
                self.index += 1
                await self._show()
                return
        self._write_places()
        self.post_message(self.Finished(self.lesson))

    async def action_space(self) -> None:
        """Space turns the page of a text section; in an activity it never leaves the section."""
        if not self.interactive:
            await self.action_next()

    def action_scroll_body(self, direction: str) -> None:
        getattr(self.query_one("#section-body", VerticalScroll), f"scroll_{direction}")(animate=False)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "previous":
            await self.action_previous()
        elif event.button.id == "next":
            await self.action_next()

    def on_interaction(self, event: Interaction) -> None:
        """Store a choice made in an interactive section, like a quiz answer."""
        event.stop()
        self._write_places()
        try:
            self.journey.record_activity(
                self.lesson,
                event.block,
                event.step,
                event.kind,
                event.response,
                event.response_text,
                event.correct,
                event.score,
            )
        except StoreWriteError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def action_glossary(self) -> None:
        from course.ui.screens.dialogs import GlossaryScreen

        terms = [
            self.journey.course.glossary[i] for i in self.lesson.glossary if i in self.journey.course.glossary
        ]
        self.app.push_screen(GlossaryScreen(terms, self.lesson.title))

    def action_objectives(self) -> None:
        lines = "\n".join(f"- {o}" for o in self.lesson.objectives)
        self.notify(lines, title=t("lesson.objectives"), timeout=8, markup=False)

    def action_leave(self) -> None:
        self._write_places()
        self.post_message(BackChosen())
