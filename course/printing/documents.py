"""The two printed documents: a module for learners, and the trainer's booklet.

For learners: the lessons section by section (interactive sections as paper
activities), the quizzes as worksheets, the answer key at the end, then the
glossary. For the trainer: notes, group activities, sources and objectives,
lesson by lesson; nothing of it is ever in the learners' copy.
"""

from __future__ import annotations

from course.content.course import Course
from course.content.model import Feed, Inspect, Lesson, Module, Quiz, Scenario, Section
from course.i18n import t
from course.plain.inspect import format_word
from course.plain.lesson import callout_word
from course.printing.activity_key import activity_key
from course.printing.blocks import Block, Document, Heading, Items, Line, Prose, bare
from course.printing.worksheets import answer_key, worksheet


def _scenario(scenario: Scenario) -> list[Block]:
    """A branching story on paper: numbered steps, each choice saying which step to read next."""
    numbers = {node.id: n for n, node in enumerate(scenario.nodes, 1)}
    blocks: list[Block] = [Line(t("print.scenario.intro", start=numbers[scenario.start]), "muted")]
    for node in scenario.nodes:
        blocks.append(Line(t("print.scenario.step", n=numbers[node.id]), "strong"))
        blocks.append(Prose(node.text))
        if node.choices:
            blocks.append(
                Items(
                    [
                        t("print.scenario.choice", text=c.text, n=numbers.get(c.next, "?"))
                        for c in node.choices
                    ],
                    "tick",
                )
            )
        else:
            blocks.append(Line(t("print.scenario.ending"), "muted"))
    if scenario.debrief:
        blocks += [Line(t("print.debrief"), "strong"), Prose(scenario.debrief)]
    return blocks


def _feed(feed: Feed) -> list[Block]:
    """The simulator's posts as cards to sort: like some, then see which topics are left out."""
    topics = {topic.id: topic.label for topic in feed.topics}
    blocks: list[Block] = [Line(t("print.feed.intro"), "muted")]
    blocks.append(
        Items(
            [
                t("print.feed.post", topic=topics.get(p.topic, p.topic), text=p.text, source=p.source)
                for p in feed.posts
            ],
            "tick",
        )
    )
    if feed.debrief:
        blocks += [Line(t("print.debrief"), "strong"), Prose(feed.debrief)]
    return blocks


def _inspect(inspect: Inspect) -> list[Block]:
    """Each message to inspect, its clues to tick, and a verdict to give."""
    blocks: list[Block] = []
    for n, item in enumerate(inspect.items, 1):
        blocks.append(Line(t("print.inspect.message", n=n, format=format_word(item.format)), "strong"))
        blocks.append(Items([f"{d.label} : {d.value}" for d in item.details]))
        blocks.append(Line(t("print.inspect.clues"), "muted"))
        blocks.append(Items([c.text for c in item.clues], "tick"))
        blocks.append(
            Items([t("inspect.verdict.reliable"), t("inspect.verdict.misleading")], "tick", inline=True)
        )
    for tab in inspect.lateral:
        blocks.append(Line(t("inspect.lateral.query", query=tab.query), "strong"))
        blocks.append(Items([f"{r.title} ({r.source}) : {r.text}" for r in tab.results]))
    return blocks


def _section(section: Section) -> list[Block]:
    label = callout_word(section.callout) if section.callout else None
    blocks: list[Block] = [Heading(3, section.title)]
    if section.text.strip():
        blocks.append(Prose(section.text, label))
    if section.scenario is not None:
        blocks += _scenario(section.scenario)
    if section.feed is not None:
        blocks += _feed(section.feed)
    if section.inspect is not None:
        blocks += _inspect(section.inspect)
    return blocks


def _lesson(lesson: Lesson, first: bool) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, lesson.title, new_page=not first),
        Line(lesson.summary, "muted"),
        Line(t("print.lesson.duration", n=lesson.duration_min), "muted"),
        Line(t("lesson.objectives"), "strong"),
        Items(list(lesson.objectives)),
    ]
    for section in lesson.sections:
        blocks += _section(section)
    return blocks


