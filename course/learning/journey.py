"""One learner's way through a course: where they are, what is done, what comes next.

This is the only place that knows how the app's state is laid out in the
progress store; the screens ask it questions and tell it what happened.
Answers are stored the moment they are given; attempt scores, lesson states
and review cards are derived from them.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from course.content.course import Course
from course.content.model import Lesson, Question, Quiz
from course.learning.scoring import attempt_score, is_passed, latest_by_question, sitting_key
from course.progress import (
    AnswerRecord,
    Learner,
    ProgressStore,
    StoreError,
    StoreWriteError,
    UnknownLearnerError,
)
from course.progress.paths import segment_number, sha256_hex
from course.progress.records import Appended, RecordError, new_id, utc_now
from course.progress.summary import (
    Identity,
    answers_identity,
    identity_after,
    load_summary,
    save_summary,
)
from course.quiz.review import LEARNT, ReviewCard, due_cards, next_card, next_due, review_cards

if TYPE_CHECKING:  # grading is imported by the quiz screen, not by the map
    from course.quiz.grading import Grade

KEPT_RESULTS = 12
"""A quiz's results kept whole in the summary up to this many attempts; past it, its figures only."""
KEPT_LAST = 5
"""Past KEPT_RESULTS attempts, the last ones the summary keeps (a results screen shows five)."""
LessonState = Literal["not_started", "in_progress", "done"]


@dataclass(frozen=True, slots=True)
class LessonStatus:
    state: LessonState
    best_score: float | None  # 0..1, best finished attempt
    passed: bool
    attempts: int


@dataclass(frozen=True, slots=True)
class Attempt:
    quiz: Quiz
    number: int
    seed: int
    answered: frozenset[str]
    sitting: str = ""
    """The attempt's own id, stored with each of its answers ("" for an attempt begun before ids)."""

    def remaining(self) -> list[Question]:
        return [q for q in self.quiz.questions if q.id not in self.answered]

    def choice_order(self, question: Question, count: int) -> list[int]:
        """The on-screen order of a question's choices, stable within an attempt."""
        order = list(range(count))
        if self.quiz.shuffle:
            random.Random(f"{self.seed}:{question.id}").shuffle(order)
        return order


@dataclass(frozen=True, slots=True)
class AttemptResult:
    number: int
    score: float
    passed: bool
    missed: list[str]
    when: str
    complete: bool = True
    """Every question of the quiz answered in this attempt."""
    partial: tuple[str, ...] = ()
    """Questions answered partly right: each counts for its share in `score`, and is in `missed` too."""


