"""The filter-bubble simulator: like posts, watch the feed narrow, then try to reopen it."""

from __future__ import annotations

from enum import Enum

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from course.content.model import Feed, FeedPost
from course.i18n import t
from course.quiz.feed_sim import REOPEN_ROUNDS, diversity, next_feed, reliable_share, topic_count
from course.ui.widgets.activity_parts import Line, ListInOnePass, StepText
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.interaction import Interaction
from course.ui.widgets.section_text import SizedInOnePass
from course.ui.widgets.typography import french_markdown

_FEED_TONE_KEYS = {
    "colere": "feed.tone.colere",
    "emotion": "feed.tone.emotion",
    "humour": "feed.tone.humour",
    "neutre": "feed.tone.neutre",
    "peur": "feed.tone.peur",
}


class Phase(Enum):
    """Where the learner is: playing, reading that the bubble closed, reopening it, or reading the review."""

    PLAY = "play"
    CLOSED = "closed"
    REOPEN = "reopen"
    END = "end"


class PostList(ListInOnePass):
    """The feed's posts: Enter validates even with nothing liked (liking nothing is a choice too)."""

    def action_select(self) -> None:
        if not self.disabled:
            self.post_message(self.Submitted())

    def show(self, texts: list[str], marked: set[int]) -> None:
        """Replace the posts shown, in the recommender's order, with `marked` already liked."""
        self.texts = texts
        self.order = list(range(len(texts)))
        self.marked = marked
        self.clear_options()
        self.add_options(self._build_options())
        self.highlighted = 0 if texts else None


def topics_word(count: int) -> str:
    """`1 thème`, `3 thèmes`."""
    return t("feed.topics.one" if count == 1 else "feed.topics.many", count=count)


