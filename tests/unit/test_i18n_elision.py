"""French elides « de » before a name that starts with a vowel sound: « d'Inès », « de Marie »."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.i18n import de_name, set_language, t
from course.progress import ProgressStore


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Marie", "de Marie"),
        ("Inès", "d'Inès"),
        ("Émile", "d'Émile"),
        ("Hélène", "d'Hélène"),
        ("Oumar", "d'Oumar"),
        ("Yves", "d'Yves"),
        ("Jean-Yves", "de Jean-Yves"),
        ("Hmida", "de Hmida"),
        ("", "de "),
    ],
)
def test_de_name(name: str, expected: str) -> None:
    assert de_name(name) == expected


def test_messages_use_it_in_french_and_not_in_english() -> None:
    try:
        set_language("fr")
        assert t("access.trainer.given", name="Inès", code="1234").startswith("Nouveau code d'Inès : 1234")
        set_language("en")
        assert "Inès" in t("access.trainer.given", name="Inès", code="1234")
        assert "d'Inès" not in t("access.trainer.given", name="Inès", code="1234")
    finally:
        set_language("fr")


def test_damaged_progress_notice_reads_d_ines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data)
    ines = store.create_learner("Inès")
    store.update_state(ines.id, lambda s: s.update(position=2))
    store.close()
    (data / "learners" / ines.id / "state.json").write_text("{ abîmé", encoding="utf-8")
    reopened = ProgressStore(data)
    assert reopened.get_state(ines.id) == {}
    [notice] = reopened.notices
    assert notice.message.startswith("Le fichier de progression d'Inès était abîmé")
