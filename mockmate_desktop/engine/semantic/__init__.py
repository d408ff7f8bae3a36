"""Sentence embeddings for scoring by meaning: a small Protocol, the bundled model and background loading."""
