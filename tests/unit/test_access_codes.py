"""Trainer code and personal codes: kept salted-hashed in the data dir, wrong tries back off."""

from __future__ import annotations

import json
from pathlib import Path

from course.progress.access_file import FREE_TRIES, MAX_WAIT_S, wait_after
from course.progress.learner_codes import LearnerCodes, new_code
from course.progress.trainer_code import TrainerCode, acceptable
from course.serve.limits import (
    ADDRESS_TRIES,
    DEVICE_TRIES,
    GLOBAL_BURST,
    GLOBAL_REFILL_S,
    TryLimits,
    default_max_tabs,
)

LEARNER = "0" * 31 + "1"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_trainer_code_is_kept_as_a_salted_hash_only(tmp_path: Path) -> None:
    code = TrainerCode(tmp_path)
    assert not code.is_set
    code.choose("Pomme 2468")
    stored = (tmp_path / "access" / "trainer.json").read_text()
    assert "2468" not in stored and "pomme" not in stored.lower()
    assert (tmp_path / "access" / "trainer.json").stat().st_mode & 0o077 == 0
    again = TrainerCode(tmp_path)  # another window on the same data dir
    assert again.is_set
    assert again.check(" pomme2468 ").ok  # as people type it
    assert not again.check("pomme 2469").ok
    other = TrainerCode(tmp_path)
    other.choose("Pomme 2468")
    assert (
        json.loads((tmp_path / "access" / "trainer.json").read_text())["code"]["salt"]
        != json.loads(stored)["code"]["salt"]
    )


def test_a_code_given_for_the_run_wins_and_is_never_written(tmp_path: Path) -> None:
    TrainerCode(tmp_path).choose("stored-code")
    given = TrainerCode(tmp_path, "1357")
    assert given.check("1357").ok and not given.check("stored-code").ok
    assert "1357" not in "".join(p.read_text() for p in (tmp_path / "access").glob("*.json"))


def test_wrong_trainer_codes_back_off_for_every_window_of_the_data_dir(tmp_path: Path) -> None:
    clock = Clock()
    first, second = TrainerCode(tmp_path, "2468", clock), TrainerCode(tmp_path, "2468", clock)
    for _ in range(FREE_TRIES - 1):
        assert first.check("0000").wait_s == 0
    verdict = second.check("0000")  # the third wrong code, from another window
    assert not verdict.ok and verdict.wait_s == 5
    refused = first.check("2468")  # even the right code waits: nothing is read meanwhile
    assert not refused.ok and not refused.tried and 0 < refused.wait_s <= 5
    clock.now += 5
    assert second.check("1111").wait_s == 10  # doubling
    clock.now += 10
    assert first.check("2468").ok  # right: the count starts again
    assert first.wait_s() == 0 and first.check("0000").wait_s == 0


def test_the_wait_grows_to_five_minutes_and_no_more() -> None:
    assert [wait_after(n) for n in range(FREE_TRIES)] == [0.0] * FREE_TRIES
    assert wait_after(FREE_TRIES + 1) == 10 and wait_after(1000) == MAX_WAIT_S == 300


def test_trainer_codes_are_long_enough() -> None:
    assert not acceptable("123") and acceptable("1234") and not acceptable("x" * 41)


def test_a_personal_code_opens_one_profile_and_backs_off_per_learner(tmp_path: Path) -> None:
    clock = Clock()
    codes = LearnerCodes(tmp_path, clock)
    other = "0" * 31 + "2"
    assert codes.claim(LEARNER, "4821") and not codes.claim(LEARNER, "9999")  # two tabs: first wins
    assert codes.has_code(LEARNER) and not codes.has_code(other)
    assert "4821" not in (tmp_path / "access" / "learners.json").read_text()
    assert codes.check(LEARNER, "4821").ok
    assert not codes.check(other, "4821").ok  # no code: nothing opens it
    for _ in range(FREE_TRIES):
        codes.check(LEARNER, "0000")
    assert not codes.check(LEARNER, "4821").ok  # waiting
    assert codes.check(other, "1").tried  # another learner's count is their own
    codes.replace(LEARNER, "mon code")  # the trainer gives a new one: the wait ends
    assert codes.check(LEARNER, "MON CODE").ok and not codes.check(LEARNER, "4821").ok
    codes.forget(LEARNER)
    assert not codes.has_code(LEARNER)
    assert len(new_code()) == 4 and new_code().isdigit()


