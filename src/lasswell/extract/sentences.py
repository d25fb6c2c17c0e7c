"""Sentences: the parser's sentence cuts repaired for news text (quotes, incises, initials)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_FINAL = frozenset(".!?…")


_TITLES_WITH_STOP = frozenset({"M.", "MM.", "Mme.", "Dr.", "Me.", "Mgr.", "Pr.", "St.", "Ste."})


_CLOSERS = frozenset('»”")')


def sentence_of(doc: Doc, i: int) -> Span:
    """The (re-joined) sentence holding token ``i``; cached on the Doc (``Token.sent`` walks
    the whole document on every call)."""
    cache = doc.user_data.get("lasswell_sents")
    if cache is None:
        sents = sentences(doc)
        cache = doc.user_data["lasswell_sents"] = (sents, [s.start for s in sents])
    sents, starts = cache
    return sents[max(0, bisect.bisect_right(starts, i) - 1)]


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where it cut without a sentence end.

    The French models cut after ``Selon BFMTV`` or before an incise comma; a cut counts only
    after final punctuation (possibly followed by a closing mark) and before a capital, a
    quotation mark or a line break.
    """
    out: list[Span] = []
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
            continue
        if _real_boundary(doc, sent.start):
            out.append(doc[start : sent.start])
            start = sent.start
    if start is not None:
        out.append(doc[start : len(doc)])
    return out


def _real_boundary(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    if j < 0:
        return True
    while j >= 0 and doc[j].text in _CLOSERS:
        j -= 1
    nxt = doc[i]
    return (
        j >= 0
        and doc[j].text[-1:] in _FINAL
        and (nxt.text[:1].isupper() or nxt.text[:1] in '«“"' or nxt.is_space or nxt.like_num)
    )


def _missed_sentence_end(doc: Doc, k: int, sent: Span) -> bool:
    """A full stop the parser did not take as a sentence end, including one fused into an
    initial (``la bombe H. La Corée du Sud``), but not a title (``M. Le Pen``)."""
    if k + 1 >= sent.end:
        return False
    nxt = k + 1
    if doc[nxt].text in '«“"' and nxt + 1 < sent.end:
        nxt += 1  # ". « Il n'y avait aucun sous-entendu »": a new sentence opens with a quote
    if not doc[nxt].text[:1].isupper():
        return False
    t = doc[k].text
    if t in (".", "!", "?", "…"):
        return True
    fused = t.endswith(".") and t[:-1].isalpha() and t not in _TITLES_WITH_STOP
    return fused and doc[k + 1].pos_ in ("DET", "PRON")


def _clause_start(doc: Doc, i: int, sent: Span) -> int:
    """First token of the sentence-like stretch ending at ``i`` (the parser's sentence can
    start before a full stop it missed)."""
    k = i
    while k > sent.start and not (doc[k - 1].text in _FINAL and doc[k].text[:1].isupper()):
        k -= 1
    while k < i and (doc[k].is_space or doc[k].is_punct and doc[k].text not in '«“"'):
        k += 1
    return k


def _sentence_stop(doc: Doc, s: int, e: int) -> int:
    """Cut a span at the first full stop the parser missed."""
    for k in range(s, e - 1):
        if doc[k].text in _FINAL and doc[k + 1].text[:1].isupper():
            return k
    return e


def _sent_from(doc: Doc, j: int) -> Span:
    """The sentence running on from token ``j``: the parser often cuts right after a closing
    quotation mark or before its incise comma, so cut only at a full stop or line break."""
    e = j
    while e < len(doc) and not (doc[e].text in (".", "!", "?", "…") or "\n" in doc[e].text):
        e += 1
    return doc[j : min(len(doc), e + 1)]
