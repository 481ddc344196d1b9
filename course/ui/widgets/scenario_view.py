"""A branching scenario played step by step: the situation, the choices, what follows."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from course.content.model import Scenario, ScenarioChoice, ScenarioNode
from course.i18n import t
from course.ui.widgets.activity_parts import Box, ListInOnePass
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.interaction import Interaction
from course.ui.widgets.section_text import SectionText, SizedInOnePass
from course.ui.widgets.typography import french_markdown


class ScenarioView(SizedInOnePass, Vertical):
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
        # The gauges are the text's first line, drawn with its words: one widget, laid out once.
        yield SectionText(id="scenario-text")
        yield ListInOnePass([], [], multiple=False, id="scenario-choices")
        yield Box(id="scenario-feedback", markup=False)

    def on_mount(self) -> None:
        self._show(self.node)

    def _gauges(self) -> str | None:
        """The gauges on one line (`None` without gauges)."""
        if not self.scenario.gauges:
            return None
        return "".join(f"{gauge.label} : {self.gauges[gauge.id]}   " for gauge in self.scenario.gauges)

    def _draw_text(self) -> None:
        """The gauges, the situation, and at an ending what the path taught."""
        text = self.node.text
        if self.node.ending:
            text = f"{text}\n\n{self._ending_text()}"
        self.query_one("#scenario-text", SectionText).update(french_markdown(text), self._gauges())

    def _show(self, node: ScenarioNode) -> None:
        """Draw `node`: its text, its choices or, at an ending, the debrief, in one layout pass."""
        self.node = node
        self.waiting = None
        self._draw_text()
        self.query_one("#scenario-feedback", Box).display = False
        choices = self.query_one("#scenario-choices", ChoiceList)
        choices.texts = [c.text for c in node.choices]
        choices.order = list(range(len(node.choices)))
        choices.marked = set()
        choices.clear_options()
        choices.add_options(choices._build_options())
        choices.disabled = False
        choices.display = not node.ending
        if not node.ending:
            choices.highlighted = 0
        if not self.display:  # built ahead, hidden: the lesson gives the focus when it shows it
            return
        if node.ending:
            self.focus()
        else:
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

    def on_choice_list_submitted(self, event: ChoiceList.Submitted) -> None:
        event.stop()
        choices = self.query_one("#scenario-choices", ChoiceList)
        if self.waiting is not None:
            self._show(self.nodes[self.waiting.next])
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
        self._draw_text()
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
        widget = self.query_one("#scenario-feedback", Box)
        widget.update(feedback)
        widget.display = True
        self.waiting = choice
        choices.disabled = False
        widget.bring_into_view()

    def action_replay(self) -> None:
        self.gauges = {g.id: g.start for g in self.scenario.gauges}
        self.path = []
        self._show(self.nodes[self.scenario.start])

    async def restart(self) -> None:
        """Back to the start, as on arrival (the lesson shows the activity again)."""
        self.action_replay()
