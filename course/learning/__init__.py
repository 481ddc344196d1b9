"""One learner's way through a course: position, lesson states, attempts and « Continuer »."""
