"""Pure quiz logic: answer normalisation, grading, attempts and spaced review."""
