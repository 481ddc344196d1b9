"""Small modal screens: help, confirmation, glossary, and the too-small-terminal notice."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, Static

from course.content.model import GlossaryTerm
from course.i18n import t

_TEST_INTRO_KEYS = {
    "back": "test_intro.back",
    "early": "test_intro.early",
    "later": "test_intro.later",
    "posttest": "test_intro.posttest",
    "pretest": "test_intro.pretest",
    "start": "test_intro.start",
    "start_anyway": "test_intro.start_anyway",
}
_HELP_KEYS = {
    "common": "help.common",
    "lesson": "help.lesson",
    "map": "help.map",
    "preview": "help.preview",
    "profile": "help.profile",
    "profile_workshop": "help.profile_workshop",
    "quiz": "help.quiz",
    "results": "help.results",
    "title": "help.title",
    "trainer": "help.trainer",
}


class HelpScreen(ModalScreen[None]):
    """The keys and what to do, for the screen the learner came from."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1,enter", "dismiss", t("key.close")),
        Binding("down", "scroll('down')", show=False),
        Binding("up", "scroll('up')", show=False),
        Binding("pagedown", "scroll('page_down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
    ]

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="help"):
            yield Static(Text(t("help.title"), style="bold"), markup=False)
            with VerticalScroll(id="help-body"):
                yield Markdown(t(_HELP_KEYS[self.key]) + "\n\n" + t("help.common"), open_links=False)
            yield Button(t("key.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def action_scroll(self, direction: str) -> None:
        getattr(self.query_one("#help-body", VerticalScroll), f"scroll_{direction}")(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; the safe answer (`no`) has the focus, ←/→ move between the two."""

    BINDINGS = [
        Binding("escape", "no", t("confirm.no")),
        Binding("o,y", "yes", show=False),
        Binding("n", "no", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, yes: str, *, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no or t("confirm.no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)


class ModuleTestIntroScreen(ModalScreen[bool]):
    """Before a module's pre-test or post-test: what it is for, and that it is not a mark.

    A post-test taken before the module's lessons are done (`early`) says so, and then
    "Revenir aux leçons" is the answer Enter gives.
    """

    BINDINGS = [
        Binding("escape", "later", t("key.back")),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, kind: str, title: str, questions: int, *, early: bool = False) -> None:
        super().__init__()
        self.kind = kind
        self.title_text = title
        self.questions = questions
        self.early = early

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="test-intro"):
            yield Static(Text(self.title_text, style="bold"), markup=False)
            yield Static(Text(t(_TEST_INTRO_KEYS[self.kind], n=self.questions)), markup=False)
            if self.early:
                yield Static(Text("⚠ " + t("test_intro.early"), style="bold"), id="test-early", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("test_intro.start_anyway" if self.early else "test_intro.start"),
                    id="start",
                    variant="warning" if self.early else "primary",
                )
                yield Button(t("test_intro.back" if self.early else "test_intro.later"), id="later")

    def on_mount(self) -> None:
        self.query_one("#later" if self.early else "#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "start")

    def action_later(self) -> None:
        self.dismiss(False)


class GlossaryScreen(ModalScreen[None]):
    """The lesson's glossary terms, read in place without leaving the section."""

    BINDINGS = [Binding("escape,q,g,enter", "dismiss", t("key.close"))]

    def __init__(self, terms: list[GlossaryTerm], title: str) -> None:
        super().__init__()
        self.terms = terms
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Text(t("glossary.title", lesson=self.title_text), style="bold"), markup=False)
            with VerticalScroll(id="glossary-body"):
                if not self.terms:
                    yield Static(t("glossary.empty"), markup=False)
                for term in self.terms:
                    yield Static(Text(term.term, style="bold underline"), classes="term", markup=False)
                    yield Markdown(term.definition, open_links=False)
            yield Button(t("key.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#glossary-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class TooSmallScreen(ModalScreen[None]):
    """Shown while the terminal is smaller than 80×24."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size_text = t("too_small", width=width, height=height)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.size_text), id="too-small", markup=False)
