"""Printable course material: a module for learners (lessons, worksheets, answer key, glossary) and the
trainer's booklet, as self-contained HTML for A4 or as Markdown. No Textual here, no network."""
