"""The trainer's report and the exports (CSV, xAPI).

`stats` computes (pure, reusable by a trainer screen), `report_view` renders
with Rich, `csv_export` and `xapi` write files, `safe_text` keeps untrusted text
inert on the way out. Nothing here imports Textual, and nothing is imported
eagerly: `from course.reports.stats import compute_report`.
"""
