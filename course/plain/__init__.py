"""The plain mode: the whole course line by line, for screen readers, braille displays and dumb terminals.

No Textual and no Rich here: lines written to a stream, lines read from
another, so a test (or a script) can drive it. It reads the same course and
writes the same progress store as the full-screen app.
"""