class FeedView(SizedInOnePass, Vertical, can_focus=True):
    """Plays `feed`: each round is posted as an `Interaction` scored by the diversity the learner saw."""

    BINDINGS = [
        Binding("enter", "continue", t("feed.key.continue")),
        Binding("n", "switch", t("feed.key.switch")),
        Binding("r", "replay", t("feed.key.replay")),
    ]
    """Enter leaves the notice, n switches feeds in phase 2, r replays; digits and space are the list's."""

    def __init__(self, feed: Feed) -> None:
        super().__init__(classes="feed")
        self.feed = feed
        self.block_id = feed.id
        self.topics = {topic.id: topic.label for topic in feed.topics}
        self._reset()

    def _reset(self) -> None:
        self.phase = Phase.PLAY
        self.profiled = True
        self.liked: list[str] = []
        self.shown: list[str] = []
        self.seen: list[FeedPost] = []
        # Per phase, the number of topics of each round's feed and whether it was profiled.
        self.history: dict[Phase, list[tuple[int, bool]]] = {Phase.PLAY: [], Phase.REOPEN: []}
        self.posts: list[FeedPost] = []
        self.kept: dict[str, FeedPost] = {}  # liked this round, kept when switching feeds

    def compose(self) -> ComposeResult:
        yield Line(id="feed-round", markup=False)
        yield Line(id="feed-meter", markup=False)
        yield PostList([], [], multiple=True, id="feed-posts")
        yield Line(id="feed-howto", markup=False)
        yield Line(id="feed-notice", markup=False)
        yield StepText(id="feed-end", indent=0)

    def on_mount(self) -> None:
        self._deal(scroll=False)

    # What the learner sees

    def _post_text(self, post: FeedPost) -> str:
        return t(
            "feed.post",
            topic=self.topics.get(post.topic, post.topic),
            text=post.text,
            source=post.source,
            tone=t(_FEED_TONE_KEYS[post.tone]),
        )

    def _meter(self) -> str:
        count, total = topic_count(self.posts), len(self.feed.topics)
        bar = "█" * count + "░" * max(total - count, 0)
        return t("feed.meter", bar=bar, topics=topics_word(count), total=total)

    def _history(self, phase: Phase) -> str:
        offset = len(self.history[Phase.PLAY]) if phase is Phase.REOPEN else 0
        return " → ".join(
            t(
                "feed.history.step" if profiled else "feed.history.plain",
                n=offset + i + 1,
                topics=topics_word(c),
            )
            for i, (c, profiled) in enumerate(self.history[phase])
        )

    def _show(self, phase: Phase) -> None:
        """Show the widgets of `phase` and hide the others."""
        self.phase = phase
        playing = phase in (Phase.PLAY, Phase.REOPEN)
        for name in ("#feed-round", "#feed-meter", "#feed-posts", "#feed-howto"):
            self.query_one(name).display = playing
        self.query_one("#feed-notice").display = phase is Phase.CLOSED
        self.query_one("#feed-end").display = phase is Phase.END
        self.refresh_bindings()

    def _deal(self, scroll: bool = True) -> None:
        """Compute this round's feed and show it, the posts already liked this round marked."""
        round_no = len(self.history[Phase.PLAY]) + len(self.history[Phase.REOPEN])
        self.posts = next_feed(self.feed, self.liked, self.shown, round_no, self.profiled)
        posts = self.query_one(PostList)
        posts.show(
            [self._post_text(p) for p in self.posts],
            {i for i, p in enumerate(self.posts) if p.id in self.kept},
        )
        if self.phase is Phase.REOPEN:
            mode = t("feed.mode.profiled" if self.profiled else "feed.mode.plain")
            header = t(
                "feed.reopen.round", n=len(self.history[Phase.REOPEN]) + 1, total=REOPEN_ROUNDS, mode=mode
            )
            howto = t("feed.reopen.howto")
        else:
            header = t("feed.round", n=len(self.history[Phase.PLAY]) + 1, total=self.feed.rounds)
            howto = t("feed.howto")
        self.query_one("#feed-round", Line).update(Text(header, style="bold"))
        self.query_one("#feed-meter", Line).update(self._meter())
        self.query_one("#feed-howto", Line).update(howto)
        self._show(self.phase)
        if self.display:  # built ahead, hidden: the lesson gives the focus when it shows it
            posts.focus(scroll_visible=scroll)
        if scroll:
            self.call_after_refresh(self.scroll_visible, animate=False)

    def _show_closed(self) -> None:
        notice = Text(t("feed.closed.title") + "\n", style="bold")
        notice.append(self._history(Phase.PLAY) + "\n\n", style="bold")
        notice.append(t("feed.closed.text", rounds=REOPEN_ROUNDS) + "\n\n")
        notice.append(t("feed.closed.continue"), style="italic")
        self.query_one("#feed-notice", Line).update(notice)
        self._show(Phase.CLOSED)
        self.focus()

    def _show_end(self) -> None:
        unreliable = sum(not p.reliable for p in self.seen)
        share = 1.0 - reliable_share(self.seen)
        lines = [
            f"**{t('feed.end.title')}**",
            "- " + t("feed.end.phase1", history=self._history(Phase.PLAY)),
            "- " + t("feed.end.phase2", history=self._history(Phase.REOPEN)),
            "- "
            + t("feed.end.unreliable", count=unreliable, total=len(self.seen), percent=round(share * 100)),
        ]
        parts = ["\n".join(lines)]
        if self.feed.debrief:
            parts.append(self.feed.debrief)
        parts.append(f"*{t('feed.end.replay')}*")
        review = self.query_one("#feed-end", StepText)
        review.update(french_markdown("\n\n".join(parts)))
        self._show(Phase.END)
        self.focus()
        review.bring_into_view(top=True)

    # What the learner does

    def _round_likes(self) -> list[FeedPost]:
        """Posts liked this round: those marked on screen, then those liked in the other feed."""
        marked = [self.posts[i] for i in self.query_one(PostList).response()]
        return marked + [p for p in self.kept.values() if p not in self.posts]

    def on_choice_list_submitted(self, event: ChoiceList.Submitted) -> None:
        event.stop()
        if self.phase not in (Phase.PLAY, Phase.REOPEN):
            return
        likes = self._round_likes()
        count = topic_count(self.posts)
        history = self.history[self.phase]
        history.append((count, self.profiled))
        seen = self.posts + [p for p in likes if p not in self.posts]
        self.shown.extend(p.id for p in seen)
        self.seen.extend(seen)
        self.kept = {}
        self.liked.extend(p.id for p in likes)
        step = f"tour-{len(history)}" if self.phase is Phase.PLAY else f"rouvrir-{len(history)}"
        labels = ", ".join(dict.fromkeys(self.topics.get(p.topic, p.topic) for p in likes))
        text = t(
            "feed.response",
            likes=labels or t("feed.response.none"),
            topics=topics_word(count),
            total=len(self.feed.topics),
            mode=t("feed.mode.profiled" if self.profiled else "feed.mode.plain"),
        )
        self.post_message(
            Interaction(
                self.block_id,
                step,
                "feed",
                [p.id for p in likes],
                text,
                True,
                diversity(self.posts, self.feed),
            )
        )
        if self.phase is Phase.PLAY and len(history) >= self.feed.rounds:
            self._show_closed()
        elif self.phase is Phase.REOPEN and len(history) >= REOPEN_ROUNDS:
            self._show_end()
        else:
            self._deal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return self.phase is Phase.CLOSED
        if action == "switch":
            return self.phase is Phase.REOPEN
        return True

    def action_continue(self) -> None:
        self.phase = Phase.REOPEN
        self._deal()

    def action_switch(self) -> None:
        """Switch between the profiled and the non-profiled feed, keeping the posts already liked."""
        self.kept = {p.id: p for p in self._round_likes()}
        self.profiled = not self.profiled
        self._deal()

    def action_replay(self) -> None:
        self._reset()
        self._deal()

    async def restart(self) -> None:
        """Back to the first round, as on arrival (the lesson shows the activity again)."""
        self._reset()
        self._deal(scroll=False)
