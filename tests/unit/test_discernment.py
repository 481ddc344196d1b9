"""Scoring the message inspector: hits, false alarms, verdicts and the discernment index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.content.model import Clue, Detail, InspectItem
from course.quiz.discernment import discernment, score_item


def _item(id: str, reliable: bool, clues: dict[str, bool]) -> InspectItem:
    return InspectItem(
        id=id,
        format="sms",
        details=[Detail("De", "x")],
        reliable=reliable,
        explanation="",
        clues=[Clue(id=c, text=c, suspicious=s, explanation="") for c, s in clues.items()],
    )


# Suspicious clues: a1, a2, b3 (3). Reassuring: a3, b1, b2 (3).
PARCEL = _item("colis", False, {"a1": True, "a2": True, "a3": False})
TOWN_HALL = _item("mairie", True, {"b1": False, "b2": False, "b3": True})
ITEMS = [PARCEL, TOWN_HALL]


def test_one_item_sorts_hits_false_alarms_and_misses():
    s = score_item(PARCEL, {"a1", "a3"}, verdict_reliable=False)
    assert (
        s.hits == {"a1"} and s.false_alarms == {"a3"} and s.misses == {"a2"} and s.correct_rejections == set()
    )
    assert s.verdict_right
    assert s.score == pytest.approx((1 / 3 + 1) / 2, abs=1e-4)  # 1 clue of 3 judged right, verdict right


def test_wrong_verdict_halves_a_perfect_flagging():
    s = score_item(TOWN_HALL, {"b3"}, verdict_reliable=False)
    assert s.hits == {"b3"} and s.correct_rejections == {"b1", "b2"} and not s.verdict_right
    assert s.score == 0.5


def test_unknown_clue_ids_are_ignored():
    s = score_item(PARCEL, {"a1", "a2", "ailleurs"}, verdict_reliable=False)
    assert s.false_alarms == set() and s.score == 1.0


def test_totals_over_several_messages():
    d = discernment([score_item(PARCEL, {"a1", "a2", "a3"}, False), score_item(TOWN_HALL, {"b3"}, False)])
    assert (d.messages, d.hits, d.false_alarms, d.suspicious, d.reassuring) == (2, 3, 1, 3, 3)
    assert d.hit_rate == 1.0
    assert d.false_alarm_rate == pytest.approx(1 / 3)
    assert d.index == pytest.approx(2 / 3, abs=1e-4)
    assert (d.reliable_right, d.reliable_total, d.misleading_right, d.misleading_total) == (0, 1, 1, 1)
    assert d.reliable_accuracy == 0.0 and d.misleading_accuracy == 1.0
    assert d.score == pytest.approx((5 / 6 + 1 / 2) / 2, abs=1e-4)


def test_flagging_everything_is_not_discernment():
    d = discernment(score_item(i, {c.id for c in i.clues}, verdict_reliable=False) for i in ITEMS)
    assert d.hit_rate == 1.0 and d.false_alarm_rate == 1.0
    assert d.index == 0.0
    assert d.misleading_accuracy == 1.0 and d.reliable_accuracy == 0.0  # doubting everything


def test_flagging_nothing_is_not_discernment_either():
    d = discernment(score_item(i, set(), verdict_reliable=True) for i in ITEMS)
    assert d.hit_rate == 0.0 and d.false_alarm_rate == 0.0
    assert d.index == 0.0
    assert d.reliable_accuracy == 1.0 and d.misleading_accuracy == 0.0  # trusting everything


def test_a_perfect_learner():
    d = discernment(score_item(i, {c.id for c in i.clues if c.suspicious}, i.reliable) for i in ITEMS)
    assert d.index == 1.0 and d.score == 1.0
    assert d.reliable_accuracy == 1.0 and d.misleading_accuracy == 1.0


def test_flagging_only_the_reassuring_is_negative():
    d = discernment(score_item(i, {c.id for c in i.clues if not c.suspicious}, i.reliable) for i in ITEMS)
    assert d.index == -1.0


def test_nothing_to_count_gives_no_rate():
    empty = discernment([])
    assert empty.messages == 0 and empty.score == 0.0
    assert empty.hit_rate is None and empty.index is None and empty.reliable_accuracy is None
    only_traps = discernment([score_item(_item("x", False, {"c1": True, "c2": True}), {"c1"}, False)])
    assert only_traps.hit_rate == 0.5 and only_traps.false_alarm_rate is None and only_traps.index is None


def test_discernment_does_not_load_textual():
    code = "import sys, course.quiz.discernment; sys.exit(any(m.startswith('textual') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2]).returncode == 0