def _quizzes(course: Course, module: Module) -> list[Quiz]:
    """The module's quizzes in the order they are met: pre-test, lessons' quizzes, post-test."""
    ids = [module.pretest] + [lesson.quiz for lesson in course.lessons_of(module)] + [module.posttest]
    return [course.quizzes[i] for i in ids if i and i in course.quizzes]


def _glossary(course: Course, lessons: list[Lesson]) -> list[Block]:
    ids = list(dict.fromkeys(term for lesson in lessons for term in lesson.glossary))
    terms = sorted(
        (course.glossary[i] for i in ids if i in course.glossary), key=lambda term: term.term.casefold()
    )
    if not terms:
        return []
    blocks: list[Block] = [Heading(2, t("print.glossary.title"), new_page=True)]
    for term in terms:
        blocks += [Line(term.term, "strong"), Prose(term.definition)]
    return blocks


def module_doc(course: Course, modules: list[Module], language: str) -> Document:
    """The learners' printable: lessons, worksheets, the answer key, the glossary (`language`: the content's)."""
    subtitle = modules[0].title if len(modules) == 1 else t("print.whole_course")
    doc = Document(course.title, subtitle, language)
    lessons: list[Lesson] = []
    for module in modules:
        if len(modules) > 1:  # the whole course: each module opens on its own page, under its title
            doc.add(
                Heading(
                    2,
                    t("map.module", n=course.modules.index(module) + 1, title=module.title),
                    new_page=bool(lessons),
                )
            )
        if module.summary:
            doc.add(Prose(module.summary))
        for number, lesson in enumerate(course.lessons_of(module)):
            doc.add(*_lesson(lesson, first=number == 0 and (len(modules) > 1 or not lessons)))
            lessons.append(lesson)
    quizzes = [quiz for module in modules for quiz in _quizzes(course, module)]
    for quiz in quizzes:
        doc.add(*worksheet(course, quiz))
    if quizzes:
        doc.add(*answer_key(course, quizzes))
    activities = activity_key(lessons)
    if activities and not quizzes:
        doc.add(Heading(2, t("print.key.title"), new_page=True))
    doc.add(*activities)
    doc.add(*_glossary(course, lessons))
    return doc


def booklet_doc(course: Course, modules: list[Module], language: str) -> Document:
    """The trainer's booklet: per lesson, objectives, notes, the group activity and the sources."""
    subtitle = modules[0].title if len(modules) == 1 else t("print.whole_course")
    doc = Document(t("print.booklet.title", title=course.title), subtitle, language)
    for module in modules:
        if len(modules) > 1:
            doc.add(
                Heading(
                    2,
                    t("map.module", n=course.modules.index(module) + 1, title=module.title),
                    new_page=module is not modules[0],
                )
            )
        if module.competences:
            doc.add(
                Line(t("print.booklet.competences"), "strong"),
                Items([f"{c.code} {c.label}" for c in module.competences]),
            )
        for lesson in course.lessons_of(module):
            trainer = lesson.trainer
            doc.add(
                Heading(2, lesson.title),
                Line(lesson.summary, "muted"),
                Line(t("print.lesson.duration", n=lesson.duration_min), "muted"),
                Line(t("lesson.objectives"), "strong"),
                Items(list(lesson.objectives)),
            )
            if trainer and trainer.notes.strip():
                doc.add(Line(t("print.booklet.notes"), "strong"), Prose(trainer.notes))
            if trainer and trainer.activity.strip():
                doc.add(Line(t("print.booklet.activity"), "strong"), Prose(trainer.activity))
            if lesson.sources:
                doc.add(
                    Line(t("print.booklet.sources"), "strong"),
                    Items([bare(f"{s.ref} ({s.url})") if s.url else s.ref for s in lesson.sources]),
                )
            quiz = course.quiz_for(lesson)
            if quiz is not None:
                doc.add(
                    Line(
                        t(
                            "print.booklet.quiz",
                            title=course.quiz_title(quiz),
                            n=len(quiz.questions),
                            percent=round(quiz.pass_ratio * 100),
                        ),
                        "muted",
                    )
                )
    return doc
