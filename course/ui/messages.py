"""Messages that more than one screen posts up to the app ("attributes down, messages up").

A screen never calls the app's methods: it posts one of these (or one of its own
nested messages, such as `QuizScreen.Finished`) and the app decides what to show.
"""

from __future__ import annotations

from textual.message import Message

from course.content.model import Quiz


class BackChosen(Message):
    """The learner asked to go back (Esc or a "Retour" button): leave the screen on show."""


class LessonChosen(Message):
    """The learner picked a lesson to read, from its first unread section or from `section`."""

    def __init__(self, lesson_id: str, section: int | None = None) -> None:
        super().__init__()
        self.lesson_id = lesson_id
        self.section = section


class QuizChosen(Message):
    """The learner asked for a quiz (a module test from the map, or a new attempt from the results).

    `replace`: the quiz takes the place of the screen on show instead of going on top of it.
    """

    def __init__(self, quiz: Quiz, *, replace: bool = False) -> None:
        super().__init__()
        self.quiz = quiz
        self.replace = replace
