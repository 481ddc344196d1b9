"""Problems found in a course, as values: the loader never raises for content."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from course.i18n import t

_CONTENT_WHAT_KEYS = {
    "choices": "content.what.choices",
    "clue": "content.what.clue",
    "competences": "content.what.competences",
    "course": "content.what.course",
    "discernment": "content.what.discernment",
    "gauge": "content.what.gauge",
    "glossary": "content.what.glossary",
    "lesson": "content.what.lesson",
    "message": "content.what.message",
    "module": "content.what.module",
    "pairs": "content.what.pairs",
    "post": "content.what.post",
    "question": "content.what.question",
    "quiz": "content.what.quiz",
    "section": "content.what.section",
    "sections": "content.what.sections",
    "sources": "content.what.sources",
    "step": "content.what.step",
    "terms": "content.what.terms",
    "topic": "content.what.topic",
    "trainer": "content.what.trainer",
}
_CONTENT_KEYS = {
    "alias": "content.alias",
    "bad_choice": "content.bad_choice",
    "bad_choice_hint": "content.bad_choice_hint",
    "bad_key": "content.bad_key",
    "choices_needs_two": "content.choices_needs_two",
    "consequence": "content.consequence",
    "control_chars": "content.control_chars",
    "cue_absolute_words": "content.cue_absolute_words",
    "cue_all_of_the_above": "content.cue_all_of_the_above",
    "cue_longest_choice": "content.cue_longest_choice",
    "cue_short_not_exact": "content.cue_short_not_exact",
    "duplicate_id": "content.duplicate_id",
    "duplicate_key": "content.duplicate_key",
    "duration": "content.duration",
    "empty_file": "content.empty_file",
    "empty_text": "content.empty_text",
    "empty_value": "content.empty_value",
    "encoding": "content.encoding",
    "encoding_utf16": "content.encoding_utf16",
    "encoding_utf32": "content.encoding_utf32",
    "expected_bool": "content.expected_bool",
    "expected_int": "content.expected_int",
    "expected_list": "content.expected_list",
    "expected_mapping": "content.expected_mapping",
    "expected_number": "content.expected_number",
    "expected_scalar": "content.expected_scalar",
    "feed_too_few_posts": "content.feed_too_few_posts",
    "feed_unknown_topic": "content.feed_unknown_topic",
    "file_too_big": "content.file_too_big",
    "image_missing": "content.image_missing",
    "image_not_shown": "content.image_not_shown",
    "image_without_text": "content.image_without_text",
    "key_odd_space": "content.key_odd_space",
    "leftover_text": "content.leftover_text",
    "lesson_in_quizzes": "content.lesson_in_quizzes",
    "match_distinct": "content.match_distinct",
    "match_needs_two": "content.match_needs_two",
    "misplaced_file": "content.misplaced_file",
    "missing_key": "content.missing_key",
    "missing_type": "content.missing_type",
    "multiple_needs_one": "content.multiple_needs_one",
    "no_course_file": "content.no_course_file",
    "no_explanation": "content.no_explanation",
    "no_module_file": "content.no_module_file",
    "not_in_course": "content.not_in_course",
    "order_distinct": "content.order_distinct",
    "order_needs_two": "content.order_needs_two",
    "orphan_quiz": "content.orphan_quiz",
    "outside_course": "content.outside_course",
    "pass_ratio": "content.pass_ratio",
    "quiz_in_lessons": "content.quiz_in_lessons",
    "quiz_lesson_mismatch": "content.quiz_lesson_mismatch",
    "quote_it_bool": "content.quote_it_bool",
    "quote_it_date": "content.quote_it_date",
    "quote_it_null": "content.quote_it_null",
    "quote_it_number": "content.quote_it_number",
    "saved_as_text": "content.saved_as_text",
    "scenario_dead_end": "content.scenario_dead_end",
    "scenario_ending_with_choices": "content.scenario_ending_with_choices",
    "scenario_no_ending": "content.scenario_no_ending",
    "scenario_unknown_gauge": "content.scenario_unknown_gauge",
    "scenario_unknown_step": "content.scenario_unknown_step",
    "scenario_unreachable": "content.scenario_unreachable",
    "section_needs_text": "content.section_needs_text",
    "section_one_block": "content.section_one_block",
    "section_too_tall": "content.section_too_tall",
    "short_needs_one": "content.short_needs_one",
    "single_needs_one": "content.single_needs_one",
    "tag": "content.tag",
    "text_cut_by_hash": "content.text_cut_by_hash",
    "too_deep": "content.too_deep",
    "too_many_nodes": "content.too_many_nodes",
    "unknown_competence": "content.unknown_competence",
    "unknown_key": "content.unknown_key",
    "unknown_key_hint": "content.unknown_key_hint",
    "unknown_ref": "content.unknown_ref",
    "unknown_ref_broken": "content.unknown_ref_broken",
    "unknown_ref_hint": "content.unknown_ref_hint",
    "unreadable": "content.unreadable",
    "yaml_apostrophe": "content.yaml_apostrophe",
    "yaml_colon": "content.yaml_colon",
    "yaml_colon_space": "content.yaml_colon_space",
    "yaml_curly_quotes": "content.yaml_curly_quotes",
    "yaml_dash_space": "content.yaml_dash_space",
    "yaml_escape": "content.yaml_escape",
    "yaml_indent": "content.yaml_indent",
    "yaml_many_documents": "content.yaml_many_documents",
    "yaml_missing_colon": "content.yaml_missing_colon",
    "yaml_missing_dash": "content.yaml_missing_dash",
    "yaml_nbsp": "content.yaml_nbsp",
    "yaml_quote_start": "content.yaml_quote_start",
    "yaml_special_char": "content.yaml_special_char",
    "yaml_syntax": "content.yaml_syntax",
    "yaml_tab": "content.yaml_tab",
    "yaml_text_after_quote": "content.yaml_text_after_quote",
    "yaml_unclosed": "content.yaml_unclosed",
    "yaml_unclosed_bracket": "content.yaml_unclosed_bracket",
    "yaml_unclosed_quote": "content.yaml_unclosed_quote",
}

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) at `path:line:col`.

    `code` is stable for tools; `message` is the translated sentence. `cause`
    is set on a consequence: the place of the problem it follows from, printed
    just before it.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    cause: tuple[str, int, int] | None = None

    @classmethod
    def make(
        cls, path: str, line: int, col: int, code: str, severity: Severity = "error", /, **params: object
    ) -> Problem:
        # Positional-only, so that a message may itself use {line} (duplicate_key does).
        if "what" in params:
            what = str(params["what"])
            known = _CONTENT_WHAT_KEYS.get(what) or _CONTENT_WHAT_KEYS.get(what.removesuffix("s"))
            params["what"] = t(known) if known else t("content.what.part", key=what)
        return cls(path, line, col, severity, code, t(_CONTENT_KEYS[code], **params))

    def following(self, cause: Problem) -> Problem:
        """This problem as a consequence of `cause` (a file or object that could not be read)."""
        return dataclasses.replace(
            self,
            cause=(cause.path, cause.line, cause.col),
            message=t("content.consequence", what=self.message),
        )

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }
        if self.cause is not None:
            found["cause"] = dict(zip(("path", "line", "col"), self.cause))
        return found


def in_reading_order(problems: list[Problem]) -> list[Problem]:
    """By file and place, each consequence right after the problem it follows from."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.col))
    places = {(p.path, p.line, p.col) for p in ordered if p.cause is None}
    after: dict[tuple[str, int, int], list[Problem]] = {}
    for problem in ordered:
        if problem.cause in places:
            after.setdefault(problem.cause, []).append(problem)
    result = []
    for problem in ordered:
        if problem.cause in places:
            continue
        result.append(problem)
        result.extend(after.pop((problem.path, problem.line, problem.col), []))
    return result
