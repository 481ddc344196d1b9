"""Pure quiz logic: grading, discernment, the feed simulator and spaced review."""
