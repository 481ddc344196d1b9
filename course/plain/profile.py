"""Who is learning, in lines: a numbered list of names, or a new first name typed; and « mon profil »."""

from __future__ import annotations

from course.content.course import Course
from course.i18n import t
from course.learning.journey import Journey
from course.plain.answers import numbers, read_one, spoken_range
from course.plain.console import Console, confirm
from course.progress import InvalidNameError, Learner, ProgressStore, StoreWriteError, clean_name


def choose_learner(
    console: Console, course: Course, store: ProgressStore, name: str | None, session: str | None
) -> Journey:
    """The learner named on the command line, or the one chosen or created here."""
    if name:
        try:
            return _journey(console, course, store, store.create_learner(name), session)
        except InvalidNameError as error:
            console.say(str(error))
        except StoreWriteError as error:  # read-only data dir: a known learner still opens
            known = store.find_learner(name)
            if known is not None:
                return _journey(console, course, store, known, session)
            console.say(str(error))
    while True:
        learner = _pick_or_type(console, store)
        if learner is not None:
            console.say(t("plain.profile.hello", name=learner.name))
            return _journey(console, course, store, learner, session)


def _journey(
    console: Console, course: Course, store: ProgressStore, learner: Learner, session: str | None
) -> Journey:
    """The learner's journey; a write the disk refuses is said, and the session goes on in memory."""
    journey = Journey(course, store, learner, session)
    journey.on_store_error = lambda error: console.say(str(error))
    return journey


def _pick_or_type(console: Console, store: ProgressStore) -> Learner | None:
    console.help_text = t("plain.help.profile")
    learners = store.list_learners()
    console.blank()
    console.say(t("profile.welcome"))
    if learners:
        console.say(t("plain.profile.known"))
        for n, learner in enumerate(learners, 1):
            console.say(f"{n}. {learner.name}")
        instruction = t("plain.profile.howto", range=spoken_range(len(learners)))
    else:
        instruction = t("plain.profile.howto_first")
    typed = console.ask(instruction, back=False)
    found = numbers(typed)
    if learners and found is not None:
        got = read_one(typed, len(learners))
        if got.hint is not None:
            console.say(got.hint)
            return None
        return learners[int(got.response) - 1]
    try:
        cleaned = clean_name(typed)
    except InvalidNameError as error:
        console.say(str(error))
        return None
    existing = store.find_learner(cleaned)
    if existing is not None:
        if confirm(console, t("plain.profile.same_name", name=existing.name)):
            return existing
        console.say(t("plain.profile.other_name"))
        return None
    if cleaned != typed.strip():
        console.say(t("plain.profile.name_changed", name=cleaned))
    try:
        return store.create_learner(cleaned)
    except (InvalidNameError, StoreWriteError) as error:
        console.say(str(error))
        return None


def profile_menu(console: Console, course: Course, store: ProgressStore, journey: Journey) -> Journey | None:
    """Switch person, start everything again, or delete the profile; the journey to go on with."""
    options = ["profile.menu.switch", "profile.menu.reset_all", "profile.menu.delete", "profile.menu.cancel"]
    labels = [
        t("profile.menu.switch"),
        t("profile.menu.reset_all"),
        t("profile.menu.delete"),
        t("profile.menu.cancel"),
    ]
    console.say(t("profile.menu.title"))
    for n, label in enumerate(labels, 1):
        console.say(f"{n}. {label}")
    typed = console.ask(
        t("plain.type_one", range=spoken_range(len(options))),
        check=lambda typed: read_one(typed, len(options)).hint,
    )
    choice = options[int(read_one(typed, len(options)).response) - 1]
    if choice == "profile.menu.switch":
        return choose_learner(console, course, store, None, journey.session)
    if choice == "profile.menu.reset_all" and confirm(console, t("confirm.reset_all")):
        journey.reset_all()
        console.say(t("confirm.done_reset_all"))
    elif choice == "profile.menu.delete" and confirm(console, t("confirm.delete", name=journey.learner.name)):
        store.delete_learner(journey.learner.id)
        console.say(t("confirm.done_delete"))
        return choose_learner(console, course, store, None, journey.session)
    return None
