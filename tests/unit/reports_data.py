"""A workshop built by hand for the report tests (no tests in here).

Course: one module « Vérifier » with a pre-test (d1 reliable, d2 misleading), lessons
l1 (quiz q1: a, b; pass 0.7), l2 (quiz q2: c; pass 0.5), l3 (no quiz, an activity), and
a post-test (f1 reliable, f2 misleading). Two sessions, « Matin 24/11 » and « Après-midi 24/11 ».

| learner | what                                                        | hand-computed                   |
| Ana     | pre d1✓ d2✗; q1 sitting A1 a✗ b✓ (Matin), A2 a✓ b✓ and q2 c✓, | pre 50 %, post 100 %, gain +50;  |
|         | activity ✓, post f1✓ f2✓ (Après-midi); read l1 l2 l3;         | best l1 100, l2 100; done 3/3;   |
|         | visits Matin 09:00–10:30, Après-midi 13:55–14:30              | 10 answers, 8 right; 125 min     |
| Bea     | pre-test only: d1✗ d2✓ at 09:07 (30 s) and 09:08 (40 s)       | pre 50 %, no post; 90 s          |
| Cam     | partial: pre d1✓ only; q1 a✗ only                             | pre unfinished; best l1 0 %;     |
|         |                                                             | needs help; 2 answers, 1 right   |
| Dan     | here (Matin): pre d1✓ d2✓; q2 c✗ then c✓ in ONE sitting from | pre 100 %, post 50 %, gain −50;  |
|         | two windows; q1 D1 a✓ b✓. On another machine, same name,      | best l1 100 (two attempts 1: the |
|         | other id (Après-midi): q1 X1 a✓ b✗, post f1✓ f2✗; merged by   | sittings stay apart), l2 100;    |
|         | `--merge-as Dan`. Read l1 l2.                                 | done 2/3; 10 answers, 7 right    |

Group: module gain 0 points over 2 pairs, paired 95 % interval ±6.353 (t(1) = 12.706,
se 0.5); Cam unfinished; Bea pre-test only. Item d1: facility 75 % over 4, discrimination
−0.577 (flagged negative); d2: facility 2/3 over 3.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from course.content.loader import load_course
from course.progress import AnswerRecord, ProgressStore, export_progress, import_progress
from course.reports.model import CourseIndex, LessonInfo, ModuleInfo, QuestionInfo, QuizInfo

MATIN, APREM = "Matin 24/11", "Après-midi 24/11"
DAY = "2026-11-24T"

_COURSE = {
    "lessons/course.yaml": "title: Atelier vérifier\n",
    "lessons/m/module.yaml": "title: Vérifier\norder: 1\npretest: m-depart\nposttest: m-final\n",
    "lessons/m/01-l1.yaml": "id: l1\ntitle: Première\nsummary: Une.\nduration_min: 5\nobjectives: [Un]\n"
    "sections:\n  - title: S1\n    text: Texte.\n  - title: S2\n    text: Suite.\nquiz: q1\n",
    "lessons/m/02-l2.yaml": "id: l2\ntitle: Deuxième\nsummary: Deux.\nduration_min: 5\nobjectives: [Deux]\n"
    "sections:\n  - title: S1\n    text: Texte.\nquiz: q2\n",
    "lessons/m/03-l3.yaml": "id: l3\ntitle: Troisième\nsummary: Trois.\nduration_min: 5\nobjectives: [Trois]\n"
    "sections:\n  - title: S1\n    text: Texte.\n",
    "quizzes/m/00-depart.yaml": "id: m-depart\nlesson: l1\ntitle: Test de départ\nmax_attempts: 1\n"
    "discernment: {reliable: [d1], misleading: [d2]}\nquestions:\n"
    "  - {id: d1, type: true_false, statement: Fiable ?, answer: true}\n"
    "  - {id: d2, type: true_false, statement: Trompeur ?, answer: false}\n",
    "quizzes/m/99-final.yaml": "id: m-final\nlesson: l1\ntitle: Test final\nmax_attempts: 1\n"
    "discernment: {reliable: [f1], misleading: [f2]}\nquestions:\n"
    "  - {id: f1, type: true_false, statement: Fiable ?, answer: true}\n"
    "  - {id: f2, type: true_false, statement: Trompeur ?, answer: false}\n",
    "quizzes/m/01-q1.yaml": "id: q1\nlesson: l1\nquestions:\n"
    "  - {id: a, type: true_false, statement: A ?, answer: true}\n"
    "  - {id: b, type: true_false, statement: B ?, answer: true}\n",
    "quizzes/m/02-q2.yaml": "id: q2\nlesson: l2\npass_ratio: 0.5\nquestions:\n"
    "  - {id: c, type: true_false, statement: C ?, answer: true}\n",
}


def write_course(root: Path) -> Path:
    for rel, text in _COURSE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def course(root: Path) -> Any:
    loaded = load_course(write_course(root))
    assert not loaded.errors, loaded.errors
    return loaded


def _answer(
    learner: str,
    quiz: str,
    question: str,
    right: bool,
    time: str,
    session: str,
    sitting: str,
    attempt: int = 1,
    duration: float = 10.0,
    mode: str = "quiz",
    lesson: str = "l1",
    text: str = "",
) -> AnswerRecord:
    return AnswerRecord(
        id="",
        learner=learner,
        lesson=lesson,
        quiz=quiz,
        question=question,
        qtype="true_false",
        response=right,
        response_text=text or ("Vrai" if right else "Faux"),
        correct=right,
        score=1.0 if right else 0.0,
        hints_used=0,
        duration_s=duration,
        timestamp=f"{DAY}{time}:00.000000Z",
        attempt=attempt,
        session=session,
        mode=mode,
        sitting=sitting,
    )


def _read(*lessons: str, visits: dict[str, tuple[str, str]] | None = None) -> Any:
    def change(state: dict[str, Any]) -> None:
        state["lessons"] = {lesson: {"section": 0, "read": True} for lesson in lessons}
        if visits:
            state["visits"] = {
                label: {"first": f"{DAY}{a}:00.000000Z", "last": f"{DAY}{b}:00.000000Z", "sections": 3}
                for label, (a, b) in visits.items()
            }

    return change


def build(data: Path) -> ProgressStore:
    """The workshop's data dir, Dan's other machine merged in; returns the store."""
    store = ProgressStore(data / "ici")
    ana, bea, cam, dan = (store.create_learner(n) for n in ("Ana", "Bea", "Cam", "Dan"))
    rows = [
        _answer(ana.id, "m-depart", "d1", True, "09:05", MATIN, "ana-pre"),
        _answer(ana.id, "m-depart", "d2", False, "09:06", MATIN, "ana-pre", text="Méfiance"),
        _answer(ana.id, "q1", "a", False, "09:20", MATIN, "A1"),
        _answer(ana.id, "q1", "b", True, "09:21", MATIN, "A1"),
        _answer(ana.id, "q1", "a", True, "14:00", APREM, "A2", attempt=2),
        _answer(ana.id, "q1", "b", True, "14:01", APREM, "A2", attempt=2),
        _answer(ana.id, "q2", "c", True, "14:10", APREM, "A3", lesson="l2"),
        _answer(ana.id, "l3/scenario", "start", True, "14:15", APREM, "", mode="activity", lesson="l3"),
        _answer(ana.id, "m-final", "f1", True, "14:20", APREM, "ana-post"),
        _answer(ana.id, "m-final", "f2", True, "14:21", APREM, "ana-post"),
        _answer(bea.id, "m-depart", "d1", False, "09:07", MATIN, "bea-pre", duration=30, text="Méfiance"),
        _answer(bea.id, "m-depart", "d2", True, "09:08", MATIN, "bea-pre", duration=40),
        _answer(cam.id, "m-depart", "d1", True, "09:12", MATIN, "cam-pre"),
        _answer(cam.id, "q1", "a", False, "09:25", MATIN, "C1"),
        _answer(dan.id, "m-depart", "d1", True, "09:10", MATIN, "dan-pre"),
        _answer(dan.id, "m-depart", "d2", True, "09:11", MATIN, "dan-pre"),
        _answer(dan.id, "q2", "c", False, "09:30", MATIN, "D2", lesson="l2"),  # first window
        _answer(dan.id, "q2", "c", True, "09:31", MATIN, "D2", lesson="l2"),  # second window
        _answer(dan.id, "q1", "a", True, "09:40", MATIN, "D1"),
        _answer(dan.id, "q1", "b", True, "09:41", MATIN, "D1"),
    ]
    for row in rows:
        store.record_answer(row)
    store.update_state(
        ana.id, _read("l1", "l2", "l3", visits={MATIN: ("09:00", "10:30"), APREM: ("13:55", "14:30")})
    )
    store.update_state(dan.id, _read("l1", "l2"))

    other = ProgressStore(data / "autre-machine")
    dan_there = other.create_learner("Dan")
    for row in [
        _answer(dan_there.id, "q1", "a", True, "14:00", APREM, "X1"),
        _answer(dan_there.id, "q1", "b", False, "14:01", APREM, "X1"),
        _answer(dan_there.id, "m-final", "f1", True, "14:05", APREM, "dan-post"),
        _answer(dan_there.id, "m-final", "f2", False, "14:06", APREM, "dan-post"),
    ]:
        other.record_answer(row)
    import_progress(store, export_progress(other), merge_as="Dan")
    return store


# ----- a second, in-memory data set: three learners, two lesson quizzes, fourteen answers ----
# (as an export file holds them; used by the CSV, xAPI and view tests)

LEA = "a1" * 16
KARIM = "b2" * 16
ZOE = "c3" * 16
ILLEC = "illectronisme-definir"
SIFT = "desinformation-sift"


def index() -> CourseIndex:
    """Two modules, one lesson each; quizzes of 3 (pass 0.7) and 2 questions (pass 0.5)."""
    questions = {
        ("q-illec", "part-insee"): QuestionInfo(
            "Selon l'Insee (2019), quelle part des 15 ans ou plus était touchée ?", "single"
        ),
        ("q-illec", "definition"): QuestionInfo(
            "Quel mot désigne la difficulté à utiliser le numérique ?", "short"
        ),
        ("q-illec", "aide"): QuestionInfo(
            "Un conseiller numérique peut vous aider sans vos mots de passe.", "true_false"
        ),
        ("q-sift", "etapes"): QuestionInfo("Remettez dans l'ordre les étapes de la méthode SIFT.", "order"),
        ("q-sift", "source"): QuestionInfo("Quels indices renseignent sur une source ?", "multiple"),
    }
    return CourseIndex(
        title="Le numérique et la démocratie",
        modules={
            "illec": ModuleInfo("illec", "Illectronisme", (ILLEC,)),
            "desinfo": ModuleInfo("desinfo", "Désinformation", (SIFT,)),
        },
        lessons={
            ILLEC: LessonInfo(ILLEC, "Qu'est-ce que l'illectronisme ?", "illec", "q-illec"),
            SIFT: LessonInfo(SIFT, "La méthode SIFT", "desinfo", "q-sift"),
        },
        quizzes={
            "q-illec": QuizInfo(
                "q-illec",
                "Illectronisme",
                "lesson",
                "illec",
                ILLEC,
                ("part-insee", "definition", "aide"),
                0.7,
            ),
            "q-sift": QuizInfo("q-sift", "SIFT", "lesson", "desinfo", SIFT, ("etapes", "source"), 0.5),
        },
        questions=questions,
    )


def learners() -> list[dict[str, Any]]:
    return [
        {"id": LEA, "name": "Léa", "created": "2026-11-20T09:00:00Z"},
        {"id": KARIM, "name": "Karim", "created": "2026-11-20T09:01:00Z"},
        {"id": ZOE, "name": "Zoé", "created": "2026-11-20T09:02:00Z"},
    ]


_ROWS: list[tuple[str, str, str, int, str, bool, float, float, str, Any, str]] = [
    (LEA, "atelier-1", "q-illec", 1, "part-insee", False, 0, 30, "Environ 5 %", 0, "2026-11-24T14:00:00Z"),
    (
        LEA,
        "atelier-1",
        "q-illec",
        1,
        "definition",
        True,
        1,
        45,
        "illectronisme",
        "illectronisme",
        "2026-11-24T14:01:00Z",
    ),
    (LEA, "atelier-1", "q-illec", 1, "aide", True, 1, 20, "Vrai", True, "2026-11-24T14:02:00Z"),
    (LEA, "atelier-2", "q-illec", 2, "part-insee", True, 1, 25, "Environ 17 %", 1, "2026-12-01T14:00:00Z"),
    (
        LEA,
        "atelier-2",
        "q-illec",
        2,
        "definition",
        True,
        1,
        30,
        "illectronisme",
        "illectronisme",
        "2026-12-01T14:01:00Z",
    ),
    (LEA, "atelier-2", "q-illec", 2, "aide", True, 1, 10, "Vrai", True, "2026-12-01T14:02:00Z"),
    (KARIM, "atelier-1", "q-illec", 1, "part-insee", False, 0, 40, "Environ 5 %", 0, "2026-11-24T14:00:30Z"),
    (
        KARIM,
        "atelier-1",
        "q-illec",
        1,
        "definition",
        False,
        0,
        60,
        "illettrisme",
        "illettrisme",
        "2026-11-24T14:01:30Z",
    ),
    (KARIM, "atelier-1", "q-illec", 1, "aide", True, 1, 15, "Vrai", True, "2026-11-24T14:02:30Z"),
    (
        KARIM,
        "atelier-1",
        "q-sift",
        1,
        "etapes",
        False,
        0.5,
        90,
        "S, E, R, C",
        ["S", "E", "R", "C"],
        "2026-11-24T14:10:00Z",
    ),
    (KARIM, "atelier-1", "q-sift", 1, "source", True, 1, 50, "A, C", [0, 2], "2026-11-24T14:11:00Z"),
    (ZOE, "atelier-2", "q-illec", 1, "part-insee", False, 0, 35, "environ 40 %", 2, "2026-12-01T14:00:40Z"),
    (
        ZOE,
        "atelier-2",
        "q-illec",
        1,
        "definition",
        True,
        1,
        20,
        "Illectronisme",
        "Illectronisme",
        "2026-12-01T14:01:40Z",
    ),
    (
        ZOE,
        "atelier-2",
        "q-sift",
        1,
        "etapes",
        False,
        0,
        70,
        "E, S, R, C",
        ["E", "S", "R", "C"],
        "2026-12-01T14:10:00Z",
    ),
]

_QTYPES = {
    "part-insee": "single",
    "definition": "short",
    "aide": "true_false",
    "etapes": "order",
    "source": "multiple",
}


def answers() -> list[dict[str, Any]]:
    """The fourteen answers of the table above, as the store exports them."""
    out = []
    for number, row in enumerate(_ROWS, start=1):
        learner, session, quiz, attempt, question, correct, score, duration, text, response, timestamp = row
        out.append(
            {
                "id": f"{number:032x}",
                "learner": learner,
                "lesson": ILLEC if quiz == "q-illec" else SIFT,
                "quiz": quiz,
                "question": question,
                "qtype": _QTYPES[question],
                "response": response,
                "response_text": text,
                "correct": correct,
                "score": float(score),
                "hints_used": 1 if number in (7, 10) else 0,
                "duration_s": float(duration),
                "timestamp": timestamp,
                "attempt": attempt,
                "session": session,
                "confidence": None,
            }
        )
    return out
