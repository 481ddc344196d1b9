"""A small per-learner summary of what is derived from the answers, kept between starts.

Lesson states, scores, review boxes and « Continuer » are derived from every answer the
learner ever gave; deriving them at each start grew with the learner's past. The journey
keeps what it derived here, next to the identity of the answer files it derived it from
(`answers_identity`: the name and inode of each full segment as the folder lists them, the
newest segment's inode, size and change time; kept as their count, a digest and the newest,
so the summary's size does not grow with the past either). At the next start
a summary whose identity still matches the files is used as it is and no old answer is
read; any other summary (missing, unreadable, of another version, or stale because an
answer was written, a kill came between the answer and the summary, an import merged
answers, a segment was set aside) is ignored and rebuilt from the answers.

The identity is taken BEFORE the answers are read: an answer written meanwhile by another
window makes the saved summary look stale at the next start, never wrong. During a session
the journey keeps the summary in step with each answer it writes, saved with the files'
identity just after that write (`ProgressStore.last_append`), only while it knows that no
one else wrote since (the newest segment before its write is the one it knew): the next
start then reads no answer. A quiz taken after a fresh start reads none either: the
attempt's answers are those the journey wrote, and its result joins the quiz's figures.
On any doubt it stops saving, and the next start rebuilds. Like the index
of checked segments, the summary is derived data: it lives in the cache folder, never in
the data dir, is replaced whole, and losing it only costs one read of the answers.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from course.progress.checked import _cache_dir, replace_cache_file
from course.progress.paths import StorePaths, segment_names, sha256_hex

SUMMARY_VERSION = 8
Identity = list[list[Any]]
"""The answer files as `answers_identity` saw them: [name, inode] of each full segment, then
[name, inode, size, mtime_ns] of the newest, in segment order."""


def answers_identity(paths: StorePaths, learner_id: str) -> Identity:
    """What the learner's answer files are now, from one listing of her folder and one stat.

    Only the newest segment is ever written (`ProgressStore._append`); every other one is
    full and never written again. For those the listing is enough: the folder gives each
    name with its inode, without a stat, and anything that changes a full segment shows
    there (set aside: its name goes; replaced by a copy, a restore or any atomic write: its
    inode changes). The newest, which each answer rewrites, is looked at whole (inode, size,
    change time). Opening a learner thus costs one stat whatever her past, plus a listing
    of one short name per hundred answers. Not seen: a full segment rewritten in place (its
    inode kept) while the newest is left as it was; neither the store, an import, nor a copy
    of the folder over itself (which rewrites the newest too) does that."""
    folder = paths.learner_dir(learner_id)
    try:
        with os.scandir(folder) as entries:
            inodes = {entry.name: entry.inode() for entry in entries}
    except OSError:  # no folder; or Windows, which looks each inode up: a stat each
        inodes = {}
        with suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                try:
                    inodes[entry.name] = entry.inode()
                except OSError:
                    inodes[entry.name] = -1
    names = segment_names(list(inodes))
    if not names:
        return []
    seen: Identity = [[name, inodes[name]] for name in names]
    newest = names[-1]
    try:
        info = os.stat(os.path.join(folder, newest))
        seen[-1] = [newest, info.st_ino, info.st_size, info.st_mtime_ns]
    except OSError:
        seen[-1] = [newest, -1, -1, -1]
    return seen


def identity_after(known: Identity, after: list[list[Any]]) -> Identity:
    """The files' identity after a write that found them as `known` and left the segments
    of `after` (`Appended.after`: the newest rewritten, and those it started, each as
    `segment_identity` sees it): a segment that is no longer the newest keeps its name and
    inode only, as `answers_identity` lists it."""
    if not after:
        return known
    names = {seen[0] for seen in after}
    head = [seen for seen in known[-2:] if seen[0] not in names]
    full = [seen if len(seen) == 2 else seen[:2] for seen in (*head, *after[:-1])]
    return [*known[:-2], *full, after[-1]]


def _stored(identity: Identity) -> list[Any]:
    """What a summary keeps of `identity`, the same size whatever the learner's past: how
    many segments, a digest of the full ones' names and inodes, the newest one whole."""
    return [len(identity), _digest(identity[:-1]), identity[-1] if identity else None]


def _digest(full: Identity) -> str:
    text = "\n".join([f"{seen[0]} {seen[1]}" for seen in full])
    return sha256_hex(text.encode("utf-8", "surrogateescape"))[:32]


def summary_path(paths: StorePaths, learner_id: str) -> Path:
    folder = os.path.abspath(paths.learner_dir(learner_id))
    key = sha256_hex(os.fsencode(folder))[:32]
    return _cache_dir() / "summaries" / f"{key}.json"