class Journey:
    """A learner's progress in one course, read from and written to the store."""

    def __init__(
        self, course: Course, store: ProgressStore, learner: Learner, session: str | None = None
    ) -> None:
        self.course = course
        self.store = store
        self.learner = learner
        self.session = session
        self._loaded: list[AnswerRecord] | None = None
        self._grouped: tuple[list[AnswerRecord], int, dict[str, list[AnswerRecord]]] = ([], 0, {})
        self._results: tuple[list[AnswerRecord], int, dict[str, Any], dict[str, list[AttemptResult]]] = (
            [],
            0,
            {},
            {},
        )
        self._state = store.get_state(learner.id)
        self.on_store_error: Callable[[StoreError], None] | None = None
        """Told of a write that failed (the app says it where the learner is); None: raise."""
        self._course_key = _course_key(course)
        self._summary: dict[str, Any] | None = None
        self._known: Identity | None = None
        """The answer files' identity the summary (and the answers in memory, once read) was
        derived from, exactly; None once that is not sure (the summary is then no longer saved)."""
        self._asked_in: tuple[Course | None, frozenset[tuple[str, str]]] = (None, frozenset())
        self._created: set[str] = set()
        """Attempts (sitting ids) this journey opened while it knew the files exactly."""
        self._closing: tuple[str, str, list[Any] | None, str] | None = None
        self._finished: tuple[str, str, list[AnswerRecord]] | None = None
        """The last attempt closed while no answer was read: its answers (results screen)."""
        kept = load_summary(store.paths, learner.id, self._course_key)
        if kept is not None:
            self._summary, self._known = kept
        if self._summary is None or not self._summary_fits_state():
            self._save_summary()  # missing or stale: derived from the answers once, then kept

    @property
    def _answers(self) -> list[AnswerRecord]:
        """Every answer of the learner, read from the store the first time something needs
        them: with a fresh summary, opening the map reads none."""
        if self._loaded is None:
            self._reread()
        assert self._loaded is not None
        return self._loaded

    @_answers.setter
    def _answers(self, answers: list[AnswerRecord]) -> None:
        self._loaded = answers

    # -- summary ----------------------------------------------------------------
    def _save_summary(self) -> None:
        """Derive every quiz's results and the review cards from the answers and keep them
        (`course.progress.summary`). The answer files' identity is taken before they are
        read, so an answer written meanwhile makes the summary stale, never wrong."""
        learner_id = self.learner.id
        self._known = None
        if self._waiting():
            self._summary = None
            return  # answers not on disk yet: their identity cannot describe them
        seen = answers_identity(self.store.paths, learner_id)
        self._answers = self.store.answers(learner_id)
        quizzes = {quiz_id: self._summary_of(quiz_id) for quiz_id in self.course.quizzes}
        reset = str(self._state.get("reset_all") or "")
        cards = [
            [c.quiz, c.question, c.box, c.due.isoformat()]
            for c in review_cards(self._since_reset_all()).values()
        ]
        latest = max((a.timestamp for a in self._answers), default="")
        derived = {"quizzes": quizzes, "reset_all": reset, "cards": cards, "latest": latest}
        self._summary = derived
        if self._waiting():
            return
        save_summary(self.store.paths, learner_id, self._course_key, seen, derived)
        if answers_identity(self.store.paths, learner_id) == seen:
            self._known = seen  # nothing was written while the answers were read

    def _waiting(self) -> bool:
        """Some of the learner's answers wait in the store's memory (not on disk yet)."""
        return any(r.learner == self.learner.id for r in self.store.pending_answers())

    def _forget_summary(self) -> None:
        """Not sure any more what the files hold: stop saving, and let the figures come from
        the answers (read again if needed); the next start rebuilds the summary."""
        self._known = None
        self._summary = None
        self._created = set()
        self._finished = None

    def _unchanged_since(self, quiz_id: str, sitting: str) -> bool:
        """No answer needs reading for the attempt under way: the summary holds its answers,
        and the files are still those the summary knows."""
        return (
            self._open_answers(quiz_id, sitting) is not None
            and not self._waiting()
            and answers_identity(self.store.paths, self.learner.id) == self._known
        )

    def _open_answers(self, quiz_id: str, sitting: str) -> list[AnswerRecord] | None:
        """The answers of the attempt under way, as the summary keeps them while no answer
        was read (None otherwise)."""
        entry = self._summary_entry(quiz_id) if sitting and self._known is not None else None
        rows = entry.get("open") if entry is not None else None
        if entry is None or entry["key"][1] != sitting or type(rows) is not list:
            return None
        try:
            return [AnswerRecord.from_dict(row) for row in rows]
        except (RecordError, TypeError, ValueError, AttributeError):
            return None

    def _keep_summary(self) -> None:
        if self._known is not None and self._summary is not None:
            save_summary(self.store.paths, self.learner.id, self._course_key, self._known, self._summary)

    def _reread(self) -> None:
        """Read every answer again (another window's too), unless the files are still those
        the answers in memory came from (one look at the folder, no answer read). The summary
        keeps following the files only while they are those it knew."""
        learner_id = self.learner.id
        if self._known is None:
            self._loaded = self.store.answers(learner_id)
            return
        before = answers_identity(self.store.paths, learner_id)
        if self._loaded is not None and before == self._known and not self._waiting():
            return
        self._loaded = self.store.answers(learner_id)
        if (
            before != self._known
            or self._waiting()
            or answers_identity(self.store.paths, learner_id) != before
        ):
            self._forget_summary()

    def _moved_on(self, quiz_id: str, entry: dict[str, Any], key: list[Any]) -> dict[str, Any] | None:
        """A quiz's entry after this journey opened or closed one of its own attempts, with no
        answer read (None if it is neither): opening adds no result; closing adds the
        attempt's, from its answers (all written by this journey). A new entry: the summary's
        values are replaced, never changed in place (`save_summary` keeps their text)."""
        before = entry.get("key")
        if not isinstance(before, list) or len(before) != 2 or before[0] != key[0]:
            return None
        entry = dict(entry)
        if before[1] is None and key[1] in self._created:
            entry["key"], entry["open"] = key, []  # a new attempt: nobody answered it yet
            return entry
        closing = self._closing
        if key[1] is not None or closing is None:
            return None
        if closing[:2] != (quiz_id, before[1]):
            return None
        row, begun = closing[2], closing[3]
        count, best, until = entry.get("count"), entry.get("best"), entry.get("until")
        if row is not None:
            if type(count) is not int or not (best is None or type(best) in (int, float)):
                return None
            # Results come in the order their attempts began: this one goes last only if it
            # began after every answer of the others (another machine's attempt, imported,
            # may have begun after it).
            if type(until) is not str or not _plain_time(begun) or not (until == "" or _plain_time(until)):
                return None
            if begun <= until or not _plain_time(row[4]):
                return None
            entry["until"] = max(until, row[4])
            results = entry.get("results")
            entry["count"] = count + 1
            entry["best"] = row[1] if best is None else max(best, row[1])
            entry["passed"] = bool(entry.get("passed")) or row[2]
            entry["first"] = entry.get("first") or row
            last = entry.get("last")
            if isinstance(results, list):  # the last ones are the end of the results kept
                last = results
            kept = [*results, row] if isinstance(results, list) else None
            entry["results"] = kept if kept is not None and len(kept) <= KEPT_RESULTS else None
            whole = entry["results"] is not None
            entry["last"] = None if whole or not isinstance(last, list) else [*last, row][-KEPT_LAST:]
        entry["key"], entry["open"] = key, []
        return entry

    def _followed(self, appended: Appended | None, stored: AnswerRecord) -> Identity | None:
        """The files' identity after our own write of `stored`, if the files were, just
        before it, those the summary was derived from; None otherwise."""
        known = self._known
        if known is None or appended is None or appended.ids != (stored.id,):
            return None
        if (appended.before is None and known) or (
            appended.before is not None and known[-1:] != [appended.before]
        ):
            return None
        after = appended.after  # the segment `before` names, rewritten, or those after it
        if any(segment_number(str(seen[0])) is None for seen in after):
            return None
        return identity_after(known, after)

    def _count_answer(self, stored: AnswerRecord) -> bool:
        """Bring the summary up to date with one more answer, without reading the others;
        False when that cannot be done exactly."""
        summary = self._summary
        if summary is None:
            return False
        latest = summary.get("latest")
        if not isinstance(latest, str) or stored.timestamp <= latest or not _plain_time(stored.timestamp):
            return False  # not the newest answer: its place among the others is unknown
        if stored.quiz in self.course.quizzes and stored.mode == "quiz":
            reset = self._quiz_state(stored.quiz).get("reset", "")
            entry = summary["quizzes"].get(stored.quiz)
            if stored.timestamp <= reset:
                pass
            elif sitting_key(stored) != self._results_key(stored.quiz)[1]:
                if self._loaded is None:
                    return False  # an attempt already closed changes: its answers are needed
                summary["quizzes"][stored.quiz] = self._summary_of(stored.quiz)
            elif (
                isinstance(entry, dict) and type(entry.get("top")) is int and type(entry.get("open")) is list
            ):
                top = max(entry["top"], stored.attempt)  # the attempt under way: no result yet
                rows = [*entry["open"], stored.to_dict()]
                summary["quizzes"][stored.quiz] = {**entry, "top": top, "open": rows}
            else:
                return False
        if stored.timestamp > str(self._state.get("reset_all") or ""):
            try:
                cards = {(c[0], c[1]): c for c in summary["cards"]}
                key = (stored.quiz, stored.question)
                old = cards.get(key)
                before = (
                    None
                    if old is None
                    else ReviewCard(old[0], old[1], old[2], datetime.fromisoformat(old[3]))
                )
                card = next_card(before, stored)
            except (KeyError, TypeError, ValueError, IndexError):
                return False
            if card is not None and card is not before:  # a right answer outside review: no change
                cards[key] = [card.quiz, card.question, card.box, card.due.isoformat()]
                summary["cards"] = list(cards.values())
        summary["latest"] = stored.timestamp
        return True

    def _state_changed(self) -> None:
        """After a change of state: the quizzes whose results depend on it are derived again
        (from the answers in memory, or known empty after a reset) and the summary saved."""
        summary = self._summary
        if self._known is None or summary is None:
            return
        latest = str(summary.get("latest") or "")
        reset_all = str(self._state.get("reset_all") or "")
        changed = False
        if summary.get("reset_all") != reset_all:
            if self._loaded is not None:
                summary["cards"] = [
                    [c.quiz, c.question, c.box, c.due.isoformat()]
                    for c in review_cards(self._since_reset_all()).values()
                ]
            elif not (_plain_time(reset_all) and latest < reset_all):
                self._forget_summary()
                return
            else:
                summary["cards"] = []  # every answer came before « Tout recommencer »
            summary["reset_all"] = reset_all
            changed = True
        quizzes = summary["quizzes"]
        for quiz_id in self.course.quizzes:
            entry = quizzes.get(quiz_id)
            key = self._results_key(quiz_id)
            if isinstance(entry, dict) and entry.get("key") == key:
                continue
            changed = True
            if self._loaded is not None:
                quizzes[quiz_id] = self._summary_of(quiz_id)
            elif key[1] is None and _plain_time(key[0]) and latest < key[0]:
                quizzes[quiz_id] = _no_results(key)  # reset after every answer, none under way
            elif isinstance(entry, dict) and (moved := self._moved_on(quiz_id, entry, key)) is not None:
                quizzes[quiz_id] = moved
            else:
                self._forget_summary()
                return
        if changed:
            self._keep_summary()

    def _summary_fits_state(self) -> bool:
        """The summary was derived under the state as it is (resets, attempts under way)."""
        summary = self._summary or {}
        quizzes = summary.get("quizzes")
        if not isinstance(quizzes, dict) or summary.get("reset_all") != str(
            self._state.get("reset_all") or ""
        ):
            return False
        return all(
            isinstance(quizzes.get(quiz_id), dict)
            and quizzes[quiz_id].get("key") == self._results_key(quiz_id)
            for quiz_id in self.course.quizzes
        )

    def _results_key(self, quiz_id: str) -> list[Any]:
        """What a quiz's results depend on in the state: its reset and the attempt under way."""
        entry = self._quiz_state(quiz_id)
        current = (
            (str(entry.get("sitting") or "") or f"#{_int(entry.get('attempt'))}")
            if entry.get("open")
            else None
        )
        return [str(entry.get("reset", "")), current]

    def _summary_of(self, quiz_id: str) -> dict[str, Any]:
        """What the summary keeps of a quiz: its figures, and its results while they are few
        (the summary stays small however many attempts the learner made)."""
        results = self.results(quiz_id)
        whole = len(results) <= KEPT_RESULTS  # else the last ones only: the summary stays small
        return {
            "key": self._results_key(quiz_id),
            "top": max((a.attempt for a in self._since_reset(quiz_id)), default=0),
            "open": self._open_rows(quiz_id),
            "count": len(results),
            "best": max((r.score for r in results), default=None),
            "passed": any(r.passed for r in results),
            "first": _result_row(results[0]) if results else None,
            "until": max((r.when for r in results), default=""),
            "last": None if whole else [_result_row(r) for r in results[-KEPT_LAST:]],
            "results": [_result_row(r) for r in results] if whole else None,
        }

    def _open_rows(self, quiz_id: str) -> list[dict[str, Any]]:
        """The answers of the attempt under way (none if none is), as the summary keeps them."""
        current = self._results_key(quiz_id)[1]
        if current is None:
            return []
        return [a.to_dict() for a in self._since_reset(quiz_id) if sitting_key(a) == current]

    def _summary_entry(self, quiz_id: str) -> dict[str, Any] | None:
        """The summary's entry for a quiz, while no answer has been read since and the quiz's
        state is the one it was derived under; None otherwise."""
        if self._loaded is not None or self._summary is None:
            return None
        entry = self._summary["quizzes"].get(quiz_id)
        if not isinstance(entry, dict) or entry.get("key") != self._results_key(quiz_id):
            return None
        return entry

    def _summary_results(self, quiz_id: str) -> list[AttemptResult] | None:
        entry = self._summary_entry(quiz_id)
        try:
            return (
                None
                if entry is None or entry["results"] is None
                else [_result_of(r) for r in entry["results"]]
            )
        except (KeyError, TypeError, ValueError):
            return None

    def _figures(self, quiz_id: str) -> tuple[int, float | None, bool]:
        """How many attempts were scored since the reset, the best score, whether one passed."""
        entry = self._summary_entry(quiz_id)
        if entry is not None:
            count, best, passed = entry.get("count"), entry.get("best"), entry.get("passed")
            if type(count) is int and (best is None or type(best) in (int, float)) and type(passed) is bool:
                return count, best, passed
        results = self.results(quiz_id)
        return len(results), max((r.score for r in results), default=None), any(r.passed for r in results)

    def _summary_cards(self) -> dict[tuple[str, str], ReviewCard] | None:
        if self._loaded is not None or self._summary is None:
            return None
        if self._summary.get("reset_all") != str(self._state.get("reset_all") or ""):
            return None
        try:
            return {
                (quiz, question): ReviewCard(quiz, question, box, datetime.fromisoformat(due))
                for quiz, question, box, due in self._summary["cards"]
            }
        except (KeyError, TypeError, ValueError):
            return None

    # -- state ------------------------------------------------------------------
    def _change(self, change: Any) -> None:
        """Write a change of state; if the disk refuses, keep it in memory and carry on."""
        try:
            self._state = self.store.update_state(self.learner.id, change)
        except StoreWriteError as error:
            state = copy.deepcopy(self._state)
            change(state)
            self._state = state
            self._forget_summary()  # derived under a state the disk does not hold
            self._report(error)
            return
        except UnknownLearnerError as error:
            self._report(error)
            return
        self._state_changed()

    def _report(self, error: StoreError) -> None:
        if self.on_store_error is None:
            raise error
        self.on_store_error(error)

    def _store_answer(self, record: AnswerRecord) -> AnswerRecord:
        """Give `record` to the store; an answer left waiting in memory still counts here."""
        record = replace(record, id=new_id(), timestamp=utc_now())
        try:
            stored = self.store.record_answer(record)
        except StoreWriteError as error:  # queued in the store, written by a later retry
            self._remember(record)
            self._forget_summary()
            self._report(error)
            return record
        except UnknownLearnerError as error:
            self._report(error)
            return record
        self._remember(stored)
        known = self._followed(self.store.last_append(self.learner.id), stored)
        if known is not None and self._count_answer(stored):
            self._known = known
            self._keep_summary()
        else:
            self._forget_summary()
        return stored

    def _remember(self, answer: AnswerRecord) -> None:
        """Add an answer to those in memory, if they were read (else the store has it for
        the first read); its quiz's group grows with it instead of being made again."""
        if self._loaded is None:
            return
        source, count, groups = self._grouped
        current = source is self._loaded and count == len(self._loaded)
        self._loaded.append(answer)
        if current:
            groups.setdefault(answer.quiz, []).append(answer)
            self._grouped = (source, count + 1, groups)

    def _lesson_state(self, lesson_id: str) -> dict[str, Any]:
        return dict(self._state.get("lessons", {}).get(lesson_id, {}))

    def _quiz_state(self, quiz_id: str) -> dict[str, Any]:
        return dict(self._state.get("quizzes", {}).get(quiz_id, {}))

    def _of_quiz(self, quiz_id: str) -> list[AnswerRecord]:
        """The answers to one quiz, grouped once for all quizzes (the map asks for each of them)
        and again only when the answers change (appended to, or read again from the store)."""
        source, count, groups = self._grouped
        if source is not self._answers or count != len(self._answers):
            groups = {}
            for answer in self._answers:
                groups.setdefault(answer.quiz, []).append(answer)
            self._grouped = (self._answers, len(self._answers), groups)
        return groups.get(quiz_id, [])

    def _since_reset(self, quiz_id: str) -> list[AnswerRecord]:
        reset = self._quiz_state(quiz_id).get("reset", "")
        return [a for a in self._of_quiz(quiz_id) if a.timestamp > reset and a.mode == "quiz"]

    # -- lessons ----------------------------------------------------------------
    def status(self, lesson: Lesson) -> LessonStatus:
        read = bool(self._lesson_state(lesson.id).get("read"))
        opened = "section" in self._lesson_state(lesson.id)
        quiz = self.course.quiz_for(lesson)
        count, best, passed = self._figures(quiz.id) if quiz else (0, None, False)
        done = read and (quiz is None or passed)
        state: LessonState = (
            "done"
            if done
            else "in_progress"
            if (opened or count or self.attempt_open(quiz))
            else "not_started"
        )
        return LessonStatus(state, best, passed, count)

    def attempt_open(self, quiz: Quiz | None) -> bool:
        """True while an attempt of `quiz` is under way (Continuer brings the learner back to it)."""
        return bool(quiz and self._quiz_state(quiz.id).get("open"))

    def section(self, lesson: Lesson) -> int:
        index = int(self._lesson_state(lesson.id).get("section", 0))
        return min(max(index, 0), len(lesson.sections) - 1)

    def open_section(self, lesson: Lesson, index: int) -> None:
        """Remember the section on screen, so "Continuer" comes back to it."""

        def change(state: dict[str, Any]) -> None:
            entry = state.setdefault("lessons", {}).setdefault(lesson.id, {})
            entry["section"] = index
            if index >= len(lesson.sections) - 1:
                entry["read"] = True
            state["last"] = {"kind": "lesson", "id": lesson.id}
            _note_visit(state, self.session)

        self._change(change)

    def module_ratio(self, lesson_ids: list[str]) -> float:
        lessons = [self.course.lessons[i] for i in lesson_ids if i in self.course.lessons]
        if not lessons:
            return 0.0
        return sum(self.status(lesson).state == "done" for lesson in lessons) / len(lessons)

    # -- continue ---------------------------------------------------------------
    def continue_target(self) -> tuple[Literal["lesson", "quiz"], str] | None:
        """Where "Continuer" leads: the open quiz or lesson, else the next step in course order.

        In each module that next step is its pre-test (before any lesson is begun), then its
        lessons and their quizzes, then its post-test.
        """
        last = self._state.get("last") or {}
        kind, target = last.get("kind"), last.get("id")
        if kind == "quiz" and target in self.course.quizzes and self._quiz_state(target).get("open"):
            return "quiz", target
        if kind == "lesson" and target in self.course.lessons:
            lesson = self.course.lessons[target]
            status = self.status(lesson)
            if status.state != "done":
                quiz = self.course.quiz_for(lesson)
                read = self._lesson_state(target).get("read")
                return ("quiz", quiz.id) if (read and quiz) else ("lesson", target)
        for module in self.course.modules:
            lessons = self.course.lessons_of(module)
            statuses = [self.status(lesson).state for lesson in lessons]
            if (
                module.pretest in self.course.quizzes
                and not self._figures(module.pretest)[0]
                and all(state == "not_started" for state in statuses)
            ):
                return "quiz", module.pretest
            for lesson, state in zip(lessons, statuses):
                if state != "done":
                    quiz = self.course.quiz_for(lesson)
                    if self._lesson_state(lesson.id).get("read") and quiz:
                        return "quiz", quiz.id
                    return "lesson", lesson.id
            if module.posttest in self.course.quizzes and not self._figures(module.posttest)[0]:
                return "quiz", module.posttest
        return None

    # -- module tests -----------------------------------------------------------
    def module_test_kind(self, quiz: Quiz) -> Literal["pretest", "posttest"] | None:
        """Whether `quiz` is a module's pre-test (measures where one starts) or post-test."""
        for module in self.course.modules:
            if module.pretest == quiz.id:
                return "pretest"
            if module.posttest == quiz.id:
                return "posttest"
        return None

    def module_lessons_done(self, quiz: Quiz) -> bool:
        """True when every lesson of the module whose test is `quiz` is done (the post-test's moment)."""
        for module in self.course.modules:
            if quiz.id in (module.pretest, module.posttest):
                return all(self.status(lesson).state == "done" for lesson in self.course.lessons_of(module))
        return True

    # -- quizzes ----------------------------------------------------------------
    def attempt(self, quiz: Quiz) -> Attempt:
        """The attempt under way, or a new one.

        Decided under the store's lock from the stored state, not from this window's copy:
        a second window of the same learner joins the attempt the first one opened.
        """
        chosen: dict[str, Any] = {}
        latest = self._top(quiz.id)
        known = self._known is not None and self._loaded is None

        def change(state: dict[str, Any]) -> None:
            quizzes = state.setdefault("quizzes", {})
            entry = quizzes.get(quiz.id, {})
            if not entry.get("open"):
                number = max(latest, _int(entry.get("attempt"))) + 1
                entry = {
                    **entry,
                    "attempt": number,
                    "seed": random.randrange(1, 2**31),
                    "open": True,
                    "sitting": new_id(),
                }
                quizzes[quiz.id] = entry
                if known:
                    self._created.add(entry["sitting"])
            state["last"] = {"kind": "quiz", "id": quiz.id}
            chosen.update(entry)

        self._change(change)
        number, sitting = _int(chosen.get("attempt")) or 1, str(chosen.get("sitting") or "")
        if not self._unchanged_since(quiz.id, sitting):
            self._reread()  # the other window's answers too
        answered = frozenset(a.question for a in self._sitting(quiz.id, number, sitting))
        return Attempt(quiz, number, _int(chosen.get("seed")), answered, sitting)

    def _top(self, quiz_id: str) -> int:
        """The highest attempt number among the quiz's answers since its reset."""
        entry = self._summary_entry(quiz_id)
        if entry is not None and type(entry.get("top")) is int:
            top: int = entry["top"]
            return top
        return max((a.attempt for a in self._since_reset(quiz_id)), default=0)

    def _sitting(self, quiz_id: str, number: int, sitting: str) -> list[AnswerRecord]:
        """The answers of one attempt (by its sitting id, or by number for an old attempt);
        those of an attempt this journey opened, while no answer was read, are its own."""
        key = sitting or f"#{number}"
        kept = self._open_answers(quiz_id, key)
        if kept is not None:
            return kept
        if self._loaded is None and self._finished is not None and self._finished[:2] == (quiz_id, key):
            return list(self._finished[2])
        return [a for a in self._since_reset(quiz_id) if sitting_key(a) == key]

    def _open_sitting(self, quiz_id: str, number: int) -> str:
        entry = self._quiz_state(quiz_id)
        return str(entry.get("sitting") or "") if _int(entry.get("attempt")) == number else ""

    def record(
        self,
        quiz: Quiz,
        question: Question,
        attempt: int,
        grade: Grade,
        hints_used: int,
        duration_s: float,
        mode: str = "quiz",
        confidence: int | None = None,
    ) -> AnswerRecord:
        """Store one answer now: durable when this returns, or waiting in memory if the disk refuses."""
        lesson = quiz.lesson
        record = AnswerRecord(
            id="",
            learner=self.learner.id,
            lesson=lesson,
            quiz=quiz.id,
            question=question.id,
            qtype=question.type,
            response=grade.response,
            response_text=grade.response_text,
            correct=grade.correct,
            score=grade.score,
            hints_used=hints_used,
            duration_s=round(duration_s, 3),
            timestamp="",
            attempt=attempt,
            session=self.session,
            confidence=confidence,
            mode=mode,
            sitting=self._open_sitting(quiz.id, attempt) if mode == "quiz" else "",
        )
        return self._store_answer(record)

    def record_activity(
        self,
        lesson: Lesson,
        block: str,
        step: str,
        kind: str,
        response: Any,
        response_text: str,
        correct: bool,
        score: float,
    ) -> AnswerRecord:
        """Store one choice made in an interactive section (scenario, simulator, inspector)."""
        record = AnswerRecord(
            id="",
            learner=self.learner.id,
            lesson=lesson.id,
            quiz=f"{lesson.id}/{block}",
            question=step,
            qtype=kind,
            response=response,
            response_text=response_text,
            correct=correct,
            score=score,
            hints_used=0,
            duration_s=0.0,
            timestamp="",
            attempt=1,
            session=self.session,
            mode="activity",
        )
        return self._store_answer(record)

    def finish(self, quiz: Quiz, attempt: int) -> AttemptResult:
        """Close an attempt; its score is computed from its answers, as every report does."""
        sitting = self._open_sitting(quiz.id, attempt)
        if not self._unchanged_since(quiz.id, sitting):
            self._reread()  # those given in another window too
        answers = self._sitting(quiz.id, attempt, sitting)
        result = self._score(quiz, attempt, answers, utc_now())
        if self._loaded is None and answers:  # the attempt as `results` will derive it
            row = _result_row(self._score(quiz, answers[0].attempt, answers, answers[-1].timestamp))
            self._closing = (quiz.id, sitting, row, answers[0].timestamp)
            self._finished = (quiz.id, sitting, answers)
        else:
            self._closing = (quiz.id, sitting, None, "")

        def change(state: dict[str, Any]) -> None:
            entry = state.setdefault("quizzes", {}).setdefault(quiz.id, {})
            if _int(entry.get("attempt")) == attempt and str(entry.get("sitting") or "") == sitting:
                entry["open"] = False
            # A quiz's results are derived from its answers (`results`). Earlier versions also
            # kept each one here, a list that grew with every attempt and that nothing read.
            entry.pop("results", None)

        try:
            self._change(change)
        finally:
            self._closing = None
        return result

    @staticmethod
    def _score(quiz: Quiz, number: int, answers: list[AnswerRecord], when: str) -> AttemptResult:
        latest = latest_by_question(answers, [q.id for q in quiz.questions])
        score = attempt_score((a.score for a in latest.values()), len(quiz.questions))
        missed = [q.id for q in quiz.questions if q.id not in latest or not latest[q.id].correct]
        partial = tuple(q for q in missed if q in latest and latest[q].score > 0)
        return AttemptResult(
            number,
            score,
            is_passed(score, quiz.pass_ratio),
            missed,
            when,
            len(latest) == len(quiz.questions),
            partial,
        )

    def results(self, quiz_id: str) -> list[AttemptResult]:
        """Every attempt of the quiz since its last reset but the one under way, oldest first.

        Derived from the answers (the state only says which attempt is open), so answers
        imported from another machine count here exactly as they count in the reports.
        """
        kept = self._summary_results(quiz_id)
        if kept is not None:
            return kept
        answers, count, state, known = self._results
        if answers is not self._answers or count != len(self._answers) or state is not self._state:
            known = {}  # answers or state changed since: every result is computed again
            self._results = (self._answers, len(self._answers), self._state, known)
        if quiz_id not in known:
            known[quiz_id] = self._compute_results(quiz_id)
        return list(known[quiz_id])

    def _compute_results(self, quiz_id: str) -> list[AttemptResult]:
        quiz = self.course.quizzes.get(quiz_id)
        if quiz is None:
            return []
        entry = self._quiz_state(quiz_id)
        current = (
            (str(entry.get("sitting") or "") or f"#{_int(entry.get('attempt'))}")
            if entry.get("open")
            else None
        )
        sittings: dict[str, list[AnswerRecord]] = {}
        for answer in self._since_reset(quiz_id):
            sittings.setdefault(sitting_key(answer), []).append(answer)
        return [
            self._score(quiz, answers[0].attempt, answers, answers[-1].timestamp)
            for key, answers in sittings.items()
            if key != current
        ]

    def first_result(self, quiz_id: str) -> AttemptResult | None:
        """The first attempt since the reset (what a module test's line on the map shows),
        from the summary when it is fresh: however many attempts followed, none is read."""
        entry = self._summary_entry(quiz_id)
        if entry is not None:
            with suppress(TypeError, ValueError):
                first = entry.get("first", ())
                if first is None or isinstance(first, list):
                    return None if first is None else _result_of(first)
        results = self.results(quiz_id)
        return results[0] if results else None

    def last_results(self, quiz_id: str, count: int) -> list[AttemptResult]:
        """The last `count` attempts since the reset, oldest first (a results screen's
        history), from the summary when it is fresh (it keeps every result, or past
        KEPT_RESULTS the last KEPT_LAST): however many attempts came before, none is read."""
        entry = self._summary_entry(quiz_id)
        rows = None
        if entry is not None:
            rows = entry.get("results")
            if not isinstance(rows, list) and count <= KEPT_LAST:
                rows = entry.get("last")
        if isinstance(rows, list):
            with suppress(TypeError, ValueError):
                return [_result_of(row) for row in rows[-count:]] if count > 0 else []
        return self.results(quiz_id)[-count:] if count > 0 else []

    def can_retry(self, quiz: Quiz) -> bool:
        """False once an evaluation quiz has used its `max_attempts`."""
        if quiz.max_attempts is None:
            return True
        return self._figures(quiz.id)[0] < quiz.max_attempts

    def calibration(self, quiz_id: str, attempt: int) -> dict[tuple[bool, bool], int]:
        """(sure, right) → count for the answers of one attempt given with a confidence (3 = sure)."""
        rows: dict[tuple[bool, bool], int] = {}
        sitting = self._open_sitting(quiz_id, attempt) or next(
            (a.sitting for a in reversed(self._since_reset(quiz_id)) if a.attempt == attempt), ""
        )
        for answer in self._sitting(quiz_id, attempt, sitting):
            if answer.confidence:
                key = (answer.confidence >= 3, answer.correct)
                rows[key] = rows.get(key, 0) + 1
        return rows

    def confidence_counts(self, quiz_id: str, attempt: int) -> dict[tuple[int, bool], int]:
        """(confidence level as chosen, 1..3; right) → count, for the answers of one attempt."""
        rows: dict[tuple[int, bool], int] = {}
        sitting = self._open_sitting(quiz_id, attempt) or next(
            (a.sitting for a in reversed(self._since_reset(quiz_id)) if a.attempt == attempt), ""
        )
        for answer in self._sitting(quiz_id, attempt, sitting):
            if answer.confidence:
                key = (answer.confidence, answer.correct)
                rows[key] = rows.get(key, 0) + 1
        return rows

    # -- review -----------------------------------------------------------------
    def _since_reset_all(self) -> list[AnswerRecord]:
        """The answers given since \"Tout recommencer\" (all of them if it was never chosen)."""
        reset = str(self._state.get("reset_all") or "")
        return [a for a in self._answers if a.timestamp > reset] if reset else self._answers

    def due_reviews(self, now: datetime | None = None) -> list[ReviewCard]:
        if self._loaded is None and self._summary is not None:
            quick = self._due_in_summary(now or datetime.now(UTC))
            if quick is not None:
                return quick
        kept = self._summary_cards()
        if kept is not None:
            moment = now or datetime.now(UTC)
            cards = sorted(
                (c for c in kept.values() if not c.learnt and c.due <= moment), key=lambda c: (c.due, c.box)
            )
        else:
            cards = due_cards(self._since_reset_all(), now)
        asked = self._asked()
        return [c for c in cards if (c.quiz, c.question) in asked]

    def _due_in_summary(self, moment: datetime) -> list[ReviewCard] | None:
        """`due_reviews` from the summary's cards as they are stored, a card made only for
        those due (the map asks at each start, and a learner who answered the whole course
        has a card per question); None when the summary's cards are not plain (the careful
        way then says the same as before)."""
        summary = self._summary
        if summary is None or summary.get("reset_all") != str(self._state.get("reset_all") or ""):
            return None
        rows, asked = summary.get("cards"), self._asked()
        if type(rows) is not list:
            return None
        due: list[tuple[datetime, int, int, str, str]] = []
        keys: set[tuple[str, str]] = set()
        try:
            for index, (quiz, question, box, when) in enumerate(rows):
                keys.add((quiz, question))
                if box >= LEARNT or (quiz, question) not in asked:
                    continue
                due_at = datetime.fromisoformat(when)
                if due_at <= moment:
                    due.append((due_at, box, index, quiz, question))
            if len(keys) != len(rows):
                return None  # a card twice: the careful way keeps the last one
        except (TypeError, ValueError):
            return None
        due.sort()  # by date, then box, then as stored: as `sorted` by (due, box) did
        return [ReviewCard(quiz, question, box, due_at) for due_at, box, _, quiz, question in due]

    def _asked(self) -> frozenset[tuple[str, str]]:
        """(quiz, question) of every question of the course, made once: a review card whose
        question is no longer in it is not offered (`Course.question` is None for it)."""
        course, asked = self._asked_in
        if course is not self.course:
            asked = frozenset(
                (quiz_id, q.id) for quiz_id, quiz in self.course.quizzes.items() for q in quiz.questions
            )
            self._asked_in = (self.course, asked)
        return asked

    def next_review(self) -> datetime | None:
        kept = self._summary_cards()
        if kept is not None:
            dates = [c.due for c in kept.values() if not c.learnt]
            return min(dates) if dates else None
        return next_due(self._since_reset_all())

    # -- resets -----------------------------------------------------------------
    def reset_lesson(self, lesson: Lesson) -> None:
        """Start a lesson afresh; its answers stay in the history for the trainer."""
        self._reset([lesson])

    def reset_all(self) -> None:
        """Start the whole course afresh in one write: lessons, quizzes, module tests, reviews.

        Everything the learner sees starts again; the answers stay in the store for the trainer.
        """
        tests = [quiz for module in self.course.modules for quiz in (module.pretest, module.posttest) if quiz]
        self._reset(list(self.course.lessons.values()), tests, everything=True)

    def _reset(self, lessons: list[Lesson], tests: list[str] | None = None, everything: bool = False) -> None:
        now = utc_now()

        def change(state: dict[str, Any]) -> None:
            for quiz_id in tests or []:
                state.setdefault("quizzes", {})[quiz_id] = {"reset": now}
            if everything:
                state["reset_all"] = now
                state.pop("last", None)
            for lesson in lessons:
                state.setdefault("lessons", {}).pop(lesson.id, None)
                if lesson.quiz:
                    state.setdefault("quizzes", {})[lesson.quiz] = {"reset": now}
                if (state.get("last") or {}).get("id") in (lesson.id, lesson.quiz):
                    state.pop("last", None)

        self._change(change)


