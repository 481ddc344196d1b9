"""The trainer's commands on a faulty data dir: a French message and an exit code, never a
traceback or a hang; the notices of damaged files printed; a full disk names the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.progress import AnswerRecord, ProgressStore, export_progress, write_progress_file

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
# Runs `atelier ARGS` with every write of the store (or every file write) failing as a full disk.
FULL_DISK = """
import errno, os, sys
from course.progress import storage, transfer
def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
storage.atomic_write_bytes = transfer.atomic_write_bytes = full
if sys.argv[1] == "--all-files":
    import builtins
    real_open = builtins.open
    def open_full(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(file, mode, *args, **kwargs)
    builtins.open = open_full
    del sys.argv[1]
from course.cli import main
sys.exit(main(sys.argv[1:]))
"""


def atelier(*argv: str, script: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", script, *argv] if script else [sys.executable, "app.py", *argv]
    env = {**os.environ, "ATELIER_LANG": "fr"}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)


def answer(learner: str, question: str) -> AnswerRecord:
    return AnswerRecord(
        "",
        learner,
        "alpha-un",
        "alpha-un",
        question,
        "true_false",
        True,
        "vrai",
        True,
        1.0,
        0,
        4.0,
        "",
        1,
        None,
    )


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    store = ProgressStore(tmp_path / "ailleurs")
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id, "q-vf"))
    path = tmp_path / "lea.json"
    write_progress_file(path, export_progress(store))
    return path


def test_import_on_a_full_disk_says_so_in_french(export_file: Path, tmp_path: Path) -> None:
    result = atelier("import", str(export_file), "--data", str(tmp_path / "data"), script=FULL_DISK)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        f"L'import de {export_file} n'a pas pu être enregistré sur le disque (le disque est plein)"
        in result.stderr
    )
    assert "Relancez la même commande" in result.stderr


def test_export_on_a_full_disk_names_the_file(tmp_path: Path, private_data: Path) -> None:
    store = ProgressStore(private_data)
    store.record_answer(answer(store.create_learner("Léa").id, "q-vf"))
    target = tmp_path / "export.csv"
    result = atelier(
        "--all-files",
        "export",
        "-o",
        str(target),
        "--data",
        str(private_data),
        "--course",
        str(MINI),
        script=FULL_DISK,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(target) in result.stderr and "« ? »" not in result.stderr
    assert "le disque est plein" in result.stderr  # in French, not the system's English
    target = tmp_path / "lea.json"
    result = atelier(
        "export", "--format", "progress", "-o", str(target), "--data", str(private_data), script=FULL_DISK
    )
    assert result.returncode == 2 and str(target) in result.stderr and "le disque est plein" in result.stderr


@pytest.mark.parametrize("command", ["report", "export", "import"])
def test_commands_print_the_notice_of_a_file_set_aside(
    tmp_path: Path, private_data: Path, export_file: Path, command: str
) -> None:
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    state = private_data / "learners" / lea.id / "state.json"
    state.write_text(json.dumps({"state": {"1": {"quizzes": {"alpha-un": {"attempt": "z"}}}}}))
    args = [str(export_file)] if command == "import" else ["--course", str(MINI)]
    result = atelier(command, *args, "--data", str(private_data))
    assert result.returncode == 0, result.stderr
    assert "Le fichier de progression de Léa était abîmé : il a été mis de côté" in result.stderr


def test_a_fifo_in_the_data_dir_never_hangs_a_report(tmp_path: Path, private_data: Path) -> None:
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id, "q-vf"))
    segment = private_data / "learners" / lea.id / "answers-000001.json"
    segment.unlink()
    os.mkfifo(segment)
    os.mkfifo(private_data / "pseudonym-salt.txt")
    for argv in (["report"], ["export"]):
        result = atelier(*argv, "--data", str(private_data), "--course", str(MINI))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "deep", "huge"])
def test_an_import_that_is_not_an_export_is_refused_in_french(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fichier.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "deep":
        path.write_text('{"format": "atelier-progress", "x": ' + "[" * 1000 + "]" * 1000 + "}")
    else:
        with path.open("wb") as handle:
            handle.truncate(65 * 2**20)  # sparse: 65 MB that take no room
    result = atelier("import", str(path), "--data", str(tmp_path / "data"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Rien n'a été importé" in result.stderr


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 512 KB disk (tmpfs), filled up by the test: no monkeypatch between us and ENOSPC."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("mounting a tmpfs needs root")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"x" * 1024):
            pass
    except OSError:  # ENOSPC: the disk is full
        pass
    finally:
        os.close(fd)
    return filler


def test_import_on_a_really_full_disk_then_again_once_freed(small_disk: Path, export_file: Path) -> None:
    data = small_disk / "data"
    ProgressStore(data).create_learner("Zoé")
    filler = fill(small_disk)
    result = atelier("import", str(export_file), "--data", str(data))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "(le disque est plein)" in result.stderr and "Relancez la même commande" in result.stderr
    filler.unlink()
    result = atelier("import", str(export_file), "--data", str(data))
    assert result.returncode == 0, result.stderr
    names = sorted(x.name for x in ProgressStore(data).list_learners())
    assert names == ["Léa", "Zoé"]
