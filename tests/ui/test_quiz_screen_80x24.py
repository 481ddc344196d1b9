"""The quiz screen at 80×24 as a learner sees it: a match question opens on its prompt, the
right answer of a multiple choice is said once, and a validated order/match no longer asks for Enter."""

from __future__ import annotations

import asyncio

from textual.geometry import Region

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.quiz import QuizItem, QuizScreen
from course.ui.screens.results import ResultsScreen
from course.ui.widgets.choice_list import ChoiceList
from tests.ui.walk import drawn_text, first_row_visible, give_wrong_answer, last_row_visible, screen_lines

BUNDLED = load_course(bundled_course_dir())
SIZE = (80, 24)


def _items(quiz_id: str) -> list[QuizItem]:
    quiz = BUNDLED.quizzes[quiz_id]
    return [QuizItem(quiz, q, 1, 7, list(range(len(getattr(q, "choices", ()))))) for q in quiz.questions]


async def _open(pilot, quiz_id: str, question_id: str) -> QuizScreen:  # type: ignore[no-untyped-def]
    """The quiz screen on `question_id` of the bundled quiz `quiz_id`."""
    items = _items(quiz_id)
    screen = QuizScreen(pilot.app.journey, items, title="Test", total=len(items), done_before=0)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    screen.index = next(n for n, item in enumerate(items) if item.question.id == question_id)
    await screen._show()
    await pilot.pause()
    return screen


async def _answer_wrongly(pilot, screen: QuizScreen) -> None:  # type: ignore[no-untyped-def]
    give_wrong_answer(screen)
    await screen.action_submit()
    if not screen.answered:  # the confidence question comes first
        screen.query_one("#confidence", ChoiceList).mark(1)
        await screen.action_submit()
    await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
    await pilot.pause()


async def test_a_match_question_opens_on_its_prompt(make_app):
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "illectronisme-test-depart", "tri-messages")
        await _answer_wrongly(pilot, screen)
        await pilot.press("enter")  # on to the match question
        await pilot.pause()
        assert screen.item.question.id == "lieux-aide"
        rows = "\n".join(screen_lines(app))
        assert "Associez chaque service à ce qu'il propose." in rows
        assert "Que choisissez-vous pour : France Services ?" in rows  # and what to pick first


async def test_the_items_left_to_pick_wrap_under_their_own_words(make_app):
    """An item of an order or match question too long for one row goes on under its first word,
    not under its number, as the choices of other questions do."""
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "illectronisme-test-depart", "lieux-aide")
        question = screen.item.question
        longest = max((pair.right for pair in question.pairs), key=len)
        words = " ".join(longest.split())
        rows = screen_lines(app)
        first = next(n for n, row in enumerate(rows) if words[:30] in row)
        start = rows[first].index(words[:30])
        number = rows[first][:start].split()[-1]
        assert number.isdigit(), rows[first]  # the row starts with the item's number
        following = _read_hanging(rows, first, start, words)
        assert following - first >= 2  # the case this test is about: a continuation row


async def test_the_right_answer_of_a_multiple_choice_is_said_once_as_a_list(make_app):
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "illectronisme-test-depart", "tri-messages")
        await _answer_wrongly(pilot, screen)  # one wrong box ticked: every right one missed
        question = screen.item.question
        right = [c.text for c in question.choices if c.correct]
        rows = "\n".join(screen_lines(app))
        assert "La bonne réponse :" in rows
        assert "Il fallait aussi cocher" not in rows
        assert " | " not in rows
        assert right[0][:30] in rows
        verdict = drawn_text(screen.query_one("#verdict"))
        assert verdict.count(right[0]) == 1 and verdict.count(right[-1]) == 1


async def test_the_results_list_right_choices_without_a_bar(make_app):
    app = make_app(course=BUNDLED, learner="Marcheur")
    quiz = BUNDLED.quizzes["illectronisme-definir"]  # evaluation: the solutions are shown at the end
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_quiz(quiz)
        await pilot.pause()
        for _ in quiz.questions:
            await _answer_wrongly(pilot, app.screen)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        missed = app.screen.query_one("#summary")
        missed.scroll_visible(top=True, animate=False)
        await pilot.pause()
        rows = "\n".join(screen_lines(app))
        assert "Bonne réponse :" in rows
        assert " | " not in drawn_text(missed) and " | " not in rows
        question = next(q for q in quiz.questions if q.id == "definition-insee")
        right = [c.text for c in question.choices if c.correct]
        assert " ; ".join(right) in drawn_text(missed)
        lines = [
            strip.text for strip in missed.render_lines(Region(0, 0, missed.size.width, missed.size.height))
        ]
        bullets = [n for n, line in enumerate(lines) if line.startswith("• ")]
        assert bullets
        for n in bullets:  # a question that wraps goes on under its first word, and so does its solution
            following = lines[n + 1]
            assert following.startswith("  ") and following[2] != " ", following


