"""What the store keeps (profiles, answers) and what it says (notices, errors).

Profiles and answers are frozen dataclasses that validate themselves: their fields
come from people (names), the app (answers) and other machines (imported files),
so a bad value is refused here, before it reaches a file, a terminal or a spreadsheet.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import uuid
from dataclasses import asdict, field, fields
from datetime import UTC, datetime
from typing import Any

from course.frozen import Frozen, frozen, write_inits
from course.i18n import t
from course.progress.paths import is_learner_id

NAME_MAX = 40

# ANSI escape sequences (CSI, OSC, two-byte ESC forms, 8-bit CSI), removed whole
# so that no "[31m" debris stays in a name once the ESC byte is gone.
# Compiled on the first name that holds an ESC or a CSI byte: every match starts with one.
_ANSI_SOURCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]"
)
_SPACES = "\t\n\r\v\f\x85\u2028\u2029"
_FORMULA_START = "=+-@"


class RecordError(ValueError):
    """A profile or an answer with a missing or wrong field."""


class InvalidNameError(ValueError):
    """A learner name that is empty once cleaned, or too long. The message is for people."""


class StoreError(Exception):
    """Base of the store's errors; `str(error)` is a sentence for people."""


class UnknownLearnerError(StoreError, LookupError):
    """No profile (or no folder) for this learner id."""


