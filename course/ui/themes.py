"""The learner app's default theme: Textual's dark theme with every text colour readable.

Every colour used for text keeps a contrast of at least 4.5:1 against the backgrounds it
is drawn on (tests/ui/test_contrast.py measures it on the rendered screens); the
high-contrast theme lives beside the app (`CONTRAST` in course_app.py).
"""

from __future__ import annotations

from textual.theme import Theme

ATELIER_DARK = Theme(
    name="atelier-dark",
    primary="#0064B0",
    secondary="#7FB8E6",
    accent="#FFA62B",
    foreground="#E0E0E0",
    background="#121212",
    surface="#1E1E1E",
    panel="#26292E",
    warning="#FFA62B",
    error="#F07178",
    success="#4EBF71",
    dark=True,
)
"""primary is darker than textual-dark's (#0178D4) so light words on it reach 4.5:1; secondary
is light enough to be read as text (hints, gauges, callout labels) on the dark background."""
