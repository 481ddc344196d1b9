"""Rules for interactive sections: scenarios, feed simulators and message inspectors.

A section that breaks a rule is left out of its lesson (and reported), so a
learner never meets a scenario with a dead end or a feed that cannot be drawn.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from course.content.model import Feed, Inspect, Lesson, Pos, Scenario, Section
from course.content.problems import Problem, Severity


def _at(found: list[Problem], pos: Pos, code: str, severity: Severity = "error", **params: object) -> None:
    found.append(Problem.make(pos.path, pos.line, pos.col, code, severity, **params))


def _duplicates(found: list[Problem], items: Iterable[object], what: str) -> set[str]:
    seen: set[str] = set()
    for item in items:
        ident = item.id  # type: ignore[attr-defined]
        if ident in seen:
            _at(found, item.pos, "duplicate_id", what=what, id=ident, first="-")  # type: ignore[attr-defined]
        seen.add(ident)
    return seen


def scenario_problems(scenario: Scenario) -> list[Problem]:
    found: list[Problem] = []
    nodes = {n.id: n for n in scenario.nodes}
    _duplicates(found, scenario.nodes, "step")
    gauges = _duplicates(found, scenario.gauges, "gauge")
    if scenario.start not in nodes:
        _at(found, scenario.pos, "scenario_unknown_step", id=scenario.start)
    for node in scenario.nodes:
        if node.ending and node.choices:
            _at(found, node.pos, "scenario_ending_with_choices", id=node.id)
        if not node.ending and not node.choices:
            _at(found, node.pos, "scenario_dead_end", id=node.id)
        for choice in node.choices:
            if choice.next not in nodes:
                _at(found, choice.pos, "scenario_unknown_step", id=choice.next)
            for effect in choice.effects:
                if effect.gauge not in gauges:
                    _at(found, effect.pos, "scenario_unknown_gauge", id=effect.gauge)
    if found:
        return found
    reached, queue = {scenario.start}, [scenario.start]
    while queue:
        for choice in nodes[queue.pop()].choices:
            if choice.next not in reached:
                reached.add(choice.next)
                queue.append(choice.next)
    if not any(nodes[i].ending for i in reached):
        _at(found, scenario.pos, "scenario_no_ending")
    for node in scenario.nodes:
        if node.id not in reached:
            _at(found, node.pos, "scenario_unreachable", "warning", id=node.id)
    return found


def feed_problems(feed: Feed) -> list[Problem]:
    found: list[Problem] = []
    topics = _duplicates(found, feed.topics, "topic")
    _duplicates(found, feed.posts, "post")
    for post in feed.posts:
        if post.topic not in topics:
            _at(found, post.pos, "feed_unknown_topic", id=post.topic)
    if len(feed.posts) < feed.feed_size * 2:
        _at(found, feed.pos, "feed_too_few_posts", need=feed.feed_size * 2)
    return found


def inspect_problems(inspect: Inspect) -> list[Problem]:
    found: list[Problem] = []
    _duplicates(found, inspect.items, "message")
    for item in inspect.items:
        _duplicates(found, item.clues, "clue")
    return found


def section_problems(section: Section) -> list[Problem]:
    found: list[Problem] = []
    blocks = [b for b in (section.scenario, section.feed, section.inspect) if b is not None]
    if len(blocks) > 1:
        _at(found, section.pos, "section_one_block")
    elif not blocks and not section.text.strip():
        _at(found, section.pos, "section_needs_text")
    if section.scenario:
        found += scenario_problems(section.scenario)
    if section.feed:
        found += feed_problems(section.feed)
    if section.inspect:
        found += inspect_problems(section.inspect)
    return found


def check_lesson(lesson: Lesson, problems: list[Problem]) -> Lesson | None:
    """The lesson without its broken sections, or None if none is left."""
    kept = []
    ids: set[str] = set()
    starts = [s.pos.line for s in lesson.sections[1:]] + [10**9]
    for section, end in zip(lesson.sections, starts):
        found = section_problems(section)
        reported = any(p.path == section.pos.path and section.pos.line <= p.line < end for p in problems)
        if reported and any(p.code == "section_needs_text" for p in found):
            # The text was there but unreadable: that problem is already reported, don't add a second.
            continue
        block = section.interactive
        if block is not None and block.id in ids:
            _at(found, block.pos, "duplicate_id", what="section", id=block.id, first="-")
        if block is not None:
            ids.add(block.id)
        problems += found
        if not any(p.severity == "error" for p in found):
            kept.append(section)
    if not kept:
        return None
    return lesson if len(kept) == len(lesson.sections) else dataclasses.replace(lesson, sections=kept)
