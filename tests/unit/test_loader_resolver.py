"""The loader's YAML tags are PyYAML's own: every course file and any plain text resolve the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from course.content.bundled import bundled_course_dir
from course.content.loader import _Loader
from tests.unit.small_course import OK_LESSON

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PYYAML: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _shape(node: Node | None) -> Any:
    """A node as plain values: its kind, tag, places, style and content, recursively."""
    if node is None:
        return None
    where = (node.start_mark.index, node.end_mark.index, node.start_mark.line, node.start_mark.column)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, where, node.style, node.value)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, where, node.flow_style, [_shape(item) for item in node.value])
    assert isinstance(node, MappingNode)
    pairs = [(_shape(key), _shape(value)) for key, value in node.value]
    return ("map", node.tag, where, node.flow_style, pairs)


def _compose(text: str, loader: Any) -> Any:
    try:
        return _shape(yaml.compose(text, Loader=loader))
    except yaml.YAMLError as error:
        return ("error", type(error).__name__, str(error))


def test_every_committed_yaml_file_composes_the_same() -> None:
    files = sorted(bundled_course_dir().rglob("*.y*ml")) + sorted(FIXTURES.rglob("*.y*ml"))
    assert len(files) > 150
    composed = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        ours = _compose(text, _Loader)
        assert ours == _compose(text, PYYAML), path
        composed += ours is not None and ours[0] != "error"
    assert composed > 150


PLAIN = st.one_of(
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "Null",
            "yes",
            "No",
            "on",
            "OFF",
            "true",
            "False",
            "0",
            "0o17",
            "0x1F",
            "1_000",
            "-1.5e3",
            ".inf",
            "-.Inf",
            ".NaN",
            "2024-03-01",
            "2024-03-01 10:00:00",
            "<<",
            "=",
            "!",
            "&",
            "*",
            "190:20:30",
            "Leçon 2",
        ]
    ),
    st.text(alphabet="0123456789+-._:eExXoOtTfFyYnN~<=!&* abé", max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(PLAIN, st.booleans())
@example("12", False)
def test_a_scalar_gets_the_tag_pyyaml_gives_it(value: str, implicit: bool) -> None:
    ours = _Loader("").resolve(ScalarNode, value, (implicit, not implicit))
    assert ours == PYYAML("").resolve(ScalarNode, value, (implicit, not implicit))


def test_lists_and_mappings_get_their_usual_tags() -> None:
    for kind in (SequenceNode, MappingNode):
        assert _Loader("").resolve(kind, None, (True, False)) == PYYAML("").resolve(kind, None, (True, False))


def test_nodes_are_remembered_only_in_a_file_that_holds_an_anchor() -> None:
    """An alias (a node met twice) needs an anchor: a file without « & » keeps no set of its nodes."""
    from course.content.build import Builder
    from course.content.model import Lesson

    plain = OK_LESSON
    anchored = OK_LESSON.replace("title: Leçon valide", "title: &t Leçon valide").replace(
        "summary: Elle se charge malgré les fichiers cassés.", "summary: *t"
    )
    for text, codes in ((plain, []), (anchored, ["alias"])):
        builder = Builder("lessons/m/01.yaml", text)
        node = yaml.compose(text, Loader=_Loader)
        assert node is not None
        builder.build(Lesson, node, "lesson")
        assert bool(builder._seen) == (text is anchored)
        assert [p.code for p in builder.problems if p.severity == "error"] == codes