def test_a_damaged_codes_file_opens_nothing(tmp_path: Path) -> None:
    (tmp_path / "access").mkdir()
    (tmp_path / "access" / "trainer.json").write_text('{"code": {"salt": "zz", "hash": 3}}')
    (tmp_path / "access" / "learners.json").write_text("[1, 2")
    code = TrainerCode(tmp_path)
    assert code.is_set and not code.check("").ok and not code.check("zz").ok
    assert not LearnerCodes(tmp_path).has_code(LEARNER)


def test_the_workshop_mode_is_a_setting_of_the_data_dir(tmp_path: Path) -> None:
    assert not TrainerCode(tmp_path).workshop_mode
    TrainerCode(tmp_path).set_workshop_mode(True)
    assert TrainerCode(tmp_path).workshop_mode


def test_wrong_workshop_codes_are_limited_per_browser_then_per_address() -> None:
    clock = Clock()
    limits = TryLimits(clock)
    for _ in range(DEVICE_TRIES):
        assert limits.blocked("browser-a", "10.0.0.1") is None
        limits.wrong("browser-a", "10.0.0.1")
    assert limits.blocked("browser-a", "10.0.0.1") == "device"
    assert limits.blocked("browser-b", "10.0.0.1") is None  # the next learner in the room still tries
    clock.now += 301
    assert limits.blocked("browser-a", "10.0.0.1") is None


def test_a_room_behind_one_router_never_reaches_the_address_allowance() -> None:
    clock = Clock()
    limits = TryLimits(clock)
    for learner in range(30):  # 30 learners, each mistyping three times within a minute
        for _ in range(3):
            assert limits.blocked(f"browser-{learner}", "192.168.1.1") is None
            limits.wrong(f"browser-{learner}", "192.168.1.1")
            clock.now += 0.5
    assert limits.blocked("browser-30", "192.168.1.1") is None
    assert ADDRESS_TRIES > 30 * 3


def test_rotating_addresses_meets_the_server_wide_limit() -> None:
    clock = Clock()
    limits = TryLimits(clock)
    tried = 0
    while limits.blocked(f"b{tried}", f"127.0.{tried // 250}.{tried % 250}") is None:
        limits.wrong(f"b{tried}", f"127.0.{tried // 250}.{tried % 250}")
        tried += 1
    assert tried == GLOBAL_BURST
    clock.now += GLOBAL_REFILL_S
    assert limits.blocked("new", "127.9.9.9") is None
    # a million six-digit codes at one per GLOBAL_REFILL_S: far longer than any workshop
    assert 1_000_000 * GLOBAL_REFILL_S / 86_400 > 20


def test_the_default_number_of_tabs_follows_memory() -> None:
    assert default_max_tabs(3000) == 100
    assert default_max_tabs(10) == 2 and default_max_tabs(10**7) == 400
    assert default_max_tabs() >= 2


def test_a_full_disk_gives_a_french_message_and_still_counts_wrong_tries(tmp_path: Path, monkeypatch) -> None:
    import errno

    import pytest

    from course.progress import access_file
    from course.progress.access_file import AccessError

    def full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(access_file, "atomic_write_bytes", full)
    with pytest.raises(AccessError, match="Impossible d'enregistrer le code"):
        TrainerCode(tmp_path).choose("tournesol")
    with pytest.raises(AccessError):
        LearnerCodes(tmp_path).claim(LEARNER, "4821")
    clock = Clock()
    code = TrainerCode(tmp_path, "2468", clock)
    verdicts = [code.check("0000") for _ in range(FREE_TRIES + 1)]
    assert verdicts[-1].wait_s > 0 and not verdicts[-1].tried  # the backoff holds in this window
