"""The report model: every figure the trainer, the exports and the funder see, as frozen data.

One function (`course.reports.compute.compute_reports`) fills it from the stored
answers; `atelier report` (terminal, CSV, JSON, HTML), the F9 screen, the CSV
summary, the xAPI export and the impact table only read it, so they cannot
disagree. Ratios are 0..1, durations in seconds, timestamps ISO 8601 UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from course.learning.scoring import DEFAULT_PASS_RATIO

QuizKind = Literal["lesson", "pretest", "posttest"]


# ----- the course, as the report sees it ------------------------------------------------


@dataclass(frozen=True)
class QuestionInfo:
    prompt: str
    qtype: str


@dataclass(frozen=True)
class QuizInfo:
    id: str
    title: str
    kind: QuizKind
    module: str
    lesson: str | None
    """The lesson a lesson quiz belongs to; None for a module's pre-test and post-test."""
    questions: tuple[str, ...]
    pass_ratio: float = DEFAULT_PASS_RATIO
    reliable: tuple[str, ...] = ()
    misleading: tuple[str, ...] = ()

    @property
    def question_set(self) -> frozenset[str]:
        """The question ids, for membership tests (built once per quiz)."""
        found = self.__dict__.get("_question_set")
        if found is None:
            found = frozenset(self.questions)
            object.__setattr__(self, "_question_set", found)
        return found


@dataclass(frozen=True)
class LessonInfo:
    id: str
    title: str
    module: str
    quiz: str | None


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    title: str
    lessons: tuple[str, ...]
    pretest: str | None = None
    posttest: str | None = None


@dataclass(frozen=True)
class CourseIndex:
    """The course in course order: modules, lessons, every quiz (tests included), questions."""

    title: str
    modules: Mapping[str, ModuleInfo]
    lessons: Mapping[str, LessonInfo]
    quizzes: Mapping[str, QuizInfo]
    questions: Mapping[tuple[str, str], QuestionInfo]


# ----- what was measured ------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptFigures:
    """One sitting of a quiz, scored by the one rule (`course.learning.scoring`)."""

    learner: str
    quiz: str
    sitting: str
    number: int
    score: float
    raw: float
    answered: int
    question_count: int
    complete: bool
    passed: bool
    started: str
    finished: str
    session: str | None
    duration_s: float


ATTEMPT_FIELDS = tuple(AttemptFigures.__dataclass_fields__)


def attempt_figures(values: Mapping[str, object]) -> AttemptFigures:
    """An `AttemptFigures` of `values`, one per field (all of them, checked by the caller),
    built without running `__init__` (a report builds one per sitting of every learner;
    the frozen class checks nothing, and compares and hashes its fields as usual)."""
    if len(values) != len(ATTEMPT_FIELDS):
        raise ValueError("attempt figures: a field missing or too many")
    made = object.__new__(AttemptFigures)
    made.__dict__.update(values)
    return made


@dataclass(frozen=True)
class TestFigures:
    """A learner's module test: the first complete sitting counts (a retry no longer measures
    where she started); `complete` False means she began it without finishing it."""

    score: float
    complete: bool
    discernment: float | None = None


@dataclass(frozen=True)
class Visit:
    """A learner in one session: first and last moment seen, reading included."""

    session: str
    first: str
    last: str
    duration_s: float
    answers: int


