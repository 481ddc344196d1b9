"""The recommender behind the filter-bubble simulator: deterministic, narrowing, and reopenable."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from course.content.model import Feed, FeedPost, Topic
from course.quiz.feed_sim import diversity, next_feed, reliable_share, resemblance, topic_count

TOPICS = [
    ("sante", "Santé"),
    ("sport", "Sport"),
    ("climat", "Climat"),
    ("tech", "Numérique"),
    ("culture", "Culture"),
]
POSTS = [
    ("s1", "Un centre de santé ouvre en mars", "sante", "Mairie", "neutre", True),
    ("s2", "Ce remède miracle guérit tout, on vous le cache", "sante", "@verite_sante", "colere", False),
    ("s3", "Grippe : la vaccination commence lundi", "sante", "Ameli", "neutre", True),
    ("s4", "Ils ont failli mourir après ce vaccin !", "sante", "@alerte_info", "peur", False),
    ("s5", "Marcher 30 minutes par jour : ce que dit la science", "sante", "Le Monde", "neutre", True),
    ("p1", "Le club local remporte la coupe", "sport", "La Voix du Nord", "emotion", True),
    ("p2", "Inscriptions ouvertes à la course solidaire", "sport", "Association", "neutre", True),
    ("p3", "Scandale : l'arbitre était payé !", "sport", "@foot_clash", "colere", False),
    ("c1", "Canicule : les conseils de Météo-France", "climat", "Météo-France", "neutre", True),
    ("c2", "Le réchauffement est une invention", "climat", "@libre_pensee", "colere", False),
    ("c3", "Les jardins partagés gagnent du terrain", "climat", "Ouest-France", "emotion", True),
    ("t1", "Mettre à jour son téléphone, pas à pas", "tech", "Cybermalveillance", "neutre", True),
    ("t2", "Votre téléphone vous écoute, la preuve", "tech", "@hack_news", "peur", False),
    ("t3", "Un chat qui tape au clavier", "tech", "@droles_de_betes", "humour", True),
    ("k1", "La médiathèque prolonge ses horaires", "culture", "Médiathèque", "neutre", True),
    ("k2", "Concert gratuit samedi au parc", "culture", "Ville de Roubaix", "emotion", True),
    ("k3", "Ce dessin de presse fait rire tout le monde", "culture", "@humour_fr", "humour", True),
]


def make_feed(**overrides: object) -> Feed:
    values: dict[str, object] = dict(
        id="bulle",
        topics=[Topic(id=i, label=label) for i, label in TOPICS],
        posts=[
            FeedPost(id=i, text=text, topic=topic, source=source, tone=tone, reliable=reliable)  # type: ignore[arg-type]
            for i, text, topic, source, tone, reliable in POSTS
        ],
        seed=7,
        feed_size=4,
        rounds=4,
    )
    values.update(overrides)
    return Feed(**values)  # type: ignore[arg-type]


def play(
    feed: Feed,
    rounds: int,
    likes_topic: str,
    profiled: bool = True,
    liked: list[str] | None = None,
    shown: list[str] | None = None,
    start: int = 0,
) -> list[list[FeedPost]]:
    """Feeds of `rounds` rounds where the learner likes every post of `likes_topic`."""
    liked = [] if liked is None else liked
    shown = [] if shown is None else shown
    feeds = []
    for round_no in range(start, start + rounds):
        posts = next_feed(feed, liked, shown, round_no, profiled)
        feeds.append(posts)
        shown.extend(p.id for p in posts)
        liked.extend(p.id for p in posts if p.topic == likes_topic)
    return feeds


def ids(feeds: list[list[FeedPost]]) -> list[list[str]]:
    return [[p.id for p in posts] for posts in feeds]


def test_same_seed_same_feeds_and_another_seed_changes_them():
    feed = make_feed()
    assert ids(play(feed, 6, "sante")) == ids(play(make_feed(), 6, "sante"))
    firsts = {tuple(ids(play(make_feed(seed=seed), 1, "sante"))[0]) for seed in range(1, 8)}
    assert len(firsts) > 1


def test_round_zero_shows_one_post_per_topic_as_far_as_possible():
    for seed in range(1, 20):
        feed = make_feed(seed=seed)
        assert topic_count(next_feed(feed, [], [], 0)) == 4  # 4 posts, 5 topics
        assert topic_count(next_feed(make_feed(seed=seed, feed_size=6), [], [], 0)) == 5


def test_liking_one_topic_closes_the_bubble_within_a_few_rounds():
    feed = make_feed()
    feeds = play(feed, 4, "sante")
    history = [diversity(posts, feed) for posts in feeds]
    assert history[-1] < history[0]
    assert history[-1] == 1 / 5
    assert all(p.topic == "sante" for posts in feeds[2:] for p in posts)


def test_liked_outrage_pulls_emotional_posts_of_other_topics_up():
    posts = {p.id: p for p in make_feed().posts}
    angry, neutral, fearful = posts["p3"], posts["p2"], posts["t2"]
    assert resemblance(angry, [posts["s4"]]) > resemblance(
        neutral, [posts["s4"]]
    )  # fear liked, anger boosted
    assert resemblance(fearful, [posts["s4"]]) > resemblance(angry, [posts["s4"]])  # same tone weighs more
    assert resemblance(neutral, [posts["s1"]]) > resemblance(angry, [posts["s1"]])  # calm likes, no boost


def test_the_non_profiled_feed_ignores_likes_and_restores_diversity():
    feed = make_feed()
    liked: list[str] = []
    shown: list[str] = []
    bubble = play(feed, 4, "sante", liked=liked, shown=shown)
    plain = play(feed, 3, "sante", profiled=False, liked=list(liked), shown=list(shown), start=4)
    assert min(topic_count(posts) for posts in plain) > topic_count(bubble[-1])
    assert next_feed(feed, liked, shown, 4, profiled=False) == next_feed(feed, [], shown, 4, profiled=False)


def test_never_more_posts_than_feed_size_and_no_post_twice_in_a_feed():
    rng = random.Random(0)
    for size in range(2, 7):
        feed = make_feed(feed_size=size, seed=rng.randrange(1000))
        liked: list[str] = []
        shown: list[str] = []
        for round_no in range(12):
            posts = next_feed(feed, liked, shown, round_no, profiled=round_no % 3 != 2)
            assert len(posts) == size
            assert len({p.id for p in posts}) == size
            shown.extend(p.id for p in posts)
            liked.extend(p.id for p in posts if rng.random() < 0.4)


def test_a_feed_smaller_than_feed_size_shows_every_post_once():
    feed = make_feed(posts=make_feed().posts[:4], feed_size=6)
    for profiled in (True, False):
        assert sorted(p.id for p in next_feed(feed, ["s1"], [], 1, profiled)) == ["s1", "s2", "s3", "s4"]


def test_when_fresh_posts_run_out_the_feed_goes_on():
    feed = make_feed()
    shown = [p.id for p in feed.posts] * 2  # everything seen, twice
    posts = next_feed(feed, ["s1", "s3"], shown, 9)
    assert len(posts) == 4 and {p.topic for p in posts} == {"sante"}
    assert len(next_feed(feed, [], shown, 9)) == 4
    assert len(next_feed(feed, ["s1"], shown, 9, profiled=False)) == 4


def test_fresh_posts_come_before_repeats_when_they_resemble_the_likes_as_much():
    feed = make_feed()
    posts = next_feed(feed, ["s1"], ["s1", "s2"], 1)
    assert sorted(p.id for p in posts[:3]) == ["s3", "s4", "s5"]  # unseen Santé posts before s1 and s2
    assert next_feed(feed, [], ["s1"], 1, profiled=False)[0].id != "s1"


def test_diversity_and_reliable_share():
    feed = make_feed()
    posts = {p.id: p for p in feed.posts}
    chosen = [posts["s1"], posts["s2"], posts["p1"], posts["t2"]]
    assert topic_count(chosen) == 3
    assert diversity(chosen, feed) == 3 / 5
    assert reliable_share(chosen) == 0.5
    assert reliable_share([]) == 1.0


def test_the_recommender_never_loads_textual():
    code = "import sys, course.quiz.feed_sim; sys.exit(1 if 'textual' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2]).returncode == 0
