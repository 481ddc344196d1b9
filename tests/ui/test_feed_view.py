"""The filter-bubble simulator as a learner plays it at 80x24: like, watch the feed narrow, reopen it."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, Static

from course.content.model import Feed, FeedPost, Topic
from course.ui.widgets.feed_view import FeedView, PostList
from course.ui.widgets.interaction import Interaction
from tests.ui.walk import drawn_text

STYLES = Path(__file__).parents[2] / "course" / "ui" / "styles"
POSTS = [
    ("s1", "Un centre de santé ouvre en mars", "sante", "Mairie", "neutre", True),
    ("s2", "Ce remède miracle guérit tout", "sante", "@verite_sante", "colere", False),
    ("s3", "Grippe : la vaccination commence lundi", "sante", "Ameli", "neutre", True),
    ("s4", "Ils ont failli mourir après ce vaccin !", "sante", "@alerte_info", "peur", False),
    ("s5", "Marcher 30 minutes par jour", "sante", "Le Monde", "neutre", True),
    ("p1", "Le club local remporte la coupe", "sport", "La Voix du Nord", "emotion", True),
    ("p2", "Course solidaire : inscriptions ouvertes", "sport", "Association", "neutre", True),
    ("p3", "Scandale : l'arbitre était payé !", "sport", "@foot_clash", "colere", False),
    ("c1", "Canicule : les conseils de Météo-France", "climat", "Météo-France", "neutre", True),
    ("c2", "Le réchauffement est une invention", "climat", "@libre_pensee", "colere", False),
    ("c3", "Les jardins partagés gagnent du terrain", "climat", "Ouest-France", "emotion", True),
    ("k1", "La médiathèque prolonge ses horaires", "culture", "Médiathèque", "neutre", True),
    ("k2", "Concert gratuit samedi au parc", "culture", "Ville de Roubaix", "emotion", True),
    ("k3", "Ce dessin de presse fait rire", "culture", "@humour_fr", "humour", True),
]
FEED = Feed(
    id="bulle",
    topics=[
        Topic("sante", "Santé"),
        Topic("sport", "Sport"),
        Topic("climat", "Climat"),
        Topic("culture", "Culture"),
    ],
    posts=[
        FeedPost(i, text, topic, source, tone, reliable)  # type: ignore[arg-type]
        for i, text, topic, source, tone, reliable in POSTS
    ],
    seed=3,
    feed_size=4,
    rounds=4,
    debrief="Un fil qui **ne montre que vos goûts** finit par tout cacher.",
)


class FeedApp(App[None]):
    """The feed simulator inside a scrolling body, as the lesson screen hosts it."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "feed.tcss"]

    def __init__(self) -> None:
        super().__init__()
        self.interactions: list[Interaction] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="section-body"):
            yield Markdown("Un fil **personnalisé** choisit pour vous.", id="section-text")
            yield FeedView(FEED)
        yield Footer()

    def on_interaction(self, event: Interaction) -> None:
        self.interactions.append(event)


