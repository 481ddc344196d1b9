"""How easy a lesson is to read: sentence length and share of long words.

Learners are often ill at ease with reading on a screen, so trainers need a
plain figure per lesson. Two measures are kept, the two parts of the LIX index
used for French and Scandinavian texts:

- the average sentence length, in words;
- the share of long words, i.e. words of seven letters or more.

Only what the learner reads in the lesson itself is measured: the text of each
section (interactive blocks, trainer notes and sources are left out). Markdown
marks are removed first; a list item or a line ends a sentence even without a
full stop, as it does for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from course.content.model import Lesson

LONG_WORD_LETTERS = 7
"""A word of this many letters or more counts as long (LIX counts words of more than six letters)."""

TARGET_SENTENCE_WORDS = 18.0
"""The bundled course keeps every lesson's average sentence at or under this many words."""

TARGET_LONG_SHARE = 0.33
"""The bundled course keeps every lesson's share of long words at or under this."""

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`#>|]+")
_LIST_MARK = re.compile(r"^\s*(?:[-+•]|\d+[.)])\s+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)\s]*\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[ ,.]\d+)*", re.UNICODE)


def plain_text(markdown: str) -> str:
    """The text a learner reads, without Markdown marks or list bullets."""
    text = _LINK.sub(r"\1", markdown)
    text = _LIST_MARK.sub("", text)
    return _MARKS.sub("", text)


def sentences(markdown: str) -> list[list[str]]:
    """Each sentence of a Markdown text as its list of words (empty pieces dropped)."""
    found = []
    for piece in _SENTENCE_END.split(plain_text(markdown)):
        words = _WORD.findall(piece)
        if words:
            found.append(words)
    return found


def is_long(word: str) -> bool:
    letters = sum(1 for c in word if c.isalpha())
    return letters >= LONG_WORD_LETTERS


@dataclass(frozen=True, slots=True)
class Readability:
    """Counts for one text or one lesson, and the figures derived from them."""

    sentences: int
    words: int
    long_words: int

    @property
    def sentence_words(self) -> float:
        """Average number of words per sentence."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        """Share of words of seven letters or more, from 0 to 1."""
        return self.long_words / self.words if self.words else 0.0

    @property
    def lix(self) -> float:
        """The LIX index: sentence length plus the percentage of long words."""
        return self.sentence_words + 100 * self.long_share

    @property
    def meets_target(self) -> bool:
        return self.sentence_words <= TARGET_SENTENCE_WORDS and self.long_share <= TARGET_LONG_SHARE


def measure(texts: Iterable[str]) -> Readability:
    """The counts over several Markdown texts read one after the other."""
    count = words = long_words = 0
    for text in texts:
        for sentence in sentences(text):
            count += 1
            words += len(sentence)
            long_words += sum(1 for word in sentence if is_long(word))
    return Readability(count, words, long_words)


def lesson_readability(lesson: Lesson) -> Readability:
    """What the learner reads in a lesson: the text of every section, titles left out."""
    return measure(section.text for section in lesson.sections)
