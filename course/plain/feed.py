"""The filter-bubble simulator in lines: like posts by number, hear the feed narrow, then try to reopen it.

The feeds come from `course.quiz.feed_sim` with the same seeds, rounds and
scoring as the full-screen simulator, so the same likes give the same feeds
and the same stored records. One difference: here a round's likes are typed
at once, so switching feeds (« n ») keeps no like of the round in progress.
"""

from __future__ import annotations

from course.content.model import Feed, FeedPost, Lesson
from course.i18n import t
from course.learning.journey import Journey
from course.plain.answers import read_several, spoken_range
from course.plain.console import Console
from course.plain.flatten import markdown_lines
from course.plain.lesson import record_activity
from course.plain.scenario import replay_or_go_on
from course.quiz.feed_sim import REOPEN_ROUNDS, diversity, next_feed, reliable_share, topic_count


def topics_word(count: int) -> str:
    """`1 thème`, `3 thèmes`."""
    return t("feed.topics.one" if count == 1 else "feed.topics.many", count=count)


def tone_word(tone: str) -> str:
    """A post's tone in words."""
    return {
        "neutre": t("feed.tone.neutre"),
        "emotion": t("feed.tone.emotion"),
        "colere": t("feed.tone.colere"),
        "peur": t("feed.tone.peur"),
        "humour": t("feed.tone.humour"),
    }.get(tone, tone)


class PlainFeed:
    """One play of `feed`, from the first round to the review."""

    def __init__(self, console: Console, journey: Journey, lesson: Lesson, feed: Feed) -> None:
        self.console = console
        self.journey = journey
        self.lesson = lesson
        self.feed = feed
        self.topics = {topic.id: topic.label for topic in feed.topics}
        self.profiled = True
        self.liked: list[str] = []
        self.shown: list[str] = []
        self.seen: list[FeedPost] = []
        self.history: dict[str, list[tuple[int, bool]]] = {"play": [], "reopen": []}

    def play(self) -> None:
        say = self.console.say
        say(t("plain.feed.start", rounds=self.feed.rounds))
        while len(self.history["play"]) < self.feed.rounds:
            self._round("play")
        self.console.blank()
        say(t("feed.closed.title"))
        say(self._history("play"))
        say(t("plain.feed.closed", rounds=REOPEN_ROUNDS))
        self.console.ask(
            t("plain.feed.reopen_now"),
            check=lambda typed: (
                None if self.console.is_word(typed, t("plain.words.next")) else t("plain.hint.next")
            ),
        )
        while len(self.history["reopen"]) < REOPEN_ROUNDS:
            self._round("reopen")
        self.console.blank()
        unreliable = sum(not p.reliable for p in self.seen)
        share = 1.0 - reliable_share(self.seen)
        say(t("feed.end.title"))
        say(t("feed.end.phase1", history=self._history("play")))
        say(t("feed.end.phase2", history=self._history("reopen")))
        say(t("feed.end.unreliable", count=unreliable, total=len(self.seen), percent=round(share * 100)))
        self.console.lines(markdown_lines(self.feed.debrief))

    def _history(self, phase: str) -> str:
        offset = len(self.history["play"]) if phase == "reopen" else 0
        return " ; ".join(
            t(
                "feed.history.step" if profiled else "feed.history.plain",
                n=offset + i + 1,
                topics=topics_word(c),
            )
            for i, (c, profiled) in enumerate(self.history[phase])
        )

    def _round(self, phase: str) -> None:
        """Show one round's feed and read the likes (or, when reopening, a switch of feed)."""
        history = self.history[phase]
        round_no = len(self.history["play"]) + len(self.history["reopen"])
        posts = next_feed(self.feed, self.liked, self.shown, round_no, self.profiled)
        mode = t("feed.mode.profiled" if self.profiled else "feed.mode.plain")
        self.console.blank()
        if phase == "reopen":
            self.console.say(t("plain.feed.reopen_round", n=len(history) + 1, total=REOPEN_ROUNDS, mode=mode))
        else:
            self.console.say(t("plain.feed.round", n=len(history) + 1, total=self.feed.rounds))
        count = topic_count(posts)
        self.console.say(t("plain.feed.meter", topics=topics_word(count), total=len(self.feed.topics)))
        for n, post in enumerate(posts, 1):
            self.console.say(
                t(
                    "plain.feed.post",
                    n=n,
                    topic=self.topics.get(post.topic, post.topic),
                    text=post.text,
                    source=post.source,
                    tone=tone_word(post.tone),
                )
            )
        instruction = t("plain.feed.howto", range=spoken_range(len(posts)))
        if phase == "reopen":
            instruction += " " + t("plain.feed.switch")
        while True:
            typed = self.console.ask(instruction)
            if phase == "reopen" and self.console.is_word(typed, t("plain.words.switch")):
                self.profiled = not self.profiled
                return self._round(phase)
            read = read_several(typed, len(posts), none_ok=True)
            if read.hint is None:
                break
            self.console.say(read.hint)
        likes = [posts[n - 1] for n in read.response]
        history.append((count, self.profiled))
        self.shown.extend(p.id for p in posts)
        self.seen.extend(posts)
        self.liked.extend(p.id for p in likes)
        step = f"tour-{len(history)}" if phase == "play" else f"rouvrir-{len(history)}"
        labels = ", ".join(dict.fromkeys(self.topics.get(p.topic, p.topic) for p in likes))
        text = t(
            "feed.response",
            likes=labels or t("feed.response.none"),
            topics=topics_word(count),
            total=len(self.feed.topics),
            mode=mode,
        )
        record_activity(
            self.console,
            self.journey,
            self.lesson,
            self.feed.id,
            step,
            "feed",
            [p.id for p in likes],
            text,
            True,
            diversity(posts, self.feed),
        )


def play_feed(console: Console, journey: Journey, lesson: Lesson, feed: Feed) -> None:
    """Play the simulator to its review, as many times as the learner asks."""
    while True:
        console.help_text = t("plain.help.feed")
        PlainFeed(console, journey, lesson, feed).play()
        if not replay_or_go_on(console):
            return
