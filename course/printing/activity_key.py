"""The answer key of the lessons' paper activities: the inspector's verdicts and the scenario's choices.

On paper, nobody says after each choice what it was worth: a learner who ticked
the clues of ten messages, or followed a branching story, finds here, at the
end with the worksheets' answers, which clues should alert, each message's
verdict, and what each choice of the story leads to and why.
"""

from __future__ import annotations

from course.content.model import Inspect, Lesson, Scenario
from course.i18n import t
from course.printing.blocks import Block, Heading, Items, Line, Prose


def _inspect_key(inspect: Inspect) -> list[Block]:
    blocks: list[Block] = []
    for n, item in enumerate(inspect.items, 1):
        verdict = t("inspect.verdict.reliable" if item.reliable else "inspect.verdict.misleading")
        blocks.append(Line(t("print.key.inspect.message", n=n, verdict=verdict), "strong"))
        blocks.append(
            Items(
                [
                    t(
                        "print.key.inspect.alert" if clue.suspicious else "print.key.inspect.calm",
                        text=clue.text,
                        why=clue.explanation,
                    )
                    for clue in item.clues
                ]
            )
        )
        if item.explanation.strip():
            blocks.append(Prose(item.explanation))
    return blocks


def _choice_word(good: bool | None) -> str:
    if good is None:
        return ""
    return t("print.key.scenario.good" if good else "print.key.scenario.bad")


def _scenario_key(scenario: Scenario) -> list[Block]:
    numbers = {node.id: n for n, node in enumerate(scenario.nodes, 1)}
    blocks: list[Block] = []
    for node in scenario.nodes:
        if not node.choices:
            continue
        blocks.append(Line(t("print.scenario.step", n=numbers[node.id]), "strong"))
        entries = []
        for choice in node.choices:
            parts = [choice.text + " :", _choice_word(choice.good), choice.feedback or ""]
            entries.append(" ".join(part for part in parts if part))
        blocks.append(Items(entries))
    return blocks


def activity_key(lessons: list[Lesson]) -> list[Block]:
    """The key of every inspector and scenario of `lessons`, one heading per activity; nothing if none."""
    blocks: list[Block] = []
    for lesson in lessons:
        for section in lesson.sections:
            if section.inspect is None and section.scenario is None:
                continue
            blocks.append(Heading(3, t("print.key.activity", title=section.title, lesson=lesson.title)))
            if section.inspect is not None:
                blocks += _inspect_key(section.inspect)
            if section.scenario is not None:
                blocks += _scenario_key(section.scenario)
    return blocks