def _int(value: object) -> int:
    """An int read from the state file, 0 when it holds something else."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _note_visit(state: dict[str, Any], session: str | None) -> None:
    """Keep the first and last moment the learner was seen in this session, reading included,
    so a workshop's attendance counts the time spent reading, not only answering."""
    visits = state.get("visits")
    if not isinstance(visits, dict):
        visits = state["visits"] = {}
    visit = visits.get(session or "")
    if not isinstance(visit, dict):
        visit = visits[session or ""] = {}
    now = utc_now()
    visit.setdefault("first", now)
    visit["last"] = now
    visit["sections"] = _int(visit.get("sections")) + 1


def _plain_time(value: str) -> bool:
    """A timestamp as the store writes them (UTC, ...T12:34:56.123456Z): such ones sort as text."""
    return len(value) == 27 and value[10] == "T" and value[26] == "Z"


def _no_results(key: list[Any]) -> dict[str, Any]:
    return {
        "key": key,
        "top": 0,
        "open": [],
        "last": [],
        "count": 0,
        "best": None,
        "passed": False,
        "first": None,
        "until": "",
        "results": [],
    }


def _course_key(course: Course) -> str:
    """What the derived results depend on in the course: each quiz's questions and pass mark."""
    parts = [[q.id, [x.id for x in q.questions], q.pass_ratio] for q in course.quizzes.values()]
    return sha256_hex(json.dumps(parts, ensure_ascii=False).encode("utf-8"))[:32]


def _result_row(result: AttemptResult) -> list[Any]:
    return [
        result.number,
        result.score,
        result.passed,
        list(result.missed),
        result.when,
        result.complete,
        list(result.partial),
    ]


def _result_of(row: list[Any]) -> AttemptResult:
    number, score, passed, missed, when, complete, partial = row
    return AttemptResult(number, score, passed, list(missed), when, complete, tuple(partial))
