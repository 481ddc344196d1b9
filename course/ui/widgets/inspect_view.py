"""The message inspector: flag what is suspicious, give a verdict, read why, then the summary."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from course.content.model import Inspect, InspectItem, LateralTab
from course.i18n import t
from course.quiz.discernment import ItemScore, discernment, index_band, score_item
from course.ui.widgets.activity_parts import Box, Line, ListInOnePass
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.interaction import Interaction
from course.ui.widgets.message_card import MessageCard
from course.ui.widgets.section_text import SectionText, SizedInOnePass
from course.ui.widgets.typography import french_markdown, hanging

_INSPECT_SUMMARY_INDEX_KEYS = {
    "high": "inspect.summary.index.high",
    "mid": "inspect.summary.index.mid",
    "negative": "inspect.summary.index.negative",
    "none": "inspect.summary.index.none",
    "zero": "inspect.summary.index.zero",
}
_INSPECT_CLUE_KEYS = {
    "false_alarm": "inspect.clue.false_alarm",
    "hit": "inspect.clue.hit",
    "miss": "inspect.clue.miss",
    "rejection": "inspect.clue.rejection",
}

VERDICTS = ("fiable", "trompeur")  # stored as is, in the order shown: 1 Fiable, 2 Trompeur
_ASKING = {"counter", "card", "clues-prompt", "clues", "lateral-hint"}
SHOWN = {
    "clues": _ASKING,
    "verdict": _ASKING | {"verdict-prompt", "verdict"},
    "feedback": {"counter", "card", "feedback", "explanation", "next"},
    "summary": {"summary"},
}
"""The parts on screen in each phase (ids without their `inspect-` prefix)."""


class ClueList(ListInOnePass):
    """The clues to flag; Enter validates even with none flagged (a reliable message may have none)."""

    class Flagged(Message):
        """The learner is done flagging."""

    def action_select(self) -> None:
        if not self.disabled:
            self.post_message(self.Flagged())


class LateralScreen(ModalScreen[None]):
    """The "other tabs": simulated search results, read offline to check a message elsewhere."""

    BINDINGS = [Binding("escape,q,l,enter", "dismiss", t("key.close"))]

    def __init__(self, tabs: list[LateralTab]) -> None:
        super().__init__()
        self.tabs = tabs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Text(t("inspect.lateral.title"), style="bold"), markup=False)
            yield Static(Text(t("inspect.lateral.intro")), classes="muted", markup=False)
            with VerticalScroll(id="lateral-body"):
                for tab in self.tabs:
                    yield Static(
                        Text(t("inspect.lateral.query", query=tab.query), style="bold"),
                        classes="lateral-query",
                        markup=False,
                    )
                    for result in tab.results:
                        text = Text(result.title, style="bold underline")
                        text.append("\n" + result.source, style="italic")
                        text.append("\n" + result.text)
                        yield Static(text, classes="lateral-result", markup=False)
            yield Button(t("key.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#lateral-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


def _truth(reliable: bool) -> str:
    return t("inspect.truth.reliable" if reliable else "inspect.truth.misleading")


def _percent(rate: float | None) -> int:
    return round((rate or 0.0) * 100)


def summary_text(scores: list[ItemScore]) -> Text:
    """The end-of-section summary: hits, false alarms, verdicts, and the discernment index in words."""
    d = discernment(scores)
    lines = [Text(t("inspect.summary.title", n=d.messages), style="bold")]
    if d.suspicious:
        lines.append(
            Text(t("inspect.summary.hits", n=d.hits, total=d.suspicious, percent=_percent(d.hit_rate)))
        )
    if d.reassuring:
        lines.append(
            Text(
                t(
                    "inspect.summary.false_alarms",
                    n=d.false_alarms,
                    total=d.reassuring,
                    percent=_percent(d.false_alarm_rate),
                )
            )
        )
    if d.reliable_total:
        lines.append(Text(t("inspect.summary.reliable", n=d.reliable_right, total=d.reliable_total)))
    if d.misleading_total:
        lines.append(Text(t("inspect.summary.misleading", n=d.misleading_right, total=d.misleading_total)))
    if d.index is None:
        lines.append(Text(t("inspect.summary.index.none")))
    else:
        band = index_band(d.index)
        number = f"{d.index:.2f}".replace(".", t("inspect.decimal")).replace("-", "−")
        lines.append(
            Text(
                t("inspect.summary.index", index=number) + " " + t(_INSPECT_SUMMARY_INDEX_KEYS[band]),
                style="bold",
            )
        )
    lines.append(Text(t("inspect.summary.replay"), style="dim"))
    return Text("\n").join(lines)


def feedback_text(item: InspectItem, score: ItemScore) -> Group:
    """The verdict, right or wrong, and the score first (on screen at 80×24), then each clue with ✓/✗,
    its text and explanation wrapping under their own first word, not under the mark."""
    truth, given = _truth(item.reliable), _truth(score.verdict_reliable)
    head = Text()
    if score.verdict_right:
        head.append("✓ " + t("inspect.verdict.right", truth=truth), style="bold")
    else:
        head.append("✗ " + t("inspect.verdict.wrong", truth=truth, given=given), style="bold")
    head.append("\n" + t("inspect.item_score", percent=round(score.score * 100)), style="dim")
    parts: list[RenderableType] = [head]
    for clue in item.clues:
        if clue.id in score.hits:
            mark, word = "✓", "hit"
        elif clue.id in score.false_alarms:
            mark, word = "✗", "false_alarm"
        elif clue.id in score.misses:
            mark, word = "✗", "miss"
        else:
            mark, word = "✓", "rejection"
        said = Text(clue.text)
        said.append(f" : {t(_INSPECT_CLUE_KEYS[word])}", style="bold")
        said.append(f"\n{clue.explanation}")
        parts.append(hanging(Text(f"{mark} ", style="bold"), said))
    return Group(*parts)


class InspectView(SizedInOnePass, Vertical):
    """Plays `inspect`: one `Interaction` per message judged, then the discernment summary."""

    BINDINGS = [
        Binding("enter", "next", t("inspect.key.next")),
        Binding("l", "lateral", t("inspect.key.lateral")),
        Binding("r", "replay", t("inspect.key.replay")),
    ]
    """Enter: next message (after feedback); l: other tabs (if any); r: start again (at the end)."""
    can_focus = True

    def __init__(self, inspect: Inspect) -> None:
        super().__init__(classes="inspect")
        self.inspect = inspect
        self.block_id = inspect.id
        self.index = 0
        self.scores: list[ItemScore] = []
        self.phase = "clues"
        """clues → verdict → feedback (→ next message) … → summary."""

    def compose(self) -> ComposeResult:
        yield Line(id="inspect-counter", markup=False)
        yield MessageCard(id="inspect-card")
        yield Line(
            t("inspect.clues.prompt"), id="inspect-clues-prompt", classes="inspect-prompt", markup=False
        )
        yield ClueList([], [], multiple=True, id="inspect-clues")
        yield Line(
            t("inspect.verdict.prompt"), id="inspect-verdict-prompt", classes="inspect-prompt", markup=False
        )
        yield ListInOnePass(
            [t("inspect.verdict.reliable"), t("inspect.verdict.misleading")],
            [0, 1],
            multiple=False,
            id="inspect-verdict",
        )
        yield Line(t("inspect.lateral.hint"), id="inspect-lateral-hint", classes="muted", markup=False)
        yield Box(id="inspect-feedback", markup=False)
        yield SectionText(id="inspect-explanation")
        yield Line(id="inspect-next", classes="muted", markup=False)
        yield Box(id="inspect-summary", markup=False)

    def on_mount(self) -> None:
        self._show(0, scroll=False)

    @property
    def item(self) -> InspectItem:
        return self.inspect.items[self.index]

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        shown = SHOWN[phase] - (set() if self.inspect.lateral else {"lateral-hint"})
        for child in self.children:
            child.display = (child.id or "").removeprefix("inspect-") in shown
        self.refresh_bindings()

    def _show(self, index: int, scroll: bool = True) -> None:
        self.index = index
        item = self.item
        self.query_one("#inspect-counter", Line).update(
            Text(t("inspect.counter", n=index + 1, total=len(self.inspect.items)), style="bold")
        )
        self.query_one(MessageCard).show(item)
        clues = self.query_one("#inspect-clues", ClueList)
        clues.texts, clues.order = [c.text for c in item.clues], list(range(len(item.clues)))
        for choices in self.query(ChoiceList):  # the clues, then the verdict
            choices.marked = set()
            choices.clear_options()
            choices.add_options(choices._build_options())
            choices.highlighted = 0
        self._set_phase("clues")
        if self.display:  # built ahead, hidden: the lesson gives the focus when it shows it
            clues.focus(scroll_visible=False)
        if scroll:
            self.call_after_refresh(self._scroll_to_item)

    def _scroll_to_item(self) -> None:
        """The counter as high as possible, the clues still in view."""
        self.query_one("#inspect-counter").scroll_visible(top=True, animate=False)
        self.query_one("#inspect-clues").scroll_visible(animate=False)

    def on_clue_list_flagged(self, event: ClueList.Flagged) -> None:
        event.stop()
        self._set_phase("verdict")
        verdict = self.query_one("#inspect-verdict", ChoiceList)
        verdict.focus()
        self.call_after_refresh(verdict.scroll_visible, animate=False)

    def on_choice_list_submitted(self, event: ChoiceList.Submitted) -> None:
        event.stop()
        if self.phase != "verdict":
            return
        item = self.item
        clues = self.query_one("#inspect-clues", ClueList)
        flagged = [item.clues[i].id for i in clues.response()]
        verdict = VERDICTS[self.query_one("#inspect-verdict", ChoiceList).response()[0]]
        score = score_item(item, set(flagged), verdict == "fiable")
        self.scores.append(score)
        flagged_text = " | ".join(item.clues[i].text for i in clues.response()) or t("inspect.response.none")
        self.post_message(
            Interaction(
                self.block_id,
                item.id,
                "inspect",
                {"flagged": flagged, "verdict": verdict},
                t("inspect.response", flagged=flagged_text, verdict=_truth(score.verdict_reliable)),
                score.verdict_right,
                score.score,
            )
        )
        self.focus(scroll_visible=False)
        self._set_phase("feedback")
        feedback = self.query_one("#inspect-feedback", Box)
        feedback.update(feedback_text(item, score))
        feedback.set_class(score.verdict_right, "-right")
        feedback.set_class(not score.verdict_right, "-wrong")
        last = self.index == len(self.inspect.items) - 1
        self.query_one("#inspect-next", Line).update(t("inspect.last" if last else "inspect.next"))
        self.query_one("#inspect-explanation", SectionText).update(french_markdown(item.explanation))
        feedback.bring_into_view(top=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = {
            "next": self.phase == "feedback",
            "lateral": bool(self.inspect.lateral),
            "replay": self.phase == "summary",
        }
        return allowed.get(action, True)

    def action_next(self) -> None:
        if self.index + 1 < len(self.inspect.items):
            self._show(self.index + 1)
            return
        summary = self.query_one("#inspect-summary", Box)
        summary.update(summary_text(self.scores))
        self._set_phase("summary")
        summary.bring_into_view(top=True)

    def action_lateral(self) -> None:
        self.app.push_screen(LateralScreen(self.inspect.lateral))

    def action_replay(self) -> None:
        self.scores = []
        self._show(0)

    async def restart(self) -> None:
        """Back to the first message, as on arrival (the lesson shows the activity again)."""
        self.scores = []
        self._show(0, scroll=False)
