"""Learners' results as xAPI 1.0.3 statements, one JSON object per line.

Verbs: *answered* for every answer; *completed* then *passed* or *failed* for
every quiz attempt that covers all the quiz's questions (pre-tests and post-tests
included, named as such); *progressed* on a module once its pre-test and post-test
are both finished, carrying both scores and the gain in points.

Identifiers: activities are IRIs under a base the trainer chooses (`--xapi-base`,
default `https://atelier.example/xapi`, a reserved name that resolves nowhere):
`{base}/lessons/{lesson}`, `{base}/quizzes/{quiz}`,
`{base}/quizzes/{quiz}/questions/{question}`. Use one base per course, since
lesson ids are unique only within a course. The actor is an account on that
base named by the learner's pseudonym; the real name is added only with
`names=True`. The session label goes into the context extension
`{base}/extensions/session`. Statement ids are uuid5 of a fixed namespace, so
exporting twice gives the same ids and a learning-record store ignores repeats.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

from course.reports.compute import ALL, LearnerData, memory_source
from course.reports.learner_pass import Row, learner_result, read_row, read_rows
from course.reports.model import AttemptFigures, CourseIndex
from course.text.safe import clean_terminal, json_dumps, pseudonym

DEFAULT_BASE = "https://atelier.example/xapi"
#: Never change it: statement ids derive from it.
NAMESPACE = uuid.UUID("6f1c2a7e-3b1d-5c4e-9a8f-a7e1e0c0d7b3")
VERSION = "1.0.3"
_ADL = "http://adlnet.gov/expapi/"
VERBS = {
    "answered": {"fr-FR": "a répondu", "en-US": "answered"},
    "completed": {"fr-FR": "a terminé", "en-US": "completed"},
    "passed": {"fr-FR": "a réussi", "en-US": "passed"},
    "failed": {"fr-FR": "a échoué", "en-US": "failed"},
    "progressed": {"fr-FR": "a progressé", "en-US": "progressed"},
}
INTERACTION_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "order": "sequencing",
    "match": "matching",
    "short": "fill-in",
}


@dataclass(frozen=True)
class XapiResult:
    """How many statements were written, and how many answers were left out."""

    written: int
    skipped: int
    """Answers without a valid timestamp (a learning-record store would refuse them)."""


def check_base(base: str) -> str:
    """`base` without its trailing slash; ValueError unless it is an absolute http(s) IRI."""
    parts = urlsplit(base.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an absolute http(s) IRI: {base!r}")
    return base.strip().rstrip("/")


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration to the hundredth of a second, as xAPI wants: "PT1M5.5S"."""
    centis = max(int(seconds * 100 + 0.5), 0)
    hours, centis = divmod(centis, 360_000)
    minutes, centis = divmod(centis, 6_000)
    whole, hundredths = divmod(centis, 100)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if hundredths:
        text += f"{whole}.{hundredths:02d}".rstrip("0") + "S"
    elif whole or text == "PT":
        text += f"{whole}S"
    return text


def statement_id(*parts: object) -> str:
    """A deterministic statement id from its defining parts."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(part) for part in parts)))


@lru_cache(maxsize=4096)
def _iri(base: str, *segments: str) -> str:
    return "/".join([base, *(quote(segment, safe="") for segment in segments)])


def _response(answer: Row) -> str:
    """The response in xAPI's pattern when the stored value allows it, else its text."""
    value = answer.raw.get("response")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(item, (str, int)) for item in value):
        return "[,]".join(str(item) for item in value)
    if isinstance(value, dict) and answer.raw.get("qtype") == "match":
        return "[,]".join(f"{left}[.]{right}" for left, right in value.items())
    return answer.response_text


