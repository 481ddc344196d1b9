"""A branching scenario played step by step: the situation, the choices, what follows."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from course.content.model import Scenario, ScenarioChoice, ScenarioNode
from course.i18n import t
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.interaction import Interaction


class ScenarioView(Vertical):
    """Plays `scenario`: each choice is posted as an `Interaction`, then its feedback is shown."""

    BINDINGS = [Binding("r", "replay", t("scenario.key.replay"))]
    can_focus = True

    def __init__(self, scenario: Scenario) -> None:
        super().__init__(classes="scenario")
        self.scenario = scenario
        self.nodes = {node.id: node for node in scenario.nodes}
        self.node = self.nodes[scenario.start]
        self.gauges = {g.id: g.start for g in scenario.gauges}
        self.path: list[ScenarioChoice] = []
        self.waiting: ScenarioChoice | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="scenario-gauges", markup=False)
        yield Markdown(id="scenario-text", open_links=False)
        yield ChoiceList([], [], multiple=False, id="scenario-choices")
        yield Static(id="scenario-feedback", markup=False)
        yield Markdown(id="scenario-debrief", open_links=False)

    async def on_mount(self) -> None:
        await self._show(self.node)

    def _gauges(self) -> Text:
        text = Text()
        for gauge in self.scenario.gauges:
            text.append(f"{gauge.label} : {self.gauges[gauge.id]}   ", style="bold")
        return text

    async def _show(self, node: ScenarioNode) -> None:
        """Draw `node`; awaited, so its text is laid out when the lesson places the choices in view."""
        self.node = node
        self.waiting = None
        gauges = self.query_one("#scenario-gauges", Static)
        gauges.display = bool(self.scenario.gauges)
        gauges.update(self._gauges())
        await self.query_one("#scenario-text", Markdown).update(node.text)
        self.query_one("#scenario-feedback", Static).display = False
        choices = self.query_one("#scenario-choices", ChoiceList)
        choices.texts = [c.text for c in node.choices]
        choices.order = list(range(len(node.choices)))
        choices.marked = set()
        choices.clear_options()
        choices.add_options(choices._build_options())
        choices.disabled = False
        choices.display = not node.ending
        debrief = self.query_one("#scenario-debrief", Markdown)
        debrief.display = node.ending
        if node.ending:
            await debrief.update(self._ending_text())
            self.focus()
        else:
            choices.highlighted = 0
            choices.focus()

    def _ending_text(self) -> str:
        techniques = [c.technique for c in self.path if c.technique]
        parts = [f"**{t('scenario.end')}**"]
        if techniques:
            parts.append(t("scenario.techniques", list=", ".join(dict.fromkeys(techniques))))
        good = sum(c.good is True for c in self.path)
        bad = sum(c.good is False for c in self.path)
        if good or bad:
            parts.append(t("scenario.practices", good=good, bad=bad))
        if self.scenario.debrief:
            parts.append(self.scenario.debrief)
        parts.append(t("scenario.replay_hint"))
        return "\n\n".join(parts)

    async def on_choice_list_submitted(self, event: ChoiceList.Submitted) -> None:
        event.stop()
        choices = self.query_one("#scenario-choices", ChoiceList)
        if self.waiting is not None:
            await self._show(self.nodes[self.waiting.next])
            return
        index = choices.response()[0]
        choice = self.node.choices[index]
        for effect in choice.effects:
            self.gauges[effect.gauge] = self.gauges.get(effect.gauge, 0) + effect.delta
        self.path.append(choice)
        self.post_message(
            Interaction(
                self.scenario.id,
                self.node.id,
                "scenario",
                index,
                choice.text,
                choice.good is not False,
                0.0 if choice.good is False else 1.0,
            )
        )
        self.query_one("#scenario-gauges", Static).update(self._gauges())
        feedback = Text()
        if choice.good is True:
            feedback.append("✓ " + t("scenario.good") + " ", style="bold")
        elif choice.good is False:
            feedback.append("✗ " + t("scenario.bad") + " ", style="bold")
        if choice.technique:
            feedback.append(t("scenario.technique", name=choice.technique) + "\n", style="italic")
        if choice.feedback:
            feedback.append(choice.feedback + "\n")
        feedback.append(t("scenario.continue"), style="dim")
        widget = self.query_one("#scenario-feedback", Static)
        widget.update(feedback)
        widget.display = True
        self.waiting = choice
        choices.disabled = False
        self.call_after_refresh(widget.scroll_visible)

    async def action_replay(self) -> None:
        self.gauges = {g.id: g.start for g in self.scenario.gauges}
        self.path = []
        await self._show(self.nodes[self.scenario.start])

    async def restart(self) -> None:
        """Back to the start, as on arrival (the lesson shows the activity again)."""
        await self.action_replay()
