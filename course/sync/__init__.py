"""Pushing xAPI statements to a learning-record store, durably and idempotently.

Nothing here runs unless the trainer asks (`atelier sync`). The statements are
derived from the stored answers; what the store acknowledged is kept in a
journal beside the answers, and the batch being sent in an outbox file, so a
kill or a cut network never loses a statement nor sends a different one twice.
No Textual, no Rich.
"""
