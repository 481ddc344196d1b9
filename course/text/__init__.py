"""Text rules shared by the content checks and the quiz grading: how answers are compared."""
