"""The message inspector in lines: read the message, type the numbers of what alerts you, give a verdict.

Scores come from `course.quiz.discernment` and are stored as the full-screen
inspector stores them; the other tabs (lateral reading) are read with « l ».
"""

from __future__ import annotations

from course.content.model import Inspect, InspectItem, Lesson
from course.i18n import t
from course.learning.journey import Journey
from course.plain.answers import read_one, read_several, spoken_range
from course.plain.console import Console
from course.plain.flatten import markdown_lines
from course.plain.lesson import record_activity
from course.plain.scenario import replay_or_go_on
from course.quiz.discernment import ItemScore, discernment, index_band, score_item

VERDICTS = ("fiable", "trompeur")
"""Stored as is, in the order shown: 1 reliable, 2 misleading (as in the full-screen inspector)."""


def format_word(kind: str) -> str:
    """What kind of message it is, in words (SMS, publication, courriel, page web)."""
    return {
        "sms": t("inspect.format.sms"),
        "post": t("inspect.format.post"),
        "email": t("inspect.format.email"),
        "web": t("inspect.format.web"),
    }.get(kind, kind)


def _truth(reliable: bool) -> str:
    return t("inspect.truth.reliable" if reliable else "inspect.truth.misleading")


def _percent(rate: float | None) -> int:
    return round((rate or 0.0) * 100)


def summary_lines(scores: list[ItemScore]) -> list[str]:
    """The end-of-section summary: hits, false alarms, verdicts, and the discernment index in words."""
    d = discernment(scores)
    lines = [t("inspect.summary.title", n=d.messages)]
    if d.suspicious:
        lines.append(t("inspect.summary.hits", n=d.hits, total=d.suspicious, percent=_percent(d.hit_rate)))
    if d.reassuring:
        lines.append(
            t(
                "inspect.summary.false_alarms",
                n=d.false_alarms,
                total=d.reassuring,
                percent=_percent(d.false_alarm_rate),
            )
        )
    if d.reliable_total:
        lines.append(t("inspect.summary.reliable", n=d.reliable_right, total=d.reliable_total))
    if d.misleading_total:
        lines.append(t("inspect.summary.misleading", n=d.misleading_right, total=d.misleading_total))
    if d.index is None:
        lines.append(t("inspect.summary.index.none"))
    else:
        band = index_band(d.index)
        number = f"{d.index:.2f}".replace(".", t("inspect.decimal")).replace("-", t("plain.minus"))
        bands = {
            "high": t("inspect.summary.index.high"),
            "mid": t("inspect.summary.index.mid"),
            "zero": t("inspect.summary.index.zero"),
            "negative": t("inspect.summary.index.negative"),
        }
        lines.append(t("inspect.summary.index", index=number) + " " + bands[band])
    return lines


def _lateral(console: Console, inspect: Inspect) -> None:
    console.say(t("inspect.lateral.title"))
    console.say(t("inspect.lateral.intro"))
    for tab in inspect.lateral:
        console.say(t("inspect.lateral.query", query=tab.query))
        for result in tab.results:
            console.say(result.title, indent=2)
            console.say(result.source, indent=2)
            console.say(result.text, indent=2)


def _judge(console: Console, inspect: Inspect, item: InspectItem) -> tuple[list[int], int]:
    """The numbers of the clues flagged (1-based) and the verdict typed (1 or 2)."""
    console.say(t("plain.inspect.clues"))
    for n, clue in enumerate(item.clues, 1):
        console.say(f"{n}. {clue.text}")
    instruction = t("plain.inspect.clues_howto", range=spoken_range(len(item.clues)))
    if inspect.lateral:
        instruction += " " + t("plain.inspect.lateral")
    while True:
        typed = console.ask(instruction)
        if inspect.lateral and console.is_word(typed, t("plain.words.lateral")):
            _lateral(console, inspect)
            continue
        flagged = read_several(typed, len(item.clues), none_ok=True)
        if flagged.hint is None:
            break
        console.say(flagged.hint)
    console.say(t("plain.inspect.verdict"))
    typed = console.ask(t("plain.inspect.verdict_howto"), check=lambda typed: read_one(typed, 2).hint)
    return list(flagged.response), int(read_one(typed, 2).response)


def play_inspect(console: Console, journey: Journey, lesson: Lesson, inspect: Inspect) -> None:
    """Judge every message, hear why after each, then the summary; as many times as the learner asks."""
    while True:
        console.help_text = t("plain.help.inspect")
        scores: list[ItemScore] = []
        for index, item in enumerate(inspect.items):
            console.blank()
            console.say(
                t(
                    "plain.inspect.counter",
                    n=index + 1,
                    total=len(inspect.items),
                    format=format_word(item.format),
                )
            )
            for detail in item.details:
                console.say(f"{detail.label} : {detail.value}")
            numbers, verdict_number = _judge(console, inspect, item)
            flagged = [item.clues[n - 1].id for n in numbers]
            verdict = VERDICTS[verdict_number - 1]
            score = score_item(item, set(flagged), verdict == "fiable")
            scores.append(score)
            flagged_text = " | ".join(item.clues[n - 1].text for n in numbers) or t("inspect.response.none")
            record_activity(
                console,
                journey,
                lesson,
                inspect.id,
                item.id,
                "inspect",
                {"flagged": flagged, "verdict": verdict},
                t("inspect.response", flagged=flagged_text, verdict=_truth(score.verdict_reliable)),
                score.verdict_right,
                score.score,
            )
            _feedback(console, item, score)
            last = index + 1 == len(inspect.items)
            console.ask(
                t("plain.next.summary" if last else "plain.next.message"),
                check=lambda typed: (
                    None if (console.is_word(typed, t("plain.words.next"))) else t("plain.hint.next")
                ),
            )
        console.blank()
        console.lines(summary_lines(scores))
        if not replay_or_go_on(console):
            return


def _feedback(console: Console, item: InspectItem, score: ItemScore) -> None:
    """The verdict first, then each clue with its word and why, then the message's explanation."""
    truth, given = _truth(item.reliable), _truth(score.verdict_reliable)
    if score.verdict_right:
        console.say(t("plain.verdict.right") + " " + t("inspect.verdict.right", truth=truth))
    else:
        console.say(t("plain.verdict.not_quite") + " " + t("inspect.verdict.wrong", truth=truth, given=given))
    for clue in item.clues:
        word = (
            t("inspect.clue.hit")
            if clue.id in score.hits
            else t("inspect.clue.false_alarm")
            if clue.id in score.false_alarms
            else t("inspect.clue.miss")
            if clue.id in score.misses
            else t("inspect.clue.rejection")
        )
        console.say(f"{clue.text} : {word}.")
        console.say(clue.explanation, indent=2)
    console.lines(markdown_lines(item.explanation))
    console.say(t("inspect.item_score", percent=round(score.score * 100)))
