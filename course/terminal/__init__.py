"""The trainer's report drawn for a terminal with Rich: tables, bars, the impact table.

Only these views load Rich; the figures come from `course.reports` (no Rich there), so the
CSV, JSON, HTML and xAPI outputs never load it.
"""
