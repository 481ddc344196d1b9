"""The plain mode, driven line by line: a lesson, its quiz of every type, resuming, bad input, end of input."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from course.progress import ProgressStore
from tests.unit.plain_script import pick, printed, run_plain
from tests.unit.small_course import OK_LESSON, OK_QUIZ, write

LESSON_AND_QUIZ = [
    "Léa",
    "c",
    "suite",
    "g",
    "suite",
    "indice",
    "2",
    "suite",  # single (with a hint)
    "1",
    "suite",  # multiple, half right
    "1",
    "suite",  # true / false
    pick("Écrire le message", "Indiquer le destinataire", "Envoyer"),
    "suite",  # order
    pick("Écrire à quelqu'un", "Lire des pages web"),
    "suite",  # match
    "courriell",
    "suite",  # short, one slip forgiven
    "suite",  # results, back to the map
]
DECORATION = re.compile("[\u2500-\u259f\u25a0-\u25ff\u2580-\u2590▔▁░█✓✗•›▶◀]|\x1b")


def answers(data, name="Léa"):
    store = ProgressStore(data)
    try:
        learner = store.find_learner(name)
        return store.answers(learner.id) if learner else []
    finally:
        store.close()


def test_a_lesson_and_its_quiz_of_every_type_line_by_line(private_data):
    transcript = run_plain(private_data, LESSON_AND_QUIZ)
    lines = printed(transcript)
    assert "Section 1 sur 2 : Une boîte aux lettres" in lines
    assert "Un courriel arrive dans une boîte aux lettres électronique." in lines  # Markdown flattened
    assert "Courriel :" in lines and "Indice 1 sur 2 : Pensez au facteur." in lines
    assert "Tapez 1, 2 ou 3 puis Entrée" in transcript
    # The verdict comes first, on its own line, right after what was typed.
    after_typing = [line for _, line in re.findall(r"<<([^\n]*)>>\n([^\n]*)", transcript)]
    verdicts = [line for line in after_typing if line in ("Juste.", "Pas tout à fait.")]
    assert verdicts == ["Juste.", "Pas tout à fait.", "Juste.", "Juste.", "Juste.", "Juste."]
    assert "Réponse juste à 50 %." in lines
    assert "La bonne réponse : Une adresse de destinataire ; Un message" in lines
    assert "Accepté. Orthographe exacte : courriel" in lines
    assert "5 bonnes réponses et 1 réponse juste en partie, sur 6 : 92 %" in lines
    assert "Une réponse juste en partie compte pour la part qui est juste." in lines
    assert "Tentative 1 : 92 %, réussie." in lines
    assert all(len(line) <= 80 for line in lines)
    assert not [line for line in lines if DECORATION.search(line)]
    stored = answers(private_data)
    assert [a.qtype for a in stored] == ["single", "multiple", "true_false", "order", "match", "short"]
    assert [a.correct for a in stored] == [True, False, True, True, True, True]
    assert stored[0].hints_used == 1 and all(a.mode == "quiz" for a in stored)


def test_quit_then_continue_comes_back_to_the_same_question_and_section(private_data):
    first = run_plain(private_data, ["Léa", "c", "suite", "suite", "2", "suite", "q"])
    assert printed(first)[-1].startswith("Au revoir ! Votre progression est enregistrée")
    again = run_plain(private_data, ["1", "c", "q"])
    assert "« Continuer » mène au quiz « Le courriel », question 2 sur 6." in printed(again)
    assert "Quiz « Le courriel », question 2 sur 6." in printed(again)
    assert [a.question for a in answers(private_data)] == ["q-single"]
    # The last place opened wins, as in the full-screen app: here the second lesson.
    run_plain(private_data, ["1", "2", "retour", "q"])
    back = run_plain(private_data, ["1", "q"])
    assert "« Continuer » mène au quiz « Le navigateur », question 1 sur 2." in printed(back)


def test_resume_in_the_middle_of_a_lesson(private_data, tmp_path):
    sections = "".join(f"  - title: Partie {n}\n    text: Texte {n}.\n" for n in (1, 2, 3))
    lesson = OK_LESSON.replace(
        "sections:\n  - title: Section\n    text: Du texte.\n", "sections:\n" + sections
    )
    root = write(tmp_path / "cours", {"lessons/m/01-ok.yaml": lesson})
    run_plain(private_data, ["Léa", "c", "suite", "q"], course=root)
    again = run_plain(private_data, ["1", "c", "q"], course=root)
    lines = printed(again)
    assert "« Continuer » mène à la leçon « Leçon valide », section 2 sur 3." in lines
    assert "Section 2 sur 3 : Partie 2" in lines and "Texte 2." in lines


def test_bad_input_gets_a_french_hint_and_the_question_again(private_data):
    steps = [
        "",
        "Léa",
        "9",
        "",
        "bonjour",
        "c",
        "",
        "n'importe",
        "suite",
        "suite",
        "7",
        "",
        "deux",
        "2",
        "suite",
        "1 9",
        "1 3",
        "suite",
        "3",
        "1",
        "suite",
        "1 1 2",
        "4 1 2",
        "q",
    ]
    transcript = run_plain(private_data, steps)
    lines = printed(transcript)
    assert lines.count("Vous n'avez rien tapé.") == 4
    assert "Il n'y a pas de numéro 9 : tapez 1, 2 ou 3." in lines
    assert any(line.startswith("Je n'ai pas compris. Tapez « c »") for line in lines)
    assert any(line.startswith("Je n'ai pas compris. Tapez « suite »") for line in lines)
    assert "Il n'y a pas de numéro 7 : tapez 1, 2 ou 3." in lines
    assert "Tapez un seul numéro, 1, 2 ou 3, puis Entrée." in lines
    assert "Je n'ai pas compris « 3 »." in lines
    assert any(line.startswith("Il faut les 3 numéros, chacun une fois") for line in lines)
    assert "Il n'y a pas de numéro 4 : tapez 1, 2 ou 3." in lines
    assert [a.question for a in answers(private_data)] == ["q-single", "q-multiple", "q-vf"]


def test_end_of_input_ends_cleanly_and_keeps_every_answer(private_data):
    transcript = run_plain(private_data, ["Léa", "c", "suite", "suite", "2", "suite", "1 3"])
    assert (
        printed(transcript)[-1]
        == "Au revoir ! Votre progression est enregistrée : « Continuer » vous ramènera ici."
    )
    assert [(a.question, a.correct) for a in answers(private_data)] == [
        ("q-single", True),
        ("q-multiple", True),
    ]


def test_an_existing_name_is_asked_about_and_numbers_pick_a_profile(private_data):
    run_plain(private_data, ["Léa", "q"])
    transcript = run_plain(private_data, ["lea", "oui", "q"])
    assert "1. Léa" in printed(transcript)
    assert "Une personne s'appelle déjà Léa : est-ce vous ?" in printed(transcript)
    assert "Bonjour Léa !" in printed(transcript)


def test_reset_a_lesson_and_retry_a_quiz(private_data):
    run_plain(private_data, [*LESSON_AND_QUIZ[:-1], "r", "2", "retour", "q"])
    done = [a for a in answers(private_data) if a.question == "q-single"]
    assert [a.attempt for a in done] == [1, 2]
    transcript = run_plain(private_data, ["1", "x 1", "oui", "l", "q"])
    lines = printed(transcript)
    assert (
        "Recommencer la leçon « Le courriel » depuis le début ? Vos anciennes réponses restent dans "
        "l'historique de l'atelier." in " ".join(lines)
    )
    assert "  1. Le courriel : à faire, 10 min." in lines
    assert len(answers(private_data)) == 7  # the history stays for the trainer


def test_reviews_bring_back_a_missed_question(private_data, monkeypatch):
    run_plain(private_data, ["Léa", "c", "suite", "suite", "1", "suite", "q"])
    from course.learning import journey as journey_module

    later = datetime.now(UTC) + timedelta(days=2)
    original = journey_module.Journey.due_reviews
    monkeypatch.setattr(
        journey_module.Journey, "due_reviews", lambda self, now=None: original(self, now or later)
    )
    transcript = run_plain(private_data, ["1", "r", "2", "suite", "q"])
    lines = printed(transcript)
    assert "Révisions : 1 question à revoir." in lines
    assert "Quiz « Révisions », question 1 sur 1." in lines
    assert "Révisions terminées : 1 bonne réponse sur 1." in lines
    assert [a.mode for a in answers(private_data)] == ["quiz", "review"]


def test_help_and_english(private_data):
    from course.i18n import set_language

    transcript = run_plain(private_data, ["Léa", "aide", "?", "q"])
    assert sum(line.startswith("Le parcours : des modules") for line in printed(transcript)) == 2
    set_language("en")
    try:
        english = run_plain(private_data, ["1", "c", "next", "next", "2", "next", "quit"])
    finally:
        set_language("fr")
    lines = printed(english)
    assert "Quiz « Le courriel », question 1 of 6." in lines and "Right." in lines
    assert lines[-1].startswith("Goodbye! Your progress is saved")


def test_lines_fit_a_narrow_terminal(private_data):
    transcript = run_plain(private_data, LESSON_AND_QUIZ, width=40)
    lines = printed(transcript)
    assert max(len(line) for line in lines) <= 40
    assert "Tapez « suite » pour la question" in transcript
    assert not any(line.endswith(" «") or line.startswith("% ") for line in lines)


def test_confidence_and_practice_retries_as_in_the_full_screen_quiz(private_data, tmp_path):
    quiz = OK_QUIZ.replace("questions:", "confidence: true\nmode: practice\nquestions:")
    root = write(tmp_path / "cours", {"quizzes/m/01-ok.yaml": quiz})
    transcript = run_plain(
        private_data, ["Léa", "c", "suite", "2", "4", "1", "suite", "1", "3", "suite", "suite"], course=root
    )
    lines = printed(transcript)
    assert "Quelle est votre certitude ?" in lines and "3. Forte : j'en suis certain ou certaine" in lines
    assert "Il n'y a pas de numéro 4 : tapez 1, 2 ou 3." in lines
    assert "C'est un entraînement : relisez la question et réessayez." in lines
    assert "Il est valide." in lines and lines.index("Il est valide.") > lines.index("Juste.")
    assert not any(line.startswith("La bonne réponse") for line in lines)  # practice: no answer given away
    assert "Vos certitudes :" in lines and "  Certitude forte et juste : 1" in lines
    stored = answers(private_data)
    assert [(a.correct, a.confidence) for a in stored] == [(False, 1), (True, 3)]


def test_ctrl_c_says_goodbye_and_keeps_progress(private_data):
    import io

    from course.content.loader import load_course
    from course.plain.app import PlainApp
    from course.plain.console import Console
    from tests.unit.plain_script import FIXTURES, ScriptedInput

    def interrupt(text: str) -> str:
        raise KeyboardInterrupt

    out = io.StringIO()
    store = ProgressStore(private_data)
    try:
        steps = ["Léa", "c", "suite", "suite", "2", interrupt]
        code = PlainApp(
            Console(ScriptedInput(out, steps), out, 80), load_course(FIXTURES / "mini"), store
        ).run()
    finally:
        store.close()
    assert code == 130 and printed(out.getvalue())[-1].startswith("Au revoir !")
    assert [a.question for a in answers(private_data)] == ["q-single"]


def test_on_a_first_section_the_hint_offers_no_previous_section(private_data, tmp_path):
    sections = "".join(f"  - title: Partie {n}\n    text: Texte {n}.\n" for n in (1, 2))
    lesson = OK_LESSON.replace(
        "sections:\n  - title: Section\n    text: Du texte.\n", "sections:\n" + sections
    )
    root = write(tmp_path / "cours", {"lessons/m/01-ok.yaml": lesson})
    lines = printed(run_plain(private_data, ["Léa", "c", "p", "suite", "zut", "q"], course=root))
    first, second = (line for line in lines if line.startswith("Je n'ai pas compris."))
    assert "« p »" not in first
    assert "« p »" in second
