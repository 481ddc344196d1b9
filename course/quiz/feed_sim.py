"""A deterministic recommender that shows how a personalised feed closes into a bubble.

Profiled feeds rank posts by how much they resemble what the learner liked;
the non-profiled feed is the alternative that DSA article 38 requires very
large platforms to offer. The same seed always gives the same feeds, so a
trainer can replay a demonstration exactly.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

from course.content.model import Feed, FeedPost

EMOTIONAL_TONES = frozenset({"emotion", "colere", "peur"})
TOPIC_WEIGHT = 3.0
"""Same topic as the liked posts: the strongest signal, as in real recommenders."""
TONE_WEIGHT = 0.5
"""Same tone as the liked posts: a little extra resemblance."""
ENGAGEMENT_BOOST = 0.5
"""Extra weight for emotional posts once emotional posts were liked: outrage keeps people scrolling."""
REPEAT_PENALTY = 1.0
"""Cost of showing a post again: fresh posts come first, unless an old one resembles the likes much more."""
REOPEN_ROUNDS = 2
"""Rounds of the second phase, where the learner tries to reopen the bubble."""


def _rng(feed: Feed, round_no: int) -> random.Random:
    return random.Random(f"{feed.seed}:{round_no}")


def _size(feed: Feed) -> int:
    return min(feed.feed_size, len(feed.posts))


def _fresh_first(feed: Feed, shown: Sequence[str], rng: random.Random) -> list[FeedPost]:
    """Every post in a seeded random order, posts never shown before ahead of the others."""
    seen = set(shown)
    posts = list(feed.posts)
    rng.shuffle(posts)
    return [p for p in posts if p.id not in seen] + [p for p in posts if p.id in seen]


def _varied_sample(feed: Feed, shown: Sequence[str], rng: random.Random) -> list[FeedPost]:
    """One post per topic in turn (topics in a seeded order), so a first feed shows the whole range."""
    by_topic: dict[str, list[FeedPost]] = {}
    for post in _fresh_first(feed, shown, rng):
        by_topic.setdefault(post.topic, []).append(post)
    order = [topic.id for topic in feed.topics if topic.id in by_topic]
    order += [topic for topic in by_topic if topic not in order]
    rng.shuffle(order)
    picked: list[FeedPost] = []
    while len(picked) < _size(feed):
        for topic in order:
            if by_topic[topic] and len(picked) < _size(feed):
                picked.append(by_topic[topic].pop(0))
    return picked


def resemblance(post: FeedPost, liked: Sequence[FeedPost]) -> float:
    """How much `post` looks like the liked posts: shares of the same topic and tone, plus the emotion boost."""
    if not liked:
        return 0.0
    same_topic = sum(p.topic == post.topic for p in liked) / len(liked)
    same_tone = sum(p.tone == post.tone for p in liked) / len(liked)
    emotional = sum(p.tone in EMOTIONAL_TONES for p in liked) / len(liked)
    boost = ENGAGEMENT_BOOST * emotional if post.tone in EMOTIONAL_TONES else 0.0
    return TOPIC_WEIGHT * same_topic + TONE_WEIGHT * same_tone + boost


def next_feed(
    feed: Feed, liked: list[str], shown: list[str], round_no: int, profiled: bool = True
) -> list[FeedPost]:
    """The `feed.feed_size` posts of round `round_no`, given every like and display so far.

    Profiled: posts ranked by resemblance to the likes, a post already shown
    losing `REPEAT_PENALTY` (and more-shown ones coming last), seeded ties.
    Without likes, a varied sample. Not profiled: a seeded shuffle, fresh posts first.
    """
    rng = _rng(feed, round_no)
    if not profiled:
        return _fresh_first(feed, shown, rng)[: _size(feed)]
    posts = {p.id: p for p in feed.posts}
    liked_posts = [posts[i] for i in liked if i in posts]
    if not liked_posts:
        return _varied_sample(feed, shown, rng)
    times = Counter(shown)
    candidates = _fresh_first(feed, shown, rng)
    ties = {p.id: rng.random() for p in candidates}

    def rank(post: FeedPost) -> tuple[float, int, float]:
        score = resemblance(post, liked_posts) - (REPEAT_PENALTY if times[post.id] else 0.0)
        return (-score, times[post.id], ties[post.id])

    return sorted(candidates, key=rank)[: _size(feed)]


def topic_count(posts: Sequence[FeedPost]) -> int:
    """How many different topics `posts` cover."""
    return len({p.topic for p in posts})


def diversity(posts: Sequence[FeedPost], feed: Feed) -> float:
    """Share of the feed's topics that `posts` cover: 1.0 is the whole range, 1/len(topics) a bubble."""
    return topic_count(posts) / len(feed.topics) if feed.topics else 0.0


def reliable_share(posts: Sequence[FeedPost]) -> float:
    """Share of `posts` that are reliable (1.0 when there are none to judge)."""
    return sum(p.reliable for p in posts) / len(posts) if posts else 1.0