def load_summary(
    paths: StorePaths, learner_id: str, course_key: str
) -> tuple[dict[str, Any], Identity] | None:
    """The saved summary and the files' identity, if it was derived from the answer files as
    they are now, for this course; None otherwise (the caller derives from the answers and
    saves again)."""
    try:
        with open(summary_path(paths, learner_id), "rb") as handle:
            data = json.loads(handle.read(1 << 22))
    except (OSError, ValueError, RecursionError):
        return None
    if type(data) is not dict or data.get("version") != SUMMARY_VERSION or data.get("course") != course_key:
        return None
    now = answers_identity(paths, learner_id)
    if data.get("answers") != _stored(now) or type(data.get("derived")) is not dict:
        return None
    derived: dict[str, Any] = data["derived"]
    return derived, now


def save_summary(
    paths: StorePaths, learner_id: str, course_key: str, answers: Identity, derived: dict[str, Any]
) -> None:
    """Replace the summary whole; `answers` is the identity of the files it was derived from
    (taken before they were read, or known exactly after a write). The lists and dicts of
    `derived` (and of its dicts) are replaced when they change, never changed in place.
    A cache that cannot be written is not an error."""
    path = summary_path(paths, learner_id)
    kept = _kept.pop(path, None) or _Texts()
    head = _dump({"version": SUMMARY_VERSION, "course": course_key})
    payload = f'{head[:-1]},"answers":{kept.identity(answers)},"derived":{kept.derived(derived)}}}'.encode()
    _kept[path] = kept
    while len(_kept) > 4:  # a few learners' summaries, the last saved
        del _kept[next(iter(_kept))]
    replace_cache_file(path, payload)  # a reader sees the old summary or the new one, whole


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Texts:
    """The text of what a learner's summary held when last saved, so that saving it after
    one more answer writes again the text of what changed only (a quiz's figures, a review
    card), whatever the learner's past: the journey replaces a list or dict that changes
    rather than changing it in place, so each is known by its identity; and the digest of
    the full answer segments changes only when one more is full."""

    def __init__(self) -> None:
        self.texts: dict[int, tuple[Any, str]] = {}
        self.full: tuple[Identity, str] = ([], _digest([]))

    def derived(self, derived: dict[str, Any]) -> str:
        kept, used = self.texts, {}

        def text(value: Any) -> str:
            if not isinstance(value, (list, dict)):
                return _dump(value)
            seen = kept.get(id(value))
            if seen is None or seen[0] is not value:
                seen = (value, _dump(value))
            used[id(value)] = seen
            return seen[1]

        parts = []
        for name, value in derived.items():
            if isinstance(value, dict):
                inner = ",".join(f"{_dump(key)}:{text(item)}" for key, item in value.items())
                parts.append(f"{_dump(name)}:{{{inner}}}")
            elif isinstance(value, list):
                parts.append(f"{_dump(name)}:[{','.join(text(item) for item in value)}]")
            else:
                parts.append(f"{_dump(name)}:{_dump(value)}")
        self.texts = used
        return f"{{{','.join(parts)}}}"

    def identity(self, answers: Identity) -> str:
        full = answers[:-1]
        if self.full[0] != full:
            self.full = (full, _digest(full))
        stored = [len(answers), self.full[1], answers[-1] if answers else None]
        return _dump(stored)


_kept: dict[Path, _Texts] = {}


# ----- the learners' folders, as a check at start-up last found them in order ---------------

#: A folder changed less than this long ago may change again within the same tick of its
#: clock without its change time moving: its stamp is not kept (as git does for its index).
SETTLED_NS = 2_000_000_000


def listing_stamp(paths: StorePaths) -> list[Any] | None:
    """What the learners' folder, the name index and learners.json are now (inode, change
    time, links, size; no listing): any learner added, removed or renamed, any file written
    in the name index, learners.json replaced, changes it. None if one cannot be looked at."""
    stamp: list[Any] = [str(os.path.abspath(paths.root))]
    for path in (paths.learners_root, paths.names, paths.learners_db):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            stamp.append(None)
            continue
        except OSError:
            return None
        stamp.append([info.st_ino, info.st_mtime_ns, info.st_nlink, info.st_size])
    return stamp


def _listing_path(paths: StorePaths) -> Path:
    key = sha256_hex(os.fsencode(os.path.abspath(paths.root)))[:32]
    return _cache_dir() / "listed" / f"{key}.json"


def load_listing_stamp(paths: StorePaths) -> list[Any] | None:
    """The stamp saved by the last start that found every learner folder in order."""
    try:
        with open(_listing_path(paths), "rb") as handle:
            data = json.loads(handle.read(1 << 16))
    except (OSError, ValueError, RecursionError):
        return None
    return data if type(data) is list else None


def save_listing_stamp(paths: StorePaths, stamp: list[Any] | None) -> None:
    """Keep `stamp` (taken before a check that found nothing to repair and still true after
    it), unless a folder changed too recently for its change time to be trusted."""
    if stamp is None:
        return
    import time

    settled = time.time_ns() - SETTLED_NS
    if any(type(seen) is list and seen[1] > settled for seen in stamp[1:]):
        return
    payload = json.dumps(stamp, separators=(",", ":")).encode("utf-8")
    replace_cache_file(_listing_path(paths), payload)
