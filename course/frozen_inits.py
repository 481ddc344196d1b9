"""The `__init__` makers of the frozen classes, compiled with the package rather than at each start.

Written by `python -m course.frozen` from the classes of course.content.model and
course.progress.records; a maker whose class changed since is no longer found by its source,
and course.frozen then compiles that one at import. Do not edit.
"""

# fmt: off
# ruff: noqa
# mypy: ignore-errors

from collections.abc import Callable
from typing import Any

MAKERS: dict[str, Callable[..., Any]] = {}

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, path=_d[0], line=_d[1], col=_d[2]):
        _set(self, 'path', path)
        _set(self, 'line', line)
        _set(self, 'col', col)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, path=_d[0], line=_d[1], col=_d[2]):\n        _set(self, 'path', path)\n        _set(self, 'line', line)\n        _set(self, 'col', col)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, ref, url=_d[0], pos=_d[1]):
        _set(self, 'ref', ref)
        _set(self, 'url', url)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, ref, url=_d[0], pos=_d[1]):\n        _set(self, 'ref', ref)\n        _set(self, 'url', url)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, label, start=_d[0], pos=_d[1]):
        _set(self, 'id', id)
        _set(self, 'label', label)
        _set(self, 'start', start)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, label, start=_d[0], pos=_d[1]):\n        _set(self, 'id', id)\n        _set(self, 'label', label)\n        _set(self, 'start', start)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, gauge, delta, pos=_d[0]):
        _set(self, 'gauge', gauge)
        _set(self, 'delta', delta)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, gauge, delta, pos=_d[0]):\n        _set(self, 'gauge', gauge)\n        _set(self, 'delta', delta)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, text, next, feedback=_d[0], effects=_FACTORY, good=_d[1], technique=_d[2], pos=_d[3]):
        _set(self, 'text', text)
        _set(self, 'next', next)
        _set(self, 'feedback', feedback)
        if effects is _FACTORY: effects = _f[0]()
        _set(self, 'effects', effects)
        _set(self, 'good', good)
        _set(self, 'technique', technique)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, text, next, feedback=_d[0], effects=_FACTORY, good=_d[1], technique=_d[2], pos=_d[3]):\n        _set(self, 'text', text)\n        _set(self, 'next', next)\n        _set(self, 'feedback', feedback)\n        if effects is _FACTORY: effects = _f[0]()\n        _set(self, 'effects', effects)\n        _set(self, 'good', good)\n        _set(self, 'technique', technique)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, text, choices=_FACTORY, ending=_d[0], pos=_d[1]):
        _set(self, 'id', id)
        _set(self, 'text', text)
        if choices is _FACTORY: choices = _f[0]()
        _set(self, 'choices', choices)
        _set(self, 'ending', ending)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, text, choices=_FACTORY, ending=_d[0], pos=_d[1]):\n        _set(self, 'id', id)\n        _set(self, 'text', text)\n        if choices is _FACTORY: choices = _f[0]()\n        _set(self, 'choices', choices)\n        _set(self, 'ending', ending)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, start, nodes, gauges=_FACTORY, debrief=_d[0], pos=_d[1]):
        _set(self, 'id', id)
        _set(self, 'start', start)
        _set(self, 'nodes', nodes)
        if gauges is _FACTORY: gauges = _f[0]()
        _set(self, 'gauges', gauges)
        _set(self, 'debrief', debrief)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, start, nodes, gauges=_FACTORY, debrief=_d[0], pos=_d[1]):\n        _set(self, 'id', id)\n        _set(self, 'start', start)\n        _set(self, 'nodes', nodes)\n        if gauges is _FACTORY: gauges = _f[0]()\n        _set(self, 'gauges', gauges)\n        _set(self, 'debrief', debrief)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, label, pos=_d[0]):
        _set(self, 'id', id)
        _set(self, 'label', label)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, label, pos=_d[0]):\n        _set(self, 'id', id)\n        _set(self, 'label', label)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, text, topic, source, tone=_d[0], reliable=_d[1], pos=_d[2]):
        _set(self, 'id', id)
        _set(self, 'text', text)
        _set(self, 'topic', topic)
        _set(self, 'source', source)
        _set(self, 'tone', tone)
        _set(self, 'reliable', reliable)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, text, topic, source, tone=_d[0], reliable=_d[1], pos=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'text', text)\n        _set(self, 'topic', topic)\n        _set(self, 'source', source)\n        _set(self, 'tone', tone)\n        _set(self, 'reliable', reliable)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, topics, posts, seed=_d[0], feed_size=_d[1], rounds=_d[2], debrief=_d[3], pos=_d[4]):
        _set(self, 'id', id)
        _set(self, 'topics', topics)
        _set(self, 'posts', posts)
        _set(self, 'seed', seed)
        _set(self, 'feed_size', feed_size)
        _set(self, 'rounds', rounds)
        _set(self, 'debrief', debrief)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, topics, posts, seed=_d[0], feed_size=_d[1], rounds=_d[2], debrief=_d[3], pos=_d[4]):\n        _set(self, 'id', id)\n        _set(self, 'topics', topics)\n        _set(self, 'posts', posts)\n        _set(self, 'seed', seed)\n        _set(self, 'feed_size', feed_size)\n        _set(self, 'rounds', rounds)\n        _set(self, 'debrief', debrief)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, label, value, pos=_d[0]):
        _set(self, 'label', label)
        _set(self, 'value', value)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, label, value, pos=_d[0]):\n        _set(self, 'label', label)\n        _set(self, 'value', value)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, text, suspicious, explanation, pos=_d[0]):
        _set(self, 'id', id)
        _set(self, 'text', text)
        _set(self, 'suspicious', suspicious)
        _set(self, 'explanation', explanation)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, text, suspicious, explanation, pos=_d[0]):\n        _set(self, 'id', id)\n        _set(self, 'text', text)\n        _set(self, 'suspicious', suspicious)\n        _set(self, 'explanation', explanation)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, format, details, clues, reliable, explanation, pos=_d[0]):
        _set(self, 'id', id)
        _set(self, 'format', format)
        _set(self, 'details', details)
        _set(self, 'clues', clues)
        _set(self, 'reliable', reliable)
        _set(self, 'explanation', explanation)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, format, details, clues, reliable, explanation, pos=_d[0]):\n        _set(self, 'id', id)\n        _set(self, 'format', format)\n        _set(self, 'details', details)\n        _set(self, 'clues', clues)\n        _set(self, 'reliable', reliable)\n        _set(self, 'explanation', explanation)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, title, source, text, pos=_d[0]):
        _set(self, 'title', title)
        _set(self, 'source', source)
        _set(self, 'text', text)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, title, source, text, pos=_d[0]):\n        _set(self, 'title', title)\n        _set(self, 'source', source)\n        _set(self, 'text', text)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, query, results, pos=_d[0]):
        _set(self, 'query', query)
        _set(self, 'results', results)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, query, results, pos=_d[0]):\n        _set(self, 'query', query)\n        _set(self, 'results', results)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, items, lateral=_FACTORY, pos=_d[0]):
        _set(self, 'id', id)
        _set(self, 'items', items)
        if lateral is _FACTORY: lateral = _f[0]()
        _set(self, 'lateral', lateral)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, items, lateral=_FACTORY, pos=_d[0]):\n        _set(self, 'id', id)\n        _set(self, 'items', items)\n        if lateral is _FACTORY: lateral = _f[0]()\n        _set(self, 'lateral', lateral)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, title, text=_d[0], callout=_d[1], scenario=_d[2], feed=_d[3], inspect=_d[4], pos=_d[5], places=_FACTORY):
        _set(self, 'title', title)
        _set(self, 'text', text)
        _set(self, 'callout', callout)
        _set(self, 'scenario', scenario)
        _set(self, 'feed', feed)
        _set(self, 'inspect', inspect)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[0]()
        _set(self, 'places', places)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, title, text=_d[0], callout=_d[1], scenario=_d[2], feed=_d[3], inspect=_d[4], pos=_d[5], places=_FACTORY):\n        _set(self, 'title', title)\n        _set(self, 'text', text)\n        _set(self, 'callout', callout)\n        _set(self, 'scenario', scenario)\n        _set(self, 'feed', feed)\n        _set(self, 'inspect', inspect)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[0]()\n        _set(self, 'places', places)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, notes=_d[0], activity=_d[1], pos=_d[2]):
        _set(self, 'notes', notes)
        _set(self, 'activity', activity)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, notes=_d[0], activity=_d[1], pos=_d[2]):\n        _set(self, 'notes', notes)\n        _set(self, 'activity', activity)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, title, summary, duration_min, objectives, sections, glossary=_FACTORY, sources=_FACTORY, quiz=_d[0], trainer=_d[1], pos=_d[2], places=_FACTORY, module=_d[3]):
        _set(self, 'id', id)
        _set(self, 'title', title)
        _set(self, 'summary', summary)
        _set(self, 'duration_min', duration_min)
        _set(self, 'objectives', objectives)
        _set(self, 'sections', sections)
        if glossary is _FACTORY: glossary = _f[0]()
        _set(self, 'glossary', glossary)
        if sources is _FACTORY: sources = _f[1]()
        _set(self, 'sources', sources)
        _set(self, 'quiz', quiz)
        _set(self, 'trainer', trainer)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[2]()
        _set(self, 'places', places)
        _set(self, 'module', module)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, title, summary, duration_min, objectives, sections, glossary=_FACTORY, sources=_FACTORY, quiz=_d[0], trainer=_d[1], pos=_d[2], places=_FACTORY, module=_d[3]):\n        _set(self, 'id', id)\n        _set(self, 'title', title)\n        _set(self, 'summary', summary)\n        _set(self, 'duration_min', duration_min)\n        _set(self, 'objectives', objectives)\n        _set(self, 'sections', sections)\n        if glossary is _FACTORY: glossary = _f[0]()\n        _set(self, 'glossary', glossary)\n        if sources is _FACTORY: sources = _f[1]()\n        _set(self, 'sources', sources)\n        _set(self, 'quiz', quiz)\n        _set(self, 'trainer', trainer)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[2]()\n        _set(self, 'places', places)\n        _set(self, 'module', module)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, code, label=_d[0], framework=_d[1], pos=_d[2]):
        _set(self, 'code', code)
        _set(self, 'label', label)
        _set(self, 'framework', framework)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, code, label=_d[0], framework=_d[1], pos=_d[2]):\n        _set(self, 'code', code)\n        _set(self, 'label', label)\n        _set(self, 'framework', framework)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, title, summary=_d[0], order=_d[1], competences=_FACTORY, pretest=_d[2], posttest=_d[3], pos=_d[4], places=_FACTORY, id=_d[5], lessons=_d[6]):
        _set(self, 'title', title)
        _set(self, 'summary', summary)
        _set(self, 'order', order)
        if competences is _FACTORY: competences = _f[0]()
        _set(self, 'competences', competences)
        _set(self, 'pretest', pretest)
        _set(self, 'posttest', posttest)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[1]()
        _set(self, 'places', places)
        _set(self, 'id', id)
        _set(self, 'lessons', lessons)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, title, summary=_d[0], order=_d[1], competences=_FACTORY, pretest=_d[2], posttest=_d[3], pos=_d[4], places=_FACTORY, id=_d[5], lessons=_d[6]):\n        _set(self, 'title', title)\n        _set(self, 'summary', summary)\n        _set(self, 'order', order)\n        if competences is _FACTORY: competences = _f[0]()\n        _set(self, 'competences', competences)\n        _set(self, 'pretest', pretest)\n        _set(self, 'posttest', posttest)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[1]()\n        _set(self, 'places', places)\n        _set(self, 'id', id)\n        _set(self, 'lessons', lessons)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, title, description=_d[0], language=_d[1], version=_d[2], authors=_FACTORY, licence=_d[3], pos=_d[4]):
        _set(self, 'title', title)
        _set(self, 'description', description)
        _set(self, 'language', language)
        _set(self, 'version', version)
        if authors is _FACTORY: authors = _f[0]()
        _set(self, 'authors', authors)
        _set(self, 'licence', licence)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, title, description=_d[0], language=_d[1], version=_d[2], authors=_FACTORY, licence=_d[3], pos=_d[4]):\n        _set(self, 'title', title)\n        _set(self, 'description', description)\n        _set(self, 'language', language)\n        _set(self, 'version', version)\n        if authors is _FACTORY: authors = _f[0]()\n        _set(self, 'authors', authors)\n        _set(self, 'licence', licence)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, term, definition, see_also=_FACTORY, pos=_d[0], places=_FACTORY):
        _set(self, 'id', id)
        _set(self, 'term', term)
        _set(self, 'definition', definition)
        if see_also is _FACTORY: see_also = _f[0]()
        _set(self, 'see_also', see_also)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[1]()
        _set(self, 'places', places)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, term, definition, see_also=_FACTORY, pos=_d[0], places=_FACTORY):\n        _set(self, 'id', id)\n        _set(self, 'term', term)\n        _set(self, 'definition', definition)\n        if see_also is _FACTORY: see_also = _f[0]()\n        _set(self, 'see_also', see_also)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[1]()\n        _set(self, 'places', places)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, terms=_FACTORY, pos=_d[0]):
        if terms is _FACTORY: terms = _f[0]()
        _set(self, 'terms', terms)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, terms=_FACTORY, pos=_d[0]):\n        if terms is _FACTORY: terms = _f[0]()\n        _set(self, 'terms', terms)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, text, correct=_d[0], feedback=_d[1], pos=_d[2]):
        _set(self, 'text', text)
        _set(self, 'correct', correct)
        _set(self, 'feedback', feedback)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, text, correct=_d[0], feedback=_d[1], pos=_d[2]):\n        _set(self, 'text', text)\n        _set(self, 'correct', correct)\n        _set(self, 'feedback', feedback)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, left, right, pos=_d[0]):
        _set(self, 'left', left)
        _set(self, 'right', right)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, left, right, pos=_d[0]):\n        _set(self, 'left', left)\n        _set(self, 'right', right)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, prompt, choices, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):
        _set(self, 'id', id)
        _set(self, 'prompt', prompt)
        _set(self, 'choices', choices)
        _set(self, 'explanation', explanation)
        if hints is _FACTORY: hints = _f[0]()
        _set(self, 'hints', hints)
        _set(self, 'type', type)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, prompt, choices, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'prompt', prompt)\n        _set(self, 'choices', choices)\n        _set(self, 'explanation', explanation)\n        if hints is _FACTORY: hints = _f[0]()\n        _set(self, 'hints', hints)\n        _set(self, 'type', type)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, statement, answer, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):
        _set(self, 'id', id)
        _set(self, 'statement', statement)
        _set(self, 'answer', answer)
        _set(self, 'explanation', explanation)
        if hints is _FACTORY: hints = _f[0]()
        _set(self, 'hints', hints)
        _set(self, 'type', type)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, statement, answer, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'statement', statement)\n        _set(self, 'answer', answer)\n        _set(self, 'explanation', explanation)\n        if hints is _FACTORY: hints = _f[0]()\n        _set(self, 'hints', hints)\n        _set(self, 'type', type)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, prompt, items, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):
        _set(self, 'id', id)
        _set(self, 'prompt', prompt)
        _set(self, 'items', items)
        _set(self, 'explanation', explanation)
        if hints is _FACTORY: hints = _f[0]()
        _set(self, 'hints', hints)
        _set(self, 'type', type)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, prompt, items, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'prompt', prompt)\n        _set(self, 'items', items)\n        _set(self, 'explanation', explanation)\n        if hints is _FACTORY: hints = _f[0]()\n        _set(self, 'hints', hints)\n        _set(self, 'type', type)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, prompt, pairs, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):
        _set(self, 'id', id)
        _set(self, 'prompt', prompt)
        _set(self, 'pairs', pairs)
        _set(self, 'explanation', explanation)
        if hints is _FACTORY: hints = _f[0]()
        _set(self, 'hints', hints)
        _set(self, 'type', type)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, prompt, pairs, explanation=_d[0], hints=_FACTORY, type=_d[1], pos=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'prompt', prompt)\n        _set(self, 'pairs', pairs)\n        _set(self, 'explanation', explanation)\n        if hints is _FACTORY: hints = _f[0]()\n        _set(self, 'hints', hints)\n        _set(self, 'type', type)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, prompt, accept, explanation=_d[0], hints=_FACTORY, exact=_d[1], type=_d[2], pos=_d[3]):
        _set(self, 'id', id)
        _set(self, 'prompt', prompt)
        _set(self, 'accept', accept)
        _set(self, 'explanation', explanation)
        if hints is _FACTORY: hints = _f[0]()
        _set(self, 'hints', hints)
        _set(self, 'exact', exact)
        _set(self, 'type', type)
        _set(self, 'pos', pos)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, prompt, accept, explanation=_d[0], hints=_FACTORY, exact=_d[1], type=_d[2], pos=_d[3]):\n        _set(self, 'id', id)\n        _set(self, 'prompt', prompt)\n        _set(self, 'accept', accept)\n        _set(self, 'explanation', explanation)\n        if hints is _FACTORY: hints = _f[0]()\n        _set(self, 'hints', hints)\n        _set(self, 'exact', exact)\n        _set(self, 'type', type)\n        _set(self, 'pos', pos)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, reliable=_FACTORY, misleading=_FACTORY, pos=_d[0], places=_FACTORY):
        if reliable is _FACTORY: reliable = _f[0]()
        _set(self, 'reliable', reliable)
        if misleading is _FACTORY: misleading = _f[1]()
        _set(self, 'misleading', misleading)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[2]()
        _set(self, 'places', places)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, reliable=_FACTORY, misleading=_FACTORY, pos=_d[0], places=_FACTORY):\n        if reliable is _FACTORY: reliable = _f[0]()\n        _set(self, 'reliable', reliable)\n        if misleading is _FACTORY: misleading = _f[1]()\n        _set(self, 'misleading', misleading)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[2]()\n        _set(self, 'places', places)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, lesson, questions, title=_d[0], pass_ratio=_d[1], shuffle=_d[2], confidence=_d[3], mode=_d[4], max_attempts=_d[5], discernment=_d[6], pos=_d[7], places=_FACTORY):
        _set(self, 'id', id)
        _set(self, 'lesson', lesson)
        _set(self, 'questions', questions)
        _set(self, 'title', title)
        _set(self, 'pass_ratio', pass_ratio)
        _set(self, 'shuffle', shuffle)
        _set(self, 'confidence', confidence)
        _set(self, 'mode', mode)
        _set(self, 'max_attempts', max_attempts)
        _set(self, 'discernment', discernment)
        _set(self, 'pos', pos)
        if places is _FACTORY: places = _f[0]()
        _set(self, 'places', places)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, lesson, questions, title=_d[0], pass_ratio=_d[1], shuffle=_d[2], confidence=_d[3], mode=_d[4], max_attempts=_d[5], discernment=_d[6], pos=_d[7], places=_FACTORY):\n        _set(self, 'id', id)\n        _set(self, 'lesson', lesson)\n        _set(self, 'questions', questions)\n        _set(self, 'title', title)\n        _set(self, 'pass_ratio', pass_ratio)\n        _set(self, 'shuffle', shuffle)\n        _set(self, 'confidence', confidence)\n        _set(self, 'mode', mode)\n        _set(self, 'max_attempts', max_attempts)\n        _set(self, 'discernment', discernment)\n        _set(self, 'pos', pos)\n        if places is _FACTORY: places = _f[0]()\n        _set(self, 'places', places)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, code, path, message):
        _set(self, 'code', code)
        _set(self, 'path', path)
        _set(self, 'message', message)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, code, path, message):\n        _set(self, 'code', code)\n        _set(self, 'path', path)\n        _set(self, 'message', message)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, before, after, ids):
        _set(self, 'before', before)
        _set(self, 'after', after)
        _set(self, 'ids', ids)
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, before, after, ids):\n        _set(self, 'before', before)\n        _set(self, 'after', after)\n        _set(self, 'ids', ids)\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, name, created):
        _set(self, 'id', id)
        _set(self, 'name', name)
        _set(self, 'created', created)
        self.__post_init__()
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, name, created):\n        _set(self, 'id', id)\n        _set(self, 'name', name)\n        _set(self, 'created', created)\n        self.__post_init__()\n    return __init__\n"] = _make