class _Builder:
    """Builds statements for one export: base, names and language are fixed."""

    def __init__(self, index: CourseIndex, base: str, names: bool, salt: str, language: str) -> None:
        self.index, self.base, self.language = index, base, language
        self.names: dict[str, str] = {}
        self.show_names, self.salt = names, salt
        self._shared: dict[tuple[str, str, str], dict[str, Any]] = {}

    def _once(self, kind: str, key: str, key2: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Build an actor or activity once per export; statements share it."""
        cache_key = (kind, key, key2)
        if cache_key not in self._shared:
            self._shared[cache_key] = build()
        return self._shared[cache_key]

    def actor(self, learner_id: str) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            agent: dict[str, Any] = {
                "objectType": "Agent",
                "account": {"homePage": self.base, "name": pseudonym(learner_id, self.salt)},
            }
            name = clean_terminal(self.names.get(learner_id, ""))
            if self.show_names and name:
                agent["name"] = name
            return agent

        return self._once("actor", learner_id, "", build)

    def activity(self, iri: str, kind: str, name: str, **extra: Any) -> dict[str, Any]:
        definition: dict[str, Any] = {"type": kind, **extra}
        if name:
            definition["name"] = {self.language: name}
        return {"objectType": "Activity", "id": iri, "definition": definition}

    def lesson(self, lesson_id: str) -> dict[str, Any]:
        """The parent activity: the lesson, or for a module's test the module."""
        info = self.index.lessons.get(lesson_id)
        if info is None and lesson_id in self.index.modules:
            return self._once(
                "module",
                lesson_id,
                "",
                lambda: self.activity(
                    _iri(self.base, "modules", lesson_id),
                    _ADL + "activities/module",
                    self.index.modules[lesson_id].title,
                ),
            )
        return self._once(
            "lesson",
            lesson_id,
            "",
            lambda: self.activity(
                _iri(self.base, "lessons", lesson_id), _ADL + "activities/lesson", info.title if info else ""
            ),
        )

    def quiz(self, quiz_id: str) -> dict[str, Any]:
        info = self.index.quizzes.get(quiz_id)
        return self._once(
            "quiz",
            quiz_id,
            "",
            lambda: self.activity(
                _iri(self.base, "quizzes", quiz_id),
                _ADL + "activities/assessment",
                info.title if info else "",
            ),
        )

    def parent(self, quiz_id: str, lesson_id: str) -> str:
        """A lesson quiz hangs under its lesson, a pre-test or post-test under its module."""
        info = self.index.quizzes.get(quiz_id)
        if info is not None:
            return info.lesson or info.module
        return lesson_id

    def question(self, quiz_id: str, question_id: str, qtype: str) -> dict[str, Any]:
        info = self.index.questions.get((quiz_id, question_id))
        return self._once(
            "question",
            quiz_id,
            question_id,
            lambda: self.activity(
                _iri(self.base, "quizzes", quiz_id, "questions", question_id),
                _ADL + "activities/cmi.interaction",
                info.prompt if info else "",
                interactionType=INTERACTION_TYPES.get(info.qtype if info else qtype, "other"),
            ),
        )

    def statement(
        self,
        sid: str,
        verb: str,
        learner: str,
        obj: dict[str, Any],
        result: dict[str, Any],
        lesson: str,
        session: str | None,
        timestamp: str,
        grouping: list[dict[str, Any]],
    ) -> dict[str, Any]:
        context: dict[str, Any] = {
            "contextActivities": {"parent": [self.lesson(lesson)]},
            "language": self.language,
            "platform": "Atelier numérique",
        }
        if grouping:
            context["contextActivities"]["grouping"] = grouping
        if session:
            context["extensions"] = {_iri(self.base, "extensions", "session"): session}
        return {
            "id": sid,
            "version": VERSION,
            "actor": self.actor(learner),
            "verb": {"id": _ADL + "verbs/" + verb, "display": VERBS[verb]},
            "object": obj,
            "result": result,
            "context": context,
            "timestamp": timestamp,
        }

    def answered(self, learner: str, answer: Row) -> dict[str, Any]:
        qtype = answer.raw.get("qtype")
        obj = self.question(answer.quiz, answer.question, qtype if isinstance(qtype, str) else "")
        result: dict[str, Any] = {
            "success": answer.correct,
            "score": {"scaled": answer.score, "raw": answer.score, "min": 0, "max": 1},
            "response": _response(answer),
            "duration": iso_duration(answer.duration_s),
        }
        confidence = answer.raw.get("confidence")
        extensions = {
            "hints-used": answer.hints_used,
            "confidence": confidence
            if isinstance(confidence, int) and not isinstance(confidence, bool)
            else None,
        }
        result["extensions"] = {
            _iri(self.base, "extensions", key): value
            for key, value in extensions.items()
            if value is not None
        }
        # An answer always has an id in the store; one without falls back on its content.
        sid = statement_id(
            "answered", answer.id or (learner, answer.quiz, answer.question, answer.attempt, answer.timestamp)
        )
        return self.statement(
            sid,
            "answered",
            learner,
            obj,
            result,
            self.parent(answer.quiz, answer.lesson),
            answer.session or None,
            _xapi_time(answer.timestamp),
            [self.quiz(answer.quiz)],
        )

    def attempt(self, verb: str, attempt: AttemptFigures) -> dict[str, Any]:
        result: dict[str, Any] = {
            "score": {
                "scaled": round(attempt.score, 4),
                "raw": round(attempt.raw, 4),
                "min": 0,
                "max": attempt.question_count,
            },
            "success": attempt.passed,
            "completion": True,
            "duration": iso_duration(attempt.duration_s),
        }
        # Old attempts (no sitting id) keep the ids they were first exported with.
        sitting: object = attempt.number if attempt.sitting.startswith("#") else attempt.sitting
        sid = statement_id(verb, attempt.learner, attempt.quiz, sitting)
        return self.statement(
            sid,
            verb,
            attempt.learner,
            self.quiz(attempt.quiz),
            result,
            self.parent(attempt.quiz, ""),
            attempt.session,
            _xapi_time(attempt.finished),
            [],
        )

    def gain(
        self, learner: str, module: str, pre: float, post: float, attempt: AttemptFigures
    ) -> dict[str, Any]:
        """The pre-test → post-test gain of one module, for an LRS dashboard: *progressed*, on the
        module, with the post-test score as score and both scores and the gain as extensions."""
        result: dict[str, Any] = {
            "score": {"scaled": round(post, 4), "raw": round(100 * post, 1), "min": 0, "max": 100},
            "extensions": {
                _iri(self.base, "extensions", "pretest-score"): round(pre, 4),
                _iri(self.base, "extensions", "posttest-score"): round(post, 4),
                _iri(self.base, "extensions", "gain-points"): round(100 * (post - pre), 1),
            },
        }
        sid = statement_id("progressed", learner, module)
        return self.statement(
            sid,
            "progressed",
            learner,
            self.lesson(module),
            result,
            module,
            attempt.session,
            _xapi_time(attempt.finished),
            [],
        )


def _gains(
    builder: _Builder, learner: str, index: CourseIndex, result: Any
) -> list[tuple[str, int, dict[str, Any]]]:
    """One *progressed* statement per module whose pre-test and post-test are both finished."""
    figures, timed = result.figures, []
    for module in index.modules.values():
        pre, post = figures.pretests.get(module.id), figures.posttests.get(module.id)
        if pre is None or post is None or not (pre.complete and post.complete) or not module.posttest:
            continue
        finished = [a for a in result.attempts if a.quiz == module.posttest and a.complete]
        if finished:
            first = min(finished, key=lambda a: a.finished)
            timed.append((first.finished, 3, builder.gain(learner, module.id, pre.score, post.score, first)))
    return timed


def _xapi_time(timestamp: str) -> str:
    """Milliseconds are enough for an LRS: "2026-11-24T14:03:05.123Z"."""
    return timestamp[:23] + "Z" if len(timestamp) == 27 else timestamp


def statements_of(
    source: Iterable[LearnerData],
    index: CourseIndex,
    *,
    base: str = DEFAULT_BASE,
    names: bool = False,
    salt: str = "",
    language: str = "fr-FR",
    session: str | None = ALL,
    learner_ids: Any = None,
    skipped: list[Mapping[str, Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """Statements learner by learner, each learner's in time order: every answer, then each
    complete attempt's outcome, scored by the same function as the report.

    Statements share their actor and activity dicts: copy one before changing it.
    Answers whose timestamp is not ISO 8601 are left out (and appended to `skipped`).
    """
    builder = _Builder(index, check_base(base), names, salt, language)
    for data in source:
        learner = str(data.learner.get("id", ""))
        if learner_ids is not None and learner not in learner_ids:
            continue
        builder.names[learner] = str(data.learner.get("name", ""))
        rows = read_rows(data.answers)
        if skipped is not None and len(rows) < len(data.answers):
            skipped += [a for a in data.answers if isinstance(a, Mapping) and read_row(a) is None]
        if session is not None:
            rows = [r for r in rows if r.session == session]
        timed: list[tuple[str, int, dict[str, Any]]] = [
            (r.timestamp, 0, builder.answered(learner, r)) for r in rows
        ]
        result = learner_result(data.learner, [r.raw for r in rows], data.state, index, session, 0.0)
        timed += _gains(builder, learner, index, result)
        for attempt in result.attempts:
            if attempt.complete:
                outcome = "passed" if attempt.passed else "failed"
                timed.append((attempt.finished, 1, builder.attempt("completed", attempt)))
                timed.append((attempt.finished, 2, builder.attempt(outcome, attempt)))
        timed.sort(key=lambda item: (item[0], item[1]))
        for _, _, statement in timed:
            yield statement
        builder.names.pop(learner, None)


def xapi_statements(
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    **options: Any,
) -> Iterator[dict[str, Any]]:
    """`statements_of` over lists (an export file's learners and answers)."""
    return statements_of(memory_source(learners, answers), index, **options)


def write_statements(
    stream: TextIO, statements: Iterable[dict[str, Any]], skipped: list[Any], *, array: bool = False
) -> XapiResult:
    """Write statements as JSON lines (UTF-8 text), or as one JSON array that an LRS accepts as
    the body of a POST to /statements; returns the counts."""
    written = 0
    if array:
        stream.write("[")
    for statement in statements:
        # Control, bidi and line-separator characters escaped: a terminal or a line-splitting tool
        # showing the file never acts on a name or an answer.
        if array:
            stream.write(",\n" if written else "\n")
            stream.write(json_dumps(statement))
        else:
            stream.write(json_dumps(statement) + "\n")
        written += 1
    if array:
        stream.write("\n]\n")
    return XapiResult(written=written, skipped=len(skipped))


def write_xapi(
    stream: TextIO,
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    **options: Any,
) -> XapiResult:
    """Statements of lists, written as JSON lines."""
    skipped: list[Any] = []
    return write_statements(
        stream, xapi_statements(learners, answers, index, skipped=skipped, **options), skipped
    )