class StoreWriteError(StoreError):
    """Nothing could be written; `pending` answers wait in memory for `flush_pending()`.

    `what` says which write failed ("answer", "state", "profile"), so the app can say
    each kind of failure once rather than at every click; `reason` is the cause alone
    ("le disque est plein"), for a command to word its own message.
    """

    def __init__(self, message: str, pending: int, what: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.pending = pending
        self.what = what
        self.reason = reason


class StoreBusyError(StoreWriteError):
    """Another process held the lock longer than the timeout."""


@frozen(slots=False)
class StoreNotice(Frozen):
    """Something the store repaired or could not do, already worded for people."""

    code: str
    path: str
    message: str


@frozen
class Appended(Frozen):
    """What one write of a learner's answers did, seen under the lock: the newest segment
    just before (`segment_identity`, None if there was none), each segment written as it
    is just after, and the ids of the answers written. Whoever knew the files as they were
    before knows them exactly after, without reading them again."""

    before: list[Any] | None
    after: list[list[Any]]
    ids: tuple[str, ...]


def clean_name(raw: str) -> str:
    """The name as typed, made safe: control and escape sequences out, spaces collapsed.

    Leading `= + - @` are dropped too, so a name never starts a spreadsheet formula.
    Raises InvalidNameError (French message) when nothing is left or it is too long.
    """
    text = unicodedata.normalize("NFC", str(raw))
    if "\x1b" in text or "\x9b" in text:
        text = re.sub(_ANSI_SOURCE, "", text)
    text = "".join(" " if c in _SPACES else c for c in text)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    text = " ".join(text.split()).lstrip(_FORMULA_START + " ")
    if not text:
        raise InvalidNameError(t("store.name.empty"))
    if len(text) > NAME_MAX:
        raise InvalidNameError(t("store.name.too_long", max=NAME_MAX, length=len(text)))
    return text


@functools.lru_cache(maxsize=4096)  # asked for every profile each time a learner is looked up
def name_key(name: str) -> str:
    """The form two names are compared in: no case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> str:
    """Now, ISO 8601 in UTC with a Z, microseconds included so answers keep their order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_timestamp(value: str) -> datetime:
    """An aware datetime from an ISO 8601 string (no zone means UTC). Raises ValueError."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def timestamp_key(value: str) -> datetime:
    """Sort key for timestamps written by different machines and formats."""
    try:
        return parse_timestamp(value)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def _is_json(value: object, depth: int = 0) -> bool:
    if depth > 32:
        return False
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_is_json(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v, depth + 1) for k, v in value.items())
    return False


def is_json_object(value: object) -> bool:
    """True for a dict that json can write and read back unchanged."""
    return isinstance(value, dict) and _is_json(value)


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise RecordError(what)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(float(value))  # type: ignore[arg-type]


def _is_timestamp(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse_timestamp(value)
    except ValueError:
        return False
    return True


@frozen(slots=False)
class Learner(Frozen):
    """A learner's profile. The id names their folder; the name is only ever shown."""

    id: str
    name: str
    created: str

    def __post_init__(self) -> None:
        _check(is_learner_id(self.id), f"learner id {self.id!r}")
        _check(isinstance(self.name, str) and self.name == _cleaned_or_empty(self.name), "name")
        _check(_is_timestamp(self.created), "created")

    @classmethod
    def new(cls, name: str) -> Learner:
        return cls(id=new_id(), name=clean_name(name), created=utc_now())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> Learner:
        _check(isinstance(data, dict), "learner is not an object")
        assert isinstance(data, dict)
        try:
            return cls(id=data["id"], name=data["name"], created=data["created"])
        except KeyError as missing:
            raise RecordError(f"learner without {missing}") from None


def _cleaned_or_empty(name: str) -> str:
    try:
        return clean_name(name)
    except InvalidNameError:
        return ""


@frozen(slots=False)
class AnswerRecord(Frozen):
    """One submitted answer. `id` and `timestamp` may be left empty: the store fills them."""

    id: str
    learner: str
    lesson: str
    quiz: str
    question: str
    qtype: str
    response: Any
    response_text: str
    correct: bool
    score: float
    hints_used: int
    duration_s: float
    timestamp: str
    attempt: int
    session: str | None
    confidence: int | None = field(default=None)
    mode: str = field(default="quiz")
    """"quiz" (an attempt), "review" (spaced review) or "activity" (an interactive section)."""
    sitting: str = field(default="")
    """The attempt's own id (a random hex string), so sittings from two machines stay apart.
    Empty in answers stored before sittings existed: `attempt` then tells them apart."""

    def __post_init__(self) -> None:
        for name in ("id", "lesson", "quiz", "question", "qtype", "response_text", "timestamp"):
            _check(isinstance(getattr(self, name), str), name)
        _check(len(self.id) <= 64, "id")
        _check(is_learner_id(self.learner), f"learner id {self.learner!r}")
        _check(_is_json(self.response), "response is not plain JSON")
        _check(isinstance(self.correct, bool), "correct")
        _check(_is_number(self.score) and 0.0 <= self.score <= 1.0, "score")
        _check(_is_int(self.hints_used) and self.hints_used >= 0, "hints_used")
        _check(_is_number(self.duration_s) and self.duration_s >= 0, "duration_s")
        _check(not self.timestamp or _is_timestamp(self.timestamp), "timestamp")
        _check(_is_int(self.attempt) and self.attempt >= 1, "attempt")
        _check(self.session is None or isinstance(self.session, str), "session")
        _check(self.confidence is None or _is_int(self.confidence), "confidence")
        _check(self.mode in ("quiz", "review", "activity"), "mode")
        _check(isinstance(self.sitting, str) and len(self.sitting) <= 64, "sitting")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> AnswerRecord:
        """An answer read back from a file: unknown keys are ignored, id and time required."""
        _check(isinstance(data, dict), "answer is not an object")
        assert isinstance(data, dict)
        values = {name: data[name] for name in _ANSWER_FIELDS if name in data}
        values.setdefault("session", None)
        try:
            record = cls(**values)
        except TypeError as error:  # a required field is missing
            raise RecordError(str(error)) from None
        _check(bool(record.id) and bool(record.timestamp), "answer without id or timestamp")
        return record


write_inits()  # the classes above get their __init__, compiled at once

_ANSWER_FIELDS = tuple(f.name for f in fields(AnswerRecord))
