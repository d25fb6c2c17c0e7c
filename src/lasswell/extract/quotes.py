"""Quotes: direct, indirect and mixed reported speech, as GUIDELINES.md defines them.

``find_quotes(doc, ranges, lang)`` returns :class:`Candidate` objects (token ranges for cue,
speaker mention and addressee; character range for the content). Two passes:

1. cue-based: every verb of saying (and *selon / d'après / pour X,*) with its complement —
   a que-clause, a de/à + infinitive, a quoted object, a postposed incise (*P, estime X*);
   a verb + noun phrase, or a mental-state verb, counts only when a quoted fragment is in it;
2. quotation marks not inside a cue-based quote: a quotation standing as its own sentence is
   a direct quote, attributed by an incise after it, a colon intro before it, *selon X*, or
   — with no cue — as the continuation of the quote just before; the rest are scare quotes.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from lasswell.extract.candidate import CONFIDENCE, MAX_LABEL_WORDS, Candidate
from lasswell.extract.direct import _direct_quotes
from lasswell.extract.marks import Marked, find_marked
from lasswell.extract.reported import _cue_quotes
from lasswell.extract.sentences import sentence_of
from lasswell.lang import LanguageData
from lasswell.nlp import text_of

__all__ = ["CONFIDENCE", "Candidate", "find_quotes", "sentence_of"]

# A bare quotation (no cue) continues the previous quote's speaker only if it starts within
# this many paragraphs of it (1 = the same or the next paragraph; 2 allows one paragraph of
# narration in between, as in interviews).
CONTINUATION_MAX_PARAGRAPHS = 2


def find_quotes(
    doc: Doc,
    ranges: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    lang: LanguageData,
    marks: list[Marked] | None = None,
) -> list[Candidate]:
    """All quotes of the given character ranges of ``doc`` (the title and body zones);
    ``marks`` are the quotation marks of those paragraphs when the caller has them already."""
    paras = [p for p in paragraphs if any(s <= p[0] < e for s, e in ranges)]
    if marks is None:
        marks = find_marked(text_of(doc), paras, lang)
    sentence_of(doc, 0)
    sents = [
        s
        for s in doc.user_data["lasswell_sents"][0]
        if any(a < s.end_char and s.start_char < b for a, b in ranges)
    ]
    cands: list[Candidate] = []
    for sent in sents:
        cands.extend(_cue_quotes(doc, sent, lang, marks))
    cands = _filter_cue_quotes(cands, marks, text_of(doc))
    used = {id(m) for m in marks for c in cands if c.start <= m.start and m.end <= c.end}
    direct = [m for m in marks if id(m) not in used]
    cands.extend(_direct_quotes(doc, direct, cands, paras, lang))
    cands = [c for c in (_clip(c, ranges) for c in cands) if c is not None]
    cands.sort(key=lambda c: c.start)
    para_of = _para_index(paras)
    for c in cands:
        c.para = para_of(c.start)
    return _continuations(cands)


def _clip(c: Candidate, ranges: list[tuple[int, int]]) -> Candidate | None:
    """Keep a content inside the extractable zones (a sentence may start in the dateline)."""
    for s, e in ranges:
        if s <= c.end <= e:
            if c.start < s:
                c.start = s
            return c if c.end > c.start else None
    for s, e in ranges:
        if s <= c.start < e:  # runs into a zone that is not read (script code, a caption)
            c.end = e
            return c
    return None  # wholly outside the read zones


def _para_index(paras: list[tuple[int, int]]):
    def index(char: int) -> int:
        for i, (s, e) in enumerate(paras):
            if s <= char < e or char < s:
                return i
        return len(paras)

    return index


def _filter_cue_quotes(cands: list[Candidate], marks: list[Marked], text: str) -> list[Candidate]:
    """Apply the mark requirements, set mixed kinds, drop quotes nested in other quotes."""
    kept = []
    labels = _labels(text, marks)
    for c in cands:
        inner = [
            m
            for m in marks
            if m.start >= c.start and m.end <= c.end + 1 or m.outer_start >= c.start and m.outer_start < c.end
        ]
        if c.needs_marks and not [m for m in inner if (m.start, m.end) not in labels]:
            continue
        if inner:
            c.kind = "mixed"
            whole = len(inner) == 1 and inner[0].outer_start <= c.start and inner[0].outer_end >= c.end
            if whole and c.how == "selon":
                c.kind = "direct"
                c.start, c.end = inner[0].start, inner[0].end
        kept.append(c)
    # "P, estimant que Q, selon ses services": the report inside P names its own speaker;
    # "Selon X, Y l'aurait assuré": X's account holds Y's words — the inner report is kept
    covering = [
        c
        for c in kept
        if c.how == "selon"
        and (c.cue_inside or 0) > c.start
        and any(o is not c and c.start <= (o.cue_inside or -1) < c.end for o in kept)
    ]
    outer = [c for c in kept if not any(c is x for x in covering)]
    out = [c for c in outer if not any(o is not c and o.start <= (c.cue_inside or -1) < o.end for o in outer)]
    return _dedupe(out)


def _labels(text: str, marks: list[Marked]) -> set[tuple[int, int]]:
    """Content ranges of the quoted fragments that are labels, not speech."""
    counts = Counter(text[m.start : m.end].lower() for m in marks)
    out = set()
    for m in marks:
        fragment = text[m.start : m.end]
        if len(fragment.split()) > MAX_LABEL_WORDS:
            continue
        before = text[max(0, m.outer_start - 5) : m.outer_start].rstrip().lower()
        if counts[fragment.lower()] > 1 or before.endswith((" de", " des", " du", " d'", " d’")):
            out.add((m.start, m.end))
    return out


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates: keep the longer (a que-clause over its own selon reading)."""
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for c in cands:
        clash = next((o for o in out if c.start < o.end and o.start < c.end), None)
        if clash is None:
            out.append(c)
        elif (c.end - c.start) > (clash.end - clash.start) * 1.2:
            out[out.index(clash)] = c
    return out


def _continuations(cands: list[Candidate]) -> list[Candidate]:
    """Drop bare quotations with no quote shortly before them to continue."""
    out: list[Candidate] = []
    for c in cands:
        if c.how == "continuation":
            prev = out[-1] if out else None
            if prev is None or c.para - prev.para > CONTINUATION_MAX_PARAGRAPHS:
                continue
        out.append(c)
    return out
