"""Each learner's report figures, kept between runs until one of her files changes.

Reading every answer again is most of the cost of a report: a learner whose answer
segments and state file have not changed since the last run has the same figures. Those
figures (what `learner_results` returns for every session she was seen in, without the
answers themselves), and the rows she adds to the CSV of every answer, are kept in the
user's cache folder (as the course cache and the checked-answers index; never in the data
dir): every learner's figures in one file (`PACK`), her CSV rows in another (`ROWS`), each
read and written whole (one file to create per run, not one per learner), each entry under
a key made of:

- the identity of every answer segment and of the state file (inode, size, change times
  in nanoseconds), her id and name;
- the course index's fingerprint and the code that computes the figures;
- for the CSV rows, the separator, the name or pseudonym shown, the session chosen.

Any other key, or a file that does not read back whole, is ignored and the learner is read
again: the cache can only save time, never change a figure. A file changed less than
`RACY_NS` ago is not trusted (a second change in the same clock tick could keep its size
and time), nor is a learner whose answers wait in memory or whose read gave a notice.
Files are written whole (temporary file, then rename), readable by their owner only.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import suppress
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

from course.progress.checked import _cache_dir, replace_cache_file
from course.progress.paths import is_learner_id
from course.reports.compute import LearnerData, store_source
from course.reports.learner_pass import LearnerResult, Marks
from course.reports.model import (
    ATTEMPT_FIELDS,
    CourseIndex,
    LearnerFigures,
    TestFigures,
    Visit,
    attempt_figures,
)

CACHE_VERSION = 4
PACK = "figures.pack"
"""Every learner's figures: `marshal` of {learner id: `marshal` of (key, plain lists, numbers
and texts)}, which reads back several times faster than JSON; an entry is unpacked only
when its learner is reported on, and anything else read back is ignored."""
ROWS = "rows.pack"
"""Every learner's rows of the CSV of every answer, one entry ("key count\\n" and the rows)
after another, then their index ({learner id: (offset, length)}, `marshal`) and the index's
offset (8 bytes): written as learners are read, read an entry at a time (`_RowsFile`)."""
RACY_NS = 2_000_000_000
"""Files changed this recently are read, not looked up (a change within the same tick)."""
_CODE = (
    "course.reports.cache",
    "course.reports.learner_pass",
    "course.reports.model",
    "course.reports.stats",
    "course.reports.csv_export",
    "course.learning.scoring",
    "course.text.safe",
)


def _code_fingerprint() -> str:
    digest = hashlib.sha256(f"{CACHE_VERSION}:{marshal.version}".encode())
    for name in _CODE:
        module = sys.modules.get(name)
        if module is None:
            __import__(name)
            module = sys.modules[name]
        source = getattr(module, "__file__", None)
        try:
            with open(source or "", "rb") as handle:
                digest.update(handle.read())
        except OSError:
            digest.update(b"?" + name.encode())
    return digest.hexdigest()


def index_fingerprint(index: CourseIndex) -> str:
    """Equal for two indexes with the same modules, lessons, quizzes, questions and titles."""
    return hashlib.sha256(repr(index).encode("utf-8", "surrogatepass")).hexdigest()


def _inside(folder: Path, data_dir: Path) -> bool:
    try:
        folder.resolve().relative_to(data_dir.resolve())
    except (ValueError, OSError):
        return False
    return True


class ReportCache:
    """The cached figures of one data dir's learners, for one course index."""

    def __init__(self, data_dir: Path, index: CourseIndex, folder: Path | None = None) -> None:
        key = hashlib.sha256(os.fsencode(os.path.abspath(data_dir))).hexdigest()[:32]
        self.folder = (folder if folder is not None else _cache_dir()) / "reports" / key
        self.enabled = not _inside(self.folder, Path(data_dir))
        """A cache folder inside the data dir is never used (it would travel with the data)."""
        self._base = f"{_code_fingerprint()}:{index_fingerprint(index)}"
        self.hits = 0
        self.misses = 0
        self._made = False
        self._packs: dict[str, dict[str, bytes]] = {}
        self._changed: set[str] = set()
        self._rows_before: _RowsFile | None = None
        self._rows_after: _RowsWriter | None = None
        self._rows_gone: set[str] = set()

    def _pack(self, name: str) -> dict[str, bytes]:
        entries = self._packs.get(name)
        if entries is None:
            entries = self._packs[name] = {}
            payload = self.read(name)
            try:
                doc = marshal.loads(payload) if payload is not None else None
            except (ValueError, EOFError, TypeError):
                doc = None
            if type(doc) is dict:
                entries.update((k, v) for k, v in doc.items() if type(k) is str and type(v) is bytes)
        return entries

    def packed(self, name: str, learner_id: str) -> bytes | None:
        """A learner's entry in pack `name` as the last run kept it (under whatever key)."""
        return self._pack(name).get(learner_id)

    def keep_packed(self, name: str, learner_id: str, payload: bytes) -> None:
        self._pack(name)[learner_id] = payload
        self._changed.add(name)

    def save(self) -> None:
        """Write the packs changed in this run, with the entries kept before (whole files)."""
        for name in sorted(self._changed):
            self.write(name, marshal.dumps(self._packs[name]))
        self._changed.clear()
        before, after = self._rows_file(), self._rows_after
        if after is None and self._rows_gone:
            after = self._rows_writer()
        if after is not None:
            for learner_id in before.index:
                if learner_id not in after.index and learner_id not in self._rows_gone:
                    entry = before.get(learner_id)
                    if entry is not None:
                        after.add(learner_id, entry)
            after.finish(self.folder / ROWS)
        before.close()
        self._rows_before = self._rows_after = None
        self._rows_gone = set()

    def _rows_file(self) -> _RowsFile:
        if self._rows_before is None:
            self._rows_before = _RowsFile(self.folder / ROWS)
        return self._rows_before

    def _rows_writer(self) -> _RowsWriter | None:
        if self._rows_after is None:
            self._rows_file()  # the file as it was, before it is replaced
            self._ready()
            self._rows_after = _RowsWriter(self.folder)
        return self._rows_after if self._rows_after.handle is not None else None

    def rows_entry(self, learner_id: str) -> bytes | None:
        """A learner's rows entry as the last run kept it (under whatever key)."""
        return self._rows_file().get(learner_id)

    def keep_rows_entry(self, learner_id: str, entry: bytes) -> None:
        writer = self._rows_writer()
        if writer is not None:
            writer.add(learner_id, entry)

    def learner_key(self, learner_id: str, name: str, files: list[Path]) -> str | None:
        """The key of a learner's figures, from the identity of `files`; None when one of
        them changed too recently to be trusted, or cannot be looked at."""
        if not self.enabled or not is_learner_id(learner_id):
            return None
        parts = [self._base, learner_id, name]
        recent = time.time_ns() - RACY_NS
        for path in files:
            try:
                info = os.stat(path)
            except FileNotFoundError:
                parts.append(f"{path.name}:-")
                continue
            except OSError:
                return None
            if info.st_mtime_ns > recent:
                return None
            parts.append(f"{path.name}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}")
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def read(self, name: str) -> bytes | None:
        try:
            with open(self.folder / name, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def write(self, name: str, payload: bytes) -> None:
        """Replace one cache file whole; a cache that cannot be written is not an error."""
        self._ready()
        replace_cache_file(self.folder / name, payload)

    def _ready(self) -> None:
        """Make the cache folder (the user's own) if it is not there yet."""
        with suppress(OSError):
            if not self._made:
                self.folder.parent.parent.mkdir(parents=True, exist_ok=True)
                for folder in (self.folder.parent, self.folder):
                    folder.mkdir(exist_ok=True, mode=0o700)
                self._made = True

    def keep_only(self, learner_ids: Collection[str]) -> None:
        """Forget the learners no longer in the data dir (deleted, or never to be seen again)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            stem = name.split(".", 1)[0]
            if is_learner_id(stem):
                with suppress(OSError):  # a file of an earlier version
                    os.unlink(self.folder / name)
        entries = self._pack(PACK)
        for learner_id in [x for x in entries if x not in learner_ids]:
            del entries[learner_id]
            self._changed.add(PACK)
        self._rows_gone = {x for x in self._rows_file().index if x not in learner_ids}


class CachedLearner:
    """One learner's entries in the cache, looked up under one key."""

    def __init__(self, cache: ReportCache, learner: Mapping[str, Any], key: str) -> None:
        self.cache = cache
        self.learner_id = str(learner.get("id", ""))
        self.name = learner.get("name") if isinstance(learner.get("name"), str) else ""
        self.key = key
        self.clean = True
        """False once reading her files gave a notice (a damaged file): nothing is kept then."""

    # ----- figures -----------------------------------------------------------------------

    def results(
        self, help_below: float, scopes: Collection[str | None] | None = None
    ) -> dict[str | None, LearnerResult] | None:
        """Her figures as kept, for `scopes` only (None: every scope kept); None if not kept."""
        payload = self.cache.packed(PACK, self.learner_id)
        found = None
        if payload is not None:
            try:
                doc = marshal.loads(payload)
                if type(doc) is tuple and len(doc) == 2 and doc[0] == self.key:
                    found = _load_results(doc[1], self.learner_id, str(self.name), help_below, scopes)
            except (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
                found = None
        if found is None:
            self.cache.misses += 1
        else:
            self.cache.hits += 1
        return found

    def keep_results(self, results: Mapping[str | None, LearnerResult]) -> None:
        if self.clean:
            self.cache.keep_packed(PACK, self.learner_id, marshal.dumps((self.key, _dump_results(results))))

    # ----- CSV rows ----------------------------------------------------------------------

    def rows(self, options: str) -> tuple[str, int] | None:
        """Her rows of the CSV of every answer, written with `options`, and their count."""
        payload = self.cache.rows_entry(self.learner_id)
        if payload is None:
            return None
        head, _, body = payload.partition(b"\n")
        try:
            key, count = head.decode("ascii").split(" ")
            if key != self._rows_key(options):
                return None
            return body.decode("utf-8"), int(count)
        except (ValueError, UnicodeDecodeError):
            return None

    def keep_rows(self, options: str, text: str, count: int) -> None:
        if self.clean:
            head = f"{self._rows_key(options)} {count}\n".encode("ascii")
            self.cache.keep_rows_entry(self.learner_id, head + text.encode("utf-8", "surrogatepass"))

    def _rows_key(self, options: str) -> str:
        return hashlib.sha256(f"{self.key}\0{options}".encode("utf-8", "surrogatepass")).hexdigest()


def cached_store_source(
    store: Any,
    cache: ReportCache | None,
    learner_ids: Collection[str] | None = None,
    order: Callable[[Any], Any] | None = None,
) -> tuple[int, Iterator[LearnerData]]:
    """`store_source`, each learner read only if the cache does not hold her figures (or
    her CSV rows) for her files as they are now. Without a cache, `store_source` itself."""
    if cache is None or not cache.enabled:
        return store_source(store, learner_ids, order)
    everyone = store.list_learners()
    learners = [x for x in everyone if learner_ids is None or x.id in learner_ids]
    if order is not None:
        learners.sort(key=order)
    waiting = {record.learner for record in store.pending_answers()}

    def reader(
        learner_id: str, entry: CachedLearner | None, names: list[str] | None
    ) -> Callable[[], tuple[Any, Any]]:
        def read() -> tuple[Any, Any]:
            notices = len(store.notices)
            answers, state = store.read_for_report(learner_id, names)
            if entry is not None and len(store.notices) != notices:
                entry.clean = False
            return answers, state

        return read

    def read() -> Iterator[LearnerData]:
        for learner in learners:
            profile = learner.to_dict()
            names, files = store.report_files(learner.id)  # one listing: the key's files are those read
            key = None if learner.id in waiting else cache.learner_key(learner.id, learner.name, files)
            entry = CachedLearner(cache, profile, key) if key is not None else None
            yield LearnerData(profile, read=reader(learner.id, entry, names), cache=entry)
        if learner_ids is None:
            cache.keep_only({x.id for x in everyone})
        cache.save()

    return len(learners), read()


# ----- the figures as plain data (lists, numbers, texts) ------------------------------------


def _dump_results(results: Mapping[str | None, LearnerResult]) -> list[Any]:
    every = results[None]
    place = {id(a): n for n, a in enumerate(every.attempts)}
    attempts = list(map(_ATTEMPT_VALUES, every.attempts))
    scopes: list[Any] = [attempts]
    for scope, result in results.items():
        x = result.figures
        scopes.append(
            [
                scope,
                list(x.lessons_done),
                x.lessons_total,
                x.best_scores,
                sorted(x.passed),
                x.average_score,
                {k: [v.score, v.complete, v.discernment] for k, v in x.pretests.items()},
                {k: [v.score, v.complete, v.discernment] for k, v in x.posttests.items()},
                [x.activities, x.activities_correct, x.reviews, x.answers, x.correct, x.hints_used],
                x.time_s,
                [[v.session, v.first, v.last, v.duration_s, v.answers] for v in x.visits],
                x.first,
                x.last,
                [place[id(a)] for a in result.attempts],
                list(result.first_sittings),
            ]
        )
    # A session's first sittings are those of every session that were taken in it.
    scopes.append([[quiz, score, *marks] for quiz, (marks, score) in every.first_sittings.items()])
    return scopes


_ATTEMPT_VALUES = attrgetter(*ATTEMPT_FIELDS[1:])
_TUPLE = {tuple}
_STR, _FLOAT, _BOOL = {str}, {float}, {bool}


def _marks(questions: Any, scores: Any, correct: Any, texts: Any) -> Marks:
    """A first sitting's marks as kept (`Marks`: four columns of one length), checked whole."""
    columns = (questions, scores, correct, texts)
    if (
        set(map(type, columns)) != _TUPLE
        or len(set(map(len, columns))) != 1
        or (
            questions
            and not (
                set(map(type, questions)) == _STR
                and set(map(type, scores)) == _FLOAT
                and set(map(type, correct)) == _BOOL
                and set(map(type, texts)) == _STR
            )
        )
    ):
        raise ValueError("marks")
    return columns


def _test(value: list[Any]) -> TestFigures:
    score, complete, discernment = value
    return TestFigures(float(score), complete is True, None if discernment is None else float(discernment))


def _load_results(
    doc: list[Any], learner_id: str, name: str, help_below: float, scopes: Collection[str | None] | None
) -> dict[str | None, LearnerResult]:
    attempts = [
        attempt_figures(dict(zip(ATTEMPT_FIELDS, (learner_id, *values), strict=True))) for values in doc[0]
    ]
    sittings = {quiz: (_marks(*marks), score) for quiz, score, *marks in doc[-1]}
    out: dict[str | None, LearnerResult] = {}
    if None not in [entry[0] for entry in doc[1:-1]]:
        raise KeyError("no scope of every session")
    for entry in doc[1:-1]:
        if scopes is not None and entry[0] not in scopes:
            continue
        scope, done, total, best, passed, average, pre, post, counts, time_s, visits, first, last = entry[:13]
        chosen, firsts = entry[13:]
        activities, activities_correct, reviews, answers, correct, hints = counts
        figures = LearnerFigures(
            id=learner_id,
            name=name,
            lessons_done=tuple(done),
            lessons_total=total,
            best_scores=dict(best),
            passed=frozenset(passed),
            average_score=average,
            pretests={k: _test(v) for k, v in pre.items()},
            posttests={k: _test(v) for k, v in post.items()},
            activities=activities,
            activities_correct=activities_correct,
            reviews=reviews,
            answers=answers,
            correct=correct,
            hints_used=hints,
            time_s=time_s,
            visits=tuple(Visit(*v) for v in visits),
            first=first,
            last=last,
            needs_help=False,
        )
        level = figures.level
        if level is not None and level < help_below:
            figures = replace(figures, needs_help=True)
        out[scope] = LearnerResult(
            figures,
            [attempts[n] for n in chosen],
            {quiz: sittings[quiz] for quiz in firsts},
        )
    return out


# ----- the rows pack ---------------------------------------------------------------------------

_TRAILER = 8


class _RowsFile:
    """The rows pack as the last run wrote it: entries read one at a time; anything odd in
    it reads as an empty pack."""

    def __init__(self, path: Path) -> None:
        self.index: dict[str, tuple[int, int]] = {}
        self.handle: BinaryIO | None = None
        try:
            handle = open(path, "rb")  # noqa: SIM115 (kept open for the run, closed by `close`)
        except OSError:
            return
        try:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(size - _TRAILER)
            start = int.from_bytes(handle.read(_TRAILER), "little")
            handle.seek(start)
            index = marshal.loads(handle.read(size - _TRAILER - start))
            if type(index) is dict and all(
                type(k) is str
                and type(v) is tuple
                and len(v) == 2
                and all(type(n) is int for n in v)
                and v[0] >= 0
                and v[1] >= 0
                and v[0] + v[1] <= start
                for k, v in index.items()
            ):
                self.index, self.handle = index, handle
                return
        except (OSError, ValueError, EOFError, TypeError, OverflowError):
            pass
        handle.close()

    def get(self, learner_id: str) -> bytes | None:
        spot = self.index.get(learner_id)
        if spot is None or self.handle is None:
            return None
        try:
            self.handle.seek(spot[0])
            entry = self.handle.read(spot[1])
        except OSError:
            return None
        return entry if len(entry) == spot[1] else None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


class _RowsWriter:
    """A new rows pack, written entry by entry into a temporary file, then put in place whole."""

    def __init__(self, folder: Path) -> None:
        self.index: dict[str, tuple[int, int]] = {}
        self.handle: BinaryIO | None = None
        self.temp = ""
        self.offset = 0
        try:
            fd, self.temp = tempfile.mkstemp(prefix=".rows-", dir=folder)  # mode 0600
            self.handle = os.fdopen(fd, "wb")
        except OSError:
            self.handle = None

    def add(self, learner_id: str, entry: bytes) -> None:
        if self.handle is None:
            return
        try:
            self.handle.write(entry)
        except OSError:
            self._drop()
            return
        self.index[learner_id] = (self.offset, len(entry))
        self.offset += len(entry)

    def finish(self, path: Path) -> None:
        if self.handle is None:
            return
        try:
            self.handle.write(marshal.dumps(self.index))
            self.handle.write(self.offset.to_bytes(_TRAILER, "little"))
            self.handle.close()
            os.replace(self.temp, path)
        except OSError:
            self._drop()
        self.handle, self.temp = None, ""

    def _drop(self) -> None:
        if self.handle is not None:
            with suppress(OSError):
                self.handle.close()
            self.handle = None
        if self.temp:
            with suppress(OSError):
                os.unlink(self.temp)
            self.temp = ""

    def __del__(self) -> None:  # a run given up before its end leaves no temporary file
        self._drop()
