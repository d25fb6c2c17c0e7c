"""The quote candidate that the extraction passes build, and its small helpers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from lasswell.nlp import text_of

# Confidence by how the quote was found and attributed (ranked by dev-set precision of each
# path: incise and colon intros are nearly always right, continuations and noun phrases less).
CONFIDENCE = {
    "intro": 0.75,
    "incise": 0.95,
    "colon": 0.9,
    "selon": 0.85,
    "que": 0.85,
    "inf": 0.8,
    "quoted": 0.85,
    "postposed": 0.75,
    "np": 0.7,
    "continuation": 0.7,
    "headline": 0.8,
}


# A quoted fragment of at most this many words after "de/des/du", or quoted again elsewhere in
# the article, is a label ("les « gilets jaunes »", "les révélations du « Monde »"), not words
# someone said: it does not make a verb + noun phrase a quote, nor a headline topic
# ("« Gilets jaunes » : …") a quote.
MAX_LABEL_WORDS = 3


_SELON_REL = frozenset({"lesquels", "lesquelles", "lequel", "laquelle", "que", "qu'"})


@dataclass
class Candidate:
    """A quote being built. Token ranges are (start, end) into the Doc."""

    start: int
    end: int
    kind: str
    how: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    needs_marks: bool = False
    para: int = 0
    cue_inside: int | None = None  # char offset of the cue verb, for nesting checks


def _tok_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _trim_end(doc: Doc, end_tok: int, start_char: int) -> int:
    """Character end of a content whose last token is ``end_tok - 1``, final stops removed."""
    text = text_of(doc)
    e = doc[end_tok - 1].idx + len(doc[end_tok - 1]) if end_tok > 0 else start_char
    while e > start_char and (text[e - 1] in " .;:,\n" or text[e - 1].isspace()):
        e -= 1
    return e
