"""A report computed from every learner's files (the first after an installation): the cycle
collector is held off while learners are read and runs again as before afterwards, however
computations overlap; answers already in time order write the CSV rows answers in any
order write; a learner's figures built without the constructor equal the constructor's; each
learner's folder is listed once, for the cache's key and the read alike."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from course.progress import ProgressStore
from course.reports import cache as report_cache
from course.reports import csv_export
from course.reports.compute import LearnerData, compute_reports, memory_source, store_source
from course.reports.model import LEARNER_FIELDS, LearnerFigures, learner_figures
from tests.unit import reports_data as data
from tests.unit.test_report_cache import age
from tests.unit.test_report_plain_pass import answer, csv_rows

INDEX = data.index()


def watched(seen: list[bool]) -> Iterator[LearnerData]:
    """The hand-built workshop's learners, noting whether the collector runs as each is read."""
    for learner in memory_source(data.learners(), data.answers()):
        seen.append(gc.isenabled())
        yield learner


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_held_off_while_learners_are_read_then_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        seen: list[bool] = []
        report = compute_reports(watched(seen), INDEX)[None]
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)
    assert after is enabled
    assert report.answers == len(data.answers())


def test_overlapping_computations_let_the_collector_run_only_when_the_last_ends() -> None:
    inside, release = threading.Event(), threading.Event()
    states: list[bool] = []

    def slow() -> Iterator[LearnerData]:
        inside.set()
        release.wait(10)
        yield from memory_source(data.learners(), data.answers())

    worker = threading.Thread(target=lambda: compute_reports(slow(), INDEX))
    was = gc.isenabled()
    gc.enable()
    try:
        worker.start()
        assert inside.wait(10)
        compute_reports(memory_source(data.learners(), data.answers()), INDEX)  # ends first
        states.append(gc.isenabled())
        release.set()
        worker.join(10)
        states.append(gc.isenabled())
    finally:
        release.set()
        (gc.enable if was else gc.disable)()
    assert not worker.is_alive()
    assert states == [False, True]


def test_rows_of_answers_in_time_order_are_those_of_the_same_answers_shuffled() -> None:
    picks = [
        (question, session, mode, f"s{n // 4}", n, n % 3 != 0, n % 2, 12.5 + n, 1 + n // 8)
        for n, (question, session, mode) in enumerate(
            (q, s, m)
            for s in ("matin", " après-midi ")
            for m in ("quiz", "activity")
            for q in list(INDEX.questions)[:6]
        )
    ]
    in_order = [answer(n, pick) for n, pick in enumerate(picks)]
    in_order[3]["confidence"] = 2
    in_order[5]["qtype"] = "=cmd"
    shuffled = in_order[7:] + in_order[:7]
    for sep in (";", ","):
        for session in (None, "matin", "après-midi"):
            expected = csv_rows(shuffled, sep, session)
            assert csv_rows(in_order, sep, session) == expected
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(csv_export, "plain_columns", lambda answers: None)
                assert csv_rows(in_order, sep, session) == expected
    text, count = csv_rows(in_order, ";", None)
    assert count == len(in_order) and text.count("\r\n") == count
    assert ";'=cmd;" in text


def test_learner_figures_built_for_a_report_equal_those_of_the_dataclass_constructor() -> None:
    report = compute_reports(memory_source(data.learners(), data.answers()), INDEX)[None]
    for figures in report.learners:
        fields = {name: getattr(figures, name) for name in LEARNER_FIELDS}
        own = LearnerFigures(**fields)
        assert figures == own
        assert replace(figures, needs_help=not figures.needs_help).needs_help is not figures.needs_help
        assert figures.needs_help == (figures.level is not None and figures.level < report.help_below)
    assert any(x.needs_help for x in report.learners) and not all(x.needs_help for x in report.learners)
    with pytest.raises(ValueError):
        learner_figures({"id": "x"})


def test_a_cold_report_lists_each_learner_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from course.reports.course_index import build_index

    index = build_index(data.course(tmp_path / "cours"))
    data.build(tmp_path).close()
    age(tmp_path / "ici")  # files of an earlier workshop: the cache trusts them
    store = ProgressStore(tmp_path / "ici")
    learners_root = str(store.paths.learners_root)
    listed: list[str] = []
    real = os.listdir

    def listdir(path: Any = ".") -> list[str]:
        if os.path.dirname(os.fspath(path)) == learners_root:
            listed.append(os.path.basename(os.fspath(path)))
        return real(path)

    expected = compute_reports(store_source(store)[1], index)[None]  # read as without a cache
    monkeypatch.setattr(os, "listdir", listdir)
    cache = report_cache.ReportCache(tmp_path / "ici", index)
    report = compute_reports(report_cache.cached_store_source(store, cache)[1], index)[None]
    ids = [x.id for x in store.list_learners()]
    assert sorted(listed) == sorted(ids)  # one listing each: the cache's key and the read share it
    assert cache.misses == len(ids)
    assert report == expected and report.answers > 0