async def test_a_validated_match_no_longer_asks_for_enter(make_app):
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "illectronisme-test-depart", "lieux-aide")
        give_wrong_answer(screen)
        await pilot.pause()
        assert "C'est complet" in "\n".join(screen_lines(app))  # asked while it can be validated
        await _answer_wrongly(pilot, screen)
        screen.query_one("#quiz-body").scroll_home(animate=False)
        await pilot.pause()
        rows = "\n".join(screen_lines(app))
        assert "Vos associations" in rows
        assert "C'est complet" not in rows


async def test_with_keys_the_whole_feedback_comes_into_view_and_the_confidence_gives_its_rows(make_app):
    """From the map, as a learner does it: « c », Enter on the pre-test's invitation, an answer,
    how sure, Enter. The feedback fits at 80×24 once the confidence list is folded: every row of
    it is on screen, and one line says how sure the learner was."""
    app = make_app(course=BUNDLED, learner="Inès")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # « Commencer le test »
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.asks_confidence
        await pilot.press("1", "enter")  # an answer, then Enter: how sure?
        await pilot.pause()
        assert "Êtes-vous sûr·e de votre réponse ?" in "\n".join(screen_lines(app))
        await pilot.press("2", "enter")
        await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
        await pilot.pause()
        rows = screen_lines(app)
        shown = "\n".join(rows)
        assert "Votre assurance : Plutôt sûr·e." in shown
        assert "Tout à fait sûr·e" not in shown  # the list itself is folded away
        feedback = screen.query_one("#feedback")
        assert last_row_visible(app, feedback) and first_row_visible(app, feedback)
        explanation = " ".join(screen.item.question.explanation.split())
        assert explanation.split()[-1] in shown  # its last word is there to read
        await pilot.press("enter")  # the next question asks again, and the line is gone
        await pilot.pause()
        assert "Votre assurance" not in "\n".join(screen_lines(app))


async def test_a_long_choice_wraps_under_its_own_text_not_under_its_number(make_app):
    """At 80×24 a choice that takes two rows goes on in line with its first word, so the
    numbers stand alone in their column and each choice reads as one block."""
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "illectronisme-test-depart", "aider")
        rows = screen_lines(app)
        choices = screen.query_one("#answer", ChoiceList)
        wrapped = 0
        for position in range(len(choices.order)):
            text = choices.texts[choices.order[position]]
            first = next(n for n, row in enumerate(rows) if f"{position + 1}  ( ) {text[:20]}" in row)
            start = rows[first].index(text[:20])
            if text not in rows[first]:  # it goes on in the next row, from the same column
                wrapped += 1
                following = rows[first + 1]
                assert following[:start].strip(" ▊") == "", following
                assert following[start] != " ", following
        assert wrapped >= 2


def _read_hanging(rows: list[str], first: int, start: int, words: str) -> int:
    """Read `words` from column `start` of row `first` on, checking that every row after the first
    has nothing but a border before that column and its words starting in it; the row after."""
    read = _words_in_card(rows[first][start:])
    following = first + 1
    while len(read) < len(words):  # every row after the first, up to the last word
        row = rows[following]
        assert row[:start].strip(" │▊") == "", row  # nothing but the card's or list's edge before it
        assert row[start] != " ", row  # its words start in the column of the first row's
        read += " " + _words_in_card(row[start:])
        following += 1
    assert read == words
    return following


def _words_in_card(row: str) -> str:
    """The words of a row of the feedback's card or of a list, without their borders or the scroll bar."""
    return " ".join(word for word in row.split() if word.strip("│▊▎▐█▌▔▁"))


async def test_a_long_choice_feedback_wraps_under_its_own_words(make_app):
    """At 80×24 a wrong choice's feedback (« » then its words) that takes several rows goes on in
    line with its first word, not at the edge of the card under the « » »."""
    app = make_app(course=BUNDLED, learner="Marcheur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _open(pilot, "attention-algorithmes-et-bulles", "role-algorithme")
        await _answer_wrongly(pilot, screen)
        said = " ".join(screen.query_one("#verdict").render_lines(Region(0, 0, 80, 1))[0].text.split())
        assert said.startswith("✗"), said
        question = screen.item.question
        wrong = next(c for c in question.choices if not c.correct)
        words = " ".join(wrong.feedback.split())
        rows = screen_lines(app)
        first = next(n for n, row in enumerate(rows) if "» " + words[:20] in row)
        start = rows[first].index(words[:20])
        following = _read_hanging(rows, first, start, words)
        assert following - first >= 3  # the case this test is about: two continuation rows
        # The explanation that follows is a paragraph of its own: after a blank row, in the column
        # of « ✗ » and « » », so it cannot be read as more of that choice's feedback.
        assert _words_in_card(rows[following]) == "", rows[following]
        explained = " ".join(question.explanation.split())[:20]
        row = rows[following + 1]
        assert explained in " ".join(row.split()), row
        assert row.index(explained[:10]) == rows[first].index("»"), row
        bottom = next(n for n in range(following + 1, len(rows)) if "╰" in rows[n])
        assert _words_in_card(rows[bottom - 1]), rows[bottom - 1]  # no blank row closes the card
