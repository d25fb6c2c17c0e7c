"""Statements that are events (EVENTS.md §1): a quote whose words make it a demand, refusal,
threat, criticism or praise yields a REQUEST, REJECT, THREATEN, ACCUSE or SUPPORT, its actor
the quote's speaker (linked by ``quote_index`` downstream).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc

from lasswell.extract.event_lexicon import lexicon
from lasswell.extract.events import EventCandidate
from lasswell.extract.tree import is_negated
from lasswell.lang import LanguageData

# A statement event rests on one word of the quote: less sure than a trigger verb.
# A statement event rests on one word of the quote: less sure than a trigger verb.
STATEMENT_CONFIDENCE = 0.5


@cache
def _statement_patterns(code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = lexicon(code).data["statements"]
    return tuple((etype, tuple(w.split())) for etype, words in data.items() if etype != "_doc" for w in words)


def statement_events(
    doc: Doc, quotes: Iterable[tuple[int, int]], lang: LanguageData, found: Iterable[EventCandidate] = ()
) -> list[EventCandidate]:
    """Quotes that are themselves acts (criticism, demand, refusal, threat, praise): one event
    per quote and type, its trigger the word that makes it one, its actor left to the quote's
    speaker. Skipped where a trigger of that type already sits in the quote's sentences."""
    patterns = _statement_patterns(lang.code)
    taken = {(doc[ev.trigger[0]].sent.start, ev.type) for ev in found}
    out = []
    for a, b in quotes:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        words = [t.lower_.replace("’", "'") for t in span]
        present = set(words)
        for etype, seq in patterns:
            hit = _find_seq(words, seq) if seq[0] in present else None
            if hit is None:
                continue
            t = span[hit]
            if (
                (t.sent.start, etype) in taken or is_negated(t.head) or is_negated(t)
            ):  # "ce n'est pas un scandale"
                continue
            taken.add((t.sent.start, etype))
            out.append(EventCandidate(etype, (t.i, t.i + len(seq)), "occurred", None, STATEMENT_CONFIDENCE))
    return out


def _find_seq(words: list[str], seq: tuple[str, ...]) -> int | None:
    n = len(seq)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == seq:
            return i
    return None
