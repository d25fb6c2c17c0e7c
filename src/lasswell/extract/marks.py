"""Quotation marks: pair them, paragraph by paragraph, into quoted spans.

Pure text functions (no spaCy). Handles « », “ ”, „ “, straight " (direction from context),
mismatched pairs (``"… »``), nesting (inner pairs are not separate quotes, GUIDELINES §5)
and quotes that run to the end of a paragraph without closing (a quote over several
paragraphs is one quote per paragraph, GUIDELINES §2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lasswell.lang import LanguageData

# An opening mark left unclosed at the end of its paragraph counts as a quote running to the
# paragraph end only if the rest of the paragraph is at least this long: a stray mark before
# a few words is noise (500 unbalanced marks must not become 500 quotes).
MIN_UNCLOSED_CHARS = 20


@dataclass(frozen=True)
class Marked:
    """A quoted span: ``open``/``close`` are the mark offsets (None when missing)."""

    start: int  # first character of the content
    end: int  # end of the content (exclusive)
    open: int | None
    close: int | None

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.open if self.open is not None else self.start

    @property
    def outer_end(self) -> int:
        """End including the closing mark."""
        return self.close + 1 if self.close is not None else self.end


def _straight_opens(text: str, i: int) -> bool:
    """Is the straight quote at ``i`` an opening one? (space/punct before, a word after)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or after in ".,;:!?)":
        return False
    return before.isspace() or before in "([{'’-–—/:" or i == 0


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def pair_marks(text: str, start: int, end: int, lang: LanguageData) -> list[Marked]:
    """Outermost quoted spans of the paragraph ``text[start:end]``."""
    opens, closes = lang.quote_marks["open"], lang.quote_marks["close"]
    ambiguous = lang.quote_marks["ambiguous"]
    out: list[Marked] = []
    stack: list[tuple[int, str]] = []
    for i in range(start, end):
        c = text[i]
        if c in ambiguous:
            if stack and (stack[-1][1] in ambiguous or not _straight_opens(text, i)):
                _close(text, stack, i, out)
            elif stack or _straight_opens(text, i):
                stack.append((i, c))
            else:
                _orphan_close(text, start, i, out)
        elif c in opens:
            if c == "“" and stack and stack[-1][1] == "„":  # German-style „…“
                _close(text, stack, i, out)
            else:
                stack.append((i, c))
        elif c in closes:
            if stack:
                _close(text, stack, i, out)
            else:
                _orphan_close(text, start, i, out)
    if stack:
        o = stack[0][0]
        s, e = _trim(text, o + 1, end)
        if e - s >= MIN_UNCLOSED_CHARS and not _covered(out, o):
            out.append(Marked(s, e, o, None))
    return sorted(out, key=lambda m: m.start)


def _orphan_close(text: str, start: int, i: int, out: list[Marked]) -> None:
    """A closing mark with no opener: the quote began in an earlier paragraph."""
    if not out and text[start:i].strip():
        s, e = _trim(text, start, i)
        out.append(Marked(s, e, None, i))


def _covered(out: list[Marked], i: int) -> bool:
    return any(m.outer_start <= i < m.outer_end for m in out)


def _close(text: str, stack: list[tuple[int, str]], i: int, out: list[Marked]) -> None:
    o, _ = stack.pop()
    if stack:  # nested: only the outermost pair is a quote
        return
    s, e = _trim(text, o + 1, i)
    if e > s:
        out.append(Marked(s, e, o, i))


def find_marked(text: str, paragraphs: Iterable[tuple[int, int]], lang: LanguageData) -> list[Marked]:
    """All outermost quoted spans of the given paragraphs, in text order."""
    out: list[Marked] = []
    for s, e in paragraphs:
        out.extend(pair_marks(text, s, e, lang))
    return out
