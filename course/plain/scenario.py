"""A branching scenario in lines: the situation, numbered choices, what follows, then the debrief.

Each choice is stored as the full-screen scenario stores it (block, step,
kind "scenario", index, text, good or not); gauges are said as figures.
"""

from __future__ import annotations

from collections.abc import Callable

from course.content.model import Lesson, Scenario, ScenarioChoice
from course.i18n import t
from course.learning.journey import Journey
from course.plain.answers import read_one, spoken_range
from course.plain.console import Console
from course.plain.flatten import markdown_lines
from course.plain.lesson import record_activity


def play_scenario(console: Console, journey: Journey, lesson: Lesson, scenario: Scenario) -> None:
    """Play `scenario` to an ending, as many times as the learner asks."""
    nodes = {node.id: node for node in scenario.nodes}
    while True:
        console.help_text = t("plain.help.scenario")
        gauges = {g.id: g.start for g in scenario.gauges}
        path: list[ScenarioChoice] = []
        node = nodes[scenario.start]
        console.say(t("plain.scenario.start"))
        while not node.ending and node.choices:
            console.blank()
            _say_gauges(console, scenario, gauges)
            console.lines(markdown_lines(node.text))
            for n, choice in enumerate(node.choices, 1):
                console.say(f"{n}. {choice.text}")
            count = len(node.choices)
            typed = console.ask(
                t("plain.type_one", range=spoken_range(count)) + " " + t("plain.back_word"),
                check=_one_of(count),
            )
            index = int(read_one(typed, count).response) - 1
            choice = node.choices[index]
            for effect in choice.effects:
                gauges[effect.gauge] = gauges.get(effect.gauge, 0) + effect.delta
            path.append(choice)
            record_activity(
                console,
                journey,
                lesson,
                scenario.id,
                node.id,
                "scenario",
                index,
                choice.text,
                choice.good is not False,
                0.0 if choice.good is False else 1.0,
            )
            if choice.good is True:
                console.say(t("scenario.good"))
            elif choice.good is False:
                console.say(t("scenario.bad"))
            if choice.technique:
                console.say(t("scenario.technique", name=choice.technique))
            if choice.feedback:
                console.lines(markdown_lines(choice.feedback))
            _say_gauges(console, scenario, gauges)
            console.ask(
                t("plain.next.go_on"),
                check=lambda typed: (
                    None if console.is_word(typed, t("plain.words.next")) else t("plain.hint.next")
                ),
            )
            node = nodes[choice.next]
        console.blank()
        console.lines(markdown_lines(node.text))
        console.say(t("scenario.end"))
        techniques = [c.technique for c in path if c.technique]
        if techniques:
            console.say(t("scenario.techniques", list=", ".join(dict.fromkeys(techniques))))
        good, bad = sum(c.good is True for c in path), sum(c.good is False for c in path)
        if good or bad:
            console.say(t("scenario.practices", good=good, bad=bad))
        console.lines(markdown_lines(scenario.debrief))
        if not replay_or_go_on(console):
            return


def _one_of(count: int) -> Callable[[str], str | None]:
    """The check of an answer that must be one number from 1 to `count`."""
    return lambda typed: read_one(typed, count).hint


def replay_or_go_on(console: Console) -> bool:
    """Ask « rejouer » or « suite » at the end of an activity; True to replay."""
    typed = console.ask(
        t("plain.activity.end"),
        check=lambda typed: (
            None
            if (
                console.is_word(typed, t("plain.words.next"))
                or console.is_word(typed, t("plain.words.replay"))
            )
            else t("plain.hint.activity_end")
        ),
    )
    return console.is_word(typed, t("plain.words.replay"))


def _say_gauges(console: Console, scenario: Scenario, gauges: dict[str, int]) -> None:
    if scenario.gauges:
        console.say(" ; ".join(f"{g.label} : {gauges[g.id]}" for g in scenario.gauges) + ".")
