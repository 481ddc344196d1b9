"""The lesson read one section at a time, its place remembered at every section like the full-screen reader."""

from __future__ import annotations

from course.content.model import Lesson, Section
from course.i18n import t
from course.learning.journey import Journey
from course.plain.console import Console
from course.plain.flatten import markdown_lines
from course.progress import StoreWriteError


def record_activity(
    console: Console,
    journey: Journey,
    lesson: Lesson,
    block: str,
    step: str,
    kind: str,
    response: object,
    response_text: str,
    correct: bool,
    score: float,
) -> None:
    """Store a choice made in an interactive section, like a quiz answer (the store's error is said)."""
    try:
        journey.record_activity(lesson, block, step, kind, response, response_text, correct, score)
    except StoreWriteError as error:
        console.say(str(error))


def callout_word(callout: str) -> str:
    """The label of a callout (« Le saviez-vous ? », « Astuce »…)."""
    return {
        "fact": t("lesson.callout.fact"),
        "tip": t("lesson.callout.tip"),
        "warning": t("lesson.callout.warning"),
        "example": t("lesson.callout.example"),
    }.get(callout, "")


def _play(console: Console, journey: Journey, lesson: Lesson, section: Section) -> None:
    """Play the section's scenario, feed simulator or inspector, if it has one."""
    if section.scenario is not None:
        from course.plain.scenario import play_scenario

        play_scenario(console, journey, lesson, section.scenario)
    elif section.feed is not None:
        from course.plain.feed import play_feed

        play_feed(console, journey, lesson, section.feed)
    elif section.inspect is not None:
        from course.plain.inspect import play_inspect

        play_inspect(console, journey, lesson, section.inspect)


def read_lesson(console: Console, journey: Journey, lesson: Lesson, section: int | None = None) -> bool:
    """Read `lesson` from `section` (else where the learner stopped); True once past its last section."""
    index = journey.section(lesson) if section is None else section
    module = journey.course.module_of(lesson)
    console.blank()
    console.say(
        t("plain.lesson.title", module=module.title, title=lesson.title)
        if module
        else t("plain.lesson.title_alone", title=lesson.title)
    )
    has_quiz = journey.course.quiz_for(lesson) is not None
    while True:
        console.help_text = t("plain.help.lesson")
        current = lesson.sections[index]
        journey.open_section(lesson, index)
        console.blank()
        console.say(t("plain.lesson.section", n=index + 1, total=len(lesson.sections), title=current.title))
        if current.callout:
            console.say(callout_word(current.callout))
        console.lines(markdown_lines(current.text))
        _play(console, journey, lesson, current)
        console.help_text = t("plain.help.lesson")
        last = index == len(lesson.sections) - 1
        instruction = t(
            "plain.lesson.next_quiz"
            if last and has_quiz
            else "plain.lesson.next_end"
            if last
            else "plain.lesson.next"
        )
        instruction += " " + (t("plain.lesson.more") if index else t("plain.lesson.more_first"))
        while True:
            typed = console.ask(instruction)
            if console.is_word(typed, t("plain.words.next")):
                if last:
                    return True
                index += 1
                break
            if console.is_word(typed, t("plain.words.previous")) and index > 0:
                index -= 1
                break
            if console.is_word(typed, t("plain.words.glossary")):
                glossary(console, journey, lesson)
            elif console.is_word(typed, t("plain.words.objectives")):
                console.say(t("lesson.objectives"))
                console.lines(["- " + objective for objective in lesson.objectives])
            elif console.is_word(typed, t("plain.words.again")):
                break
            else:  # no « p » to offer on a first section, where there is no previous one
                console.say(t("plain.hint.lesson" if index else "plain.hint.lesson_first"))


def glossary(console: Console, journey: Journey, lesson: Lesson) -> None:
    """The lesson's glossary terms, read in place."""
    terms = [journey.course.glossary[i] for i in lesson.glossary if i in journey.course.glossary]
    console.say(t("plain.glossary.title", lesson=lesson.title))
    if not terms:
        console.say(t("glossary.empty"))
    for term in terms:
        console.say(term.term + " :")
        console.lines(markdown_lines(term.definition), indent=2)
