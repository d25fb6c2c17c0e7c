"""Extractors: pure functions over a parsed spaCy Doc (entities, quotes, speakers)."""