def screen_text(app: App[None]) -> str:
    """What the terminal shows, as plain text."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().replace("\u00a0", " ")  # a no-break space shows as a space


def static_text(view: FeedView, selector: str) -> str:
    return str(view.query_one(selector, Static).content)


async def like_topic_and_validate(pilot, view: FeedView, topic: str, *, other: bool = False) -> list[str]:
    """Like (by digit) every post of `topic` (or of every other topic), then press Enter."""
    liked = []
    for position, post in enumerate(view.posts):
        if (post.topic == topic) != other:
            await pilot.press(str(position + 1))
            liked.append(post.id)
    await pilot.press("enter")
    await pilot.pause()
    return liked


async def close_the_bubble(pilot, view: FeedView) -> tuple[list[str], list[list[str]]]:
    """Play the first phase liking only Santé; the meters and feeds seen, round by round."""
    meters, feeds = [], []
    for _ in range(FEED.rounds):
        meters.append(static_text(view, "#feed-meter"))
        feeds.append([p.id for p in view.posts])
        await like_topic_and_validate(pilot, view, "sante")
    return meters, feeds


async def test_the_first_screen_fits_80x24_with_the_round_the_meter_and_the_instructions():
    app = FeedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Tour 1 / 4" in text
        assert "Diversité : ████ 4 thèmes sur 4" in text
        assert "1  [ ] [" in text and "ton :" in text
        assert "Aimez (Espace ou chiffre) les publications qui vous plaisent, puis Entrée." in text
        assert isinstance(app.focused, PostList)


async def test_liking_one_topic_closes_the_bubble_and_each_round_is_recorded():
    app = FeedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(FeedView)
        meters, feeds = await close_the_bubble(pilot, view)
        assert meters[0].endswith("4 thèmes sur 4")
        assert meters[-1] == "Diversité : █░░░ 1 thème sur 4"
        assert [i.step for i in app.interactions] == ["tour-1", "tour-2", "tour-3", "tour-4"]
        for interaction, feed in zip(app.interactions, feeds):
            assert interaction.block == "bulle" and interaction.kind == "feed" and interaction.correct
            assert interaction.response == [i for i in feed if i.startswith("s")]
            assert interaction.response_text.startswith("J'aime : Santé")
        scores = [i.score for i in app.interactions]
        assert scores[0] == 1.0 and scores[-1] == 0.25 and scores == sorted(scores, reverse=True)
        assert not view.query_one(PostList).display
        notice = static_text(view, "#feed-notice")
        assert "La bulle s'est refermée." in notice
        assert "Tour 1 : 4 thèmes → " in notice and notice.count("→") == 3 and "Tour 4 : 1 thème\n" in notice
        assert "Entrée : rouvrir la bulle" in screen_text(app)


async def test_reopening_the_bubble_with_the_plain_feed_then_the_review():
    app = FeedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(FeedView)
        await close_the_bubble(pilot, view)
        await pilot.press("enter")
        await pilot.pause()
        assert static_text(view, "#feed-round") == "Rouvrir la bulle · tour 1 / 2 · fil personnalisé"
        assert static_text(view, "#feed-meter").endswith("1 thème sur 4")
        await pilot.press("n")
        await pilot.pause()
        assert static_text(view, "#feed-round").endswith("fil non personnalisé")
        assert not static_text(view, "#feed-meter").endswith("1 thème sur 4")
        await pilot.press("1")
        kept = view.posts[0].id
        await pilot.press("n", "n")  # there and back: the like stays where the post is shown
        await pilot.pause()
        assert view.posts[0].id == kept and view.query_one(PostList).response() == [0]
        await pilot.press("1")  # unlike, then like every other topic
        liked = await like_topic_and_validate(pilot, view, "sante", other=True)
        assert liked and app.interactions[-1].step == "rouvrir-1"
        assert app.interactions[-1].response == liked
        assert app.interactions[-1].response_text.endswith("fil non personnalisé")
        assert app.interactions[-1].score > 0.25
        await pilot.press("enter")
        await pilot.pause()
        assert [i.step for i in app.interactions][-2:] == ["rouvrir-1", "rouvrir-2"]
        review = drawn_text(view.query_one("#feed-end"))  # the words drawn, whatever the wrapping
        assert "Bilan du fil" in review
        assert "Diversité pendant le jeu : Tour 1 : 4 thèmes → " in review
        assert "Diversité en rouvrant la bulle : Tour 5 : " in review and "(non personnalisé)" in review
        unreliable = sum(not p.reliable for p in view.seen)
        assert unreliable and f"Publications trompeuses vues : {unreliable} sur 24 (" in review
        # the debrief, its bold words drawn as words
        assert "Un fil qui ne montre que vos goûts finit par tout cacher." in review
        assert "Bilan du fil" in screen_text(app)


async def test_replay_starts_over_with_the_same_feeds():
    app = FeedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(FeedView)
        _, first = await close_the_bubble(pilot, view)
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert view.query_one("#feed-end").display
        await pilot.press("r")
        await pilot.pause()
        assert static_text(view, "#feed-round") == "Tour 1 / 4 · fil personnalisé"
        assert isinstance(app.focused, PostList)
        _, again = await close_the_bubble(pilot, view)
        assert again == first
        assert len(app.interactions) == 6 + 4


async def test_enter_with_nothing_liked_goes_on_and_says_so():
    app = FeedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(FeedView)
        await pilot.press("enter")
        await pilot.pause()
        assert app.interactions[0].response == []
        assert app.interactions[0].response_text.startswith("J'aime : aucun")
        assert static_text(view, "#feed-round").startswith("Tour 2 / 4")
