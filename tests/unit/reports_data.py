"""A hand-built data set for the report and export tests (no tests in here).

Three learners, two lessons in two modules, two workshop sessions, fourteen
answers. The figures the tests assert were computed by hand from this table:

| #  | learner | session   | quiz   | att | question   | correct | score | s   | response_text   |
| 1  | Léa     | atelier-1 | q-illec| 1   | part-insee | no      | 0     | 30  | Environ 5 %     |
| 2  | Léa     | atelier-1 | q-illec| 1   | definition | yes     | 1     | 45  | illectronisme   |
| 3  | Léa     | atelier-1 | q-illec| 1   | aide       | yes     | 1     | 20  | Vrai            |
| 4  | Léa     | atelier-2 | q-illec| 2   | part-insee | yes     | 1     | 25  | Environ 17 %    |
| 5  | Léa     | atelier-2 | q-illec| 2   | definition | yes     | 1     | 30  | illectronisme   |
| 6  | Léa     | atelier-2 | q-illec| 2   | aide       | yes     | 1     | 10  | Vrai            |
| 7  | Karim   | atelier-1 | q-illec| 1   | part-insee | no      | 0     | 40  | Environ 5 %     |
| 8  | Karim   | atelier-1 | q-illec| 1   | definition | no      | 0     | 60  | illettrisme     |
| 9  | Karim   | atelier-1 | q-illec| 1   | aide       | yes     | 1     | 15  | Vrai            |
| 10 | Karim   | atelier-1 | q-sift | 1   | etapes     | no      | 0.5   | 90  | S, E, R, C      |
| 11 | Karim   | atelier-1 | q-sift | 1   | source     | yes     | 1     | 50  | A, C            |
| 12 | Zoé     | atelier-2 | q-illec| 1   | part-insee | no      | 0     | 35  | environ 40 %    |
| 13 | Zoé     | atelier-2 | q-illec| 1   | definition | yes     | 1     | 20  | Illectronisme   |
| 14 | Zoé     | atelier-2 | q-sift | 1   | etapes     | no      | 0     | 70  | E, S, R, C      |
"""

from __future__ import annotations

from typing import Any

from course.reports.stats import CourseIndex, LessonInfo, QuestionInfo

LEA = "a1" * 16
KARIM = "b2" * 16
ZOE = "c3" * 16
ILLEC = "illectronisme-definir"
SIFT = "desinformation-sift"


def index() -> CourseIndex:
    """Two modules, one lesson each; quizzes of 3 and 2 questions."""
    return CourseIndex(
        title="Le numérique et la démocratie",
        lessons={
            ILLEC: LessonInfo("Qu'est-ce que l'illectronisme ?", "Illectronisme",
                              "q-illec", 3, 0.7),
            SIFT: LessonInfo("La méthode SIFT", "Désinformation", "q-sift", 2, 0.5),
        },
        questions={
            ("q-illec", "part-insee"): QuestionInfo(
                "Selon l'Insee (2019), quelle part des 15 ans ou plus était touchée ?",
                "single", ILLEC),
            ("q-illec", "definition"): QuestionInfo(
                "Quel mot désigne la difficulté à utiliser le numérique ?", "short", ILLEC),
            ("q-illec", "aide"): QuestionInfo(
                "Un conseiller numérique peut vous aider sans vos mots de passe.",
                "true_false", ILLEC),
            ("q-sift", "etapes"): QuestionInfo(
                "Remettez dans l'ordre les étapes de la méthode SIFT.", "order", SIFT),
            ("q-sift", "source"): QuestionInfo(
                "Quels indices renseignent sur une source ?", "multiple", SIFT),
        },
        modules=("Illectronisme", "Désinformation"),
    )


def learners() -> list[dict[str, Any]]:
    return [
        {"id": LEA, "name": "Léa", "created": "2026-11-20T09:00:00Z"},
        {"id": KARIM, "name": "Karim", "created": "2026-11-20T09:01:00Z"},
        {"id": ZOE, "name": "Zoé", "created": "2026-11-20T09:02:00Z"},
    ]


_ROWS: list[tuple[str, str, str, int, str, bool, float, float, str, Any, str]] = [
    (LEA, "atelier-1", "q-illec", 1, "part-insee", False, 0, 30, "Environ 5 %", 0,
     "2026-11-24T14:00:00Z"),
    (LEA, "atelier-1", "q-illec", 1, "definition", True, 1, 45, "illectronisme",
     "illectronisme", "2026-11-24T14:01:00Z"),
    (LEA, "atelier-1", "q-illec", 1, "aide", True, 1, 20, "Vrai", True,
     "2026-11-24T14:02:00Z"),
    (LEA, "atelier-2", "q-illec", 2, "part-insee", True, 1, 25, "Environ 17 %", 1,
     "2026-12-01T14:00:00Z"),
    (LEA, "atelier-2", "q-illec", 2, "definition", True, 1, 30, "illectronisme",
     "illectronisme", "2026-12-01T14:01:00Z"),
    (LEA, "atelier-2", "q-illec", 2, "aide", True, 1, 10, "Vrai", True,
     "2026-12-01T14:02:00Z"),
    (KARIM, "atelier-1", "q-illec", 1, "part-insee", False, 0, 40, "Environ 5 %", 0,
     "2026-11-24T14:00:30Z"),
    (KARIM, "atelier-1", "q-illec", 1, "definition", False, 0, 60, "illettrisme",
     "illettrisme", "2026-11-24T14:01:30Z"),
    (KARIM, "atelier-1", "q-illec", 1, "aide", True, 1, 15, "Vrai", True,
     "2026-11-24T14:02:30Z"),
    (KARIM, "atelier-1", "q-sift", 1, "etapes", False, 0.5, 90, "S, E, R, C",
     ["S", "E", "R", "C"], "2026-11-24T14:10:00Z"),
    (KARIM, "atelier-1", "q-sift", 1, "source", True, 1, 50, "A, C", [0, 2],
     "2026-11-24T14:11:00Z"),
    (ZOE, "atelier-2", "q-illec", 1, "part-insee", False, 0, 35, "environ 40 %", 2,
     "2026-12-01T14:00:40Z"),
    (ZOE, "atelier-2", "q-illec", 1, "definition", True, 1, 20, "Illectronisme",
     "Illectronisme", "2026-12-01T14:01:40Z"),
    (ZOE, "atelier-2", "q-sift", 1, "etapes", False, 0, 70, "E, S, R, C",
     ["E", "S", "R", "C"], "2026-12-01T14:10:00Z"),
]

_QTYPES = {"part-insee": "single", "definition": "short", "aide": "true_false",
           "etapes": "order", "source": "multiple"}


def answers() -> list[dict[str, Any]]:
    """The fourteen answers of the table above, as the store exports them."""
    out = []
    for number, row in enumerate(_ROWS, start=1):
        learner, session, quiz, attempt, question, correct, score, duration, text, \
            response, timestamp = row
        out.append({
            "id": f"{number:032x}", "learner": learner,
            "lesson": ILLEC if quiz == "q-illec" else SIFT, "quiz": quiz,
            "question": question, "qtype": _QTYPES[question], "response": response,
            "response_text": text, "correct": correct, "score": float(score),
            "hints_used": 1 if number in (7, 10) else 0, "duration_s": float(duration),
            "timestamp": timestamp, "attempt": attempt, "session": session,
            "confidence": None,
        })
    return out