def _make(_set, _FACTORY, _d, _f):
    def __init__(self, id, learner, lesson, quiz, question, qtype, response, response_text, correct, score, hints_used, duration_s, timestamp, attempt, session, confidence=_d[0], mode=_d[1], sitting=_d[2]):
        _set(self, 'id', id)
        _set(self, 'learner', learner)
        _set(self, 'lesson', lesson)
        _set(self, 'quiz', quiz)
        _set(self, 'question', question)
        _set(self, 'qtype', qtype)
        _set(self, 'response', response)
        _set(self, 'response_text', response_text)
        _set(self, 'correct', correct)
        _set(self, 'score', score)
        _set(self, 'hints_used', hints_used)
        _set(self, 'duration_s', duration_s)
        _set(self, 'timestamp', timestamp)
        _set(self, 'attempt', attempt)
        _set(self, 'session', session)
        _set(self, 'confidence', confidence)
        _set(self, 'mode', mode)
        _set(self, 'sitting', sitting)
        self.__post_init__()
    return __init__

MAKERS["def _make(_set, _FACTORY, _d, _f):\n    def __init__(self, id, learner, lesson, quiz, question, qtype, response, response_text, correct, score, hints_used, duration_s, timestamp, attempt, session, confidence=_d[0], mode=_d[1], sitting=_d[2]):\n        _set(self, 'id', id)\n        _set(self, 'learner', learner)\n        _set(self, 'lesson', lesson)\n        _set(self, 'quiz', quiz)\n        _set(self, 'question', question)\n        _set(self, 'qtype', qtype)\n        _set(self, 'response', response)\n        _set(self, 'response_text', response_text)\n        _set(self, 'correct', correct)\n        _set(self, 'score', score)\n        _set(self, 'hints_used', hints_used)\n        _set(self, 'duration_s', duration_s)\n        _set(self, 'timestamp', timestamp)\n        _set(self, 'attempt', attempt)\n        _set(self, 'session', session)\n        _set(self, 'confidence', confidence)\n        _set(self, 'mode', mode)\n        _set(self, 'sitting', sitting)\n        self.__post_init__()\n    return __init__\n"] = _make