@dataclass(frozen=True)
class LearnerFigures:
    id: str
    name: str
    lessons_done: tuple[str, ...]
    lessons_total: int
    best_scores: Mapping[str, float]
    """Lesson id → best sitting score, for the lessons whose quiz was tried."""
    passed: frozenset[str]
    """Lessons whose quiz was passed at least once (done also asks that it was read)."""
    average_score: float | None
    pretests: Mapping[str, TestFigures]
    """Module id → pre-test figures."""
    posttests: Mapping[str, TestFigures]
    activities: int
    """Choices made in scenarios, simulators and inspectors."""
    activities_correct: int
    reviews: int
    answers: int
    correct: int
    hints_used: int
    time_s: float
    """Real time in the sessions: first to last moment seen in each, reading included."""
    visits: tuple[Visit, ...]
    first: str | None
    last: str | None
    needs_help: bool

    @property
    def success_rate(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def progress(self) -> float:
        return len(self.lessons_done) / self.lessons_total if self.lessons_total else 0.0

    @property
    def sessions(self) -> tuple[str, ...]:
        return tuple(v.session for v in self.visits if v.session)

    @property
    def level(self) -> float | None:
        """What "needs help" is judged on (`help_level`)."""
        return help_level(self.average_score, self.pretests)


LEARNER_FIELDS = tuple(LearnerFigures.__dataclass_fields__)


def help_level(average_score: float | None, pretests: Mapping[str, TestFigures]) -> float | None:
    """What "needs help" is judged on: the lessons' average, else the first finished pre-test."""
    if average_score is not None:
        return average_score
    return next((t.score for t in pretests.values() if t.complete), None)


def learner_figures(values: Mapping[str, object]) -> LearnerFigures:
    """A `LearnerFigures` of `values`, one per field, built as `attempt_figures` builds its
    figures (a report builds one per learner and scope)."""
    if len(values) != len(LEARNER_FIELDS):
        raise ValueError("learner figures: a field missing or too many")
    made = object.__new__(LearnerFigures)
    made.__dict__.update(values)
    return made


@dataclass(frozen=True)
class SessionFigures:
    label: str
    learners: tuple[str, ...]
    first: str
    last: str
    duration_s: float
    answers: int


@dataclass(frozen=True)
class LessonFigures:
    id: str
    title: str
    module_title: str
    started: int
    done: int
    mean_best: float | None


@dataclass(frozen=True)
class ItemFigures:
    """One question, as Moodle's quiz statistics give it, over each learner's first sitting."""

    quiz: str
    question: str
    kind: QuizKind
    prompt: str
    qtype: str
    answers: int
    facility: float
    """Mean mark (0..1): high means easy."""
    discrimination: float | None
    """Correlation of the mark with the rest of the sitting (−1..1); None on too few answers."""
    wrong: tuple[tuple[str, float], ...]
    """Each wrong answer given, with its share of all answers, most frequent first."""
    flags: tuple[str, ...]
    """"easy", "hard", "negative": what the trainer should look at."""


@dataclass(frozen=True)
class ImpactRow:
    learner: str
    module: str
    pre: float | None
    post: float | None
    pre_discernment: float | None = None
    post_discernment: float | None = None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass(frozen=True)
class ModuleImpact:
    module: str
    title: str
    pairs: int
    mean_pre: float | None
    mean_post: float | None
    mean_gain: float | None
    ci_low: float | None
    """Lower bound of the paired 95 % confidence interval of the gain (None under 2 pairs)."""
    ci_high: float | None
    incomplete: tuple[str, ...]
    """Learners who began a test of this module without finishing it."""
    pre_only: tuple[str, ...]
    """Learners with a finished pre-test and no finished post-test yet."""


@dataclass(frozen=True)
class Report:
    """Everything, for one scope: all sessions (`session` None) or one session label."""

    title: str
    session: str | None
    learner_filter: tuple[str, ...]
    learners: tuple[LearnerFigures, ...]
    sessions: tuple[SessionFigures, ...]
    lessons: tuple[LessonFigures, ...]
    items: tuple[ItemFigures, ...]
    impact_rows: tuple[ImpactRow, ...]
    impact: tuple[ModuleImpact, ...]
    attempts: tuple[AttemptFigures, ...]
    answers: int
    correct: int
    time_s: float
    help_below: float
    min_answers: int
    module_titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def success_rate(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def people(self) -> int:
        """Distinct people who did something in this scope."""
        return sum(1 for x in self.learners if x.answers or x.visits)

    @property
    def session_count(self) -> int:
        """The sessions of the attendance table, one without a name included: every view
        (terminal, F9, HTML, JSON) shows this one figure."""
        return len(self.sessions)

    @property
    def lessons_completed(self) -> int:
        return sum(len(x.lessons_done) for x in self.learners)

    @property
    def pass_rate(self) -> float | None:
        """Share of the lessons tried (a learner and a lesson quiz) that were passed."""
        tried = sum(len(x.best_scores) for x in self.learners)
        passed = sum(1 for x in self.learners for lesson in x.best_scores if lesson in x.passed)
        return passed / tried if tried else None
