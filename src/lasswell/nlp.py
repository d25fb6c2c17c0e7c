"""NLP: load the spaCy model once, parse an article paragraph by paragraph.

The parser of ``fr_core_news_*`` runs sentences across line breaks, so each paragraph is
parsed on its own; the paragraph Docs are then joined into one Doc whose character offsets
are exactly those of the article text (``doc.text == text``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from lasswell.errors import ModelNotInstalledError
from lasswell.records import Span

if TYPE_CHECKING:  # spaCy is imported lazily: `import lasswell` stays fast
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = {"fr": "fr_core_news_md"}
# A paragraph longer than this is cut at sentence ends before parsing: the parser's cost grows
# with document length and a run-on paragraph (scraped text without line breaks) can reach
# 100k characters. 20k keeps every real paragraph of the corpora whole.
MAX_CHUNK_CHARS = 20_000
# nlp.pipe batch size: 64 short paragraphs per batch measured fastest here (32: -4%, 256: -2%).
BATCH_SIZE = 64
_SENT_END = re.compile(r"[.!?…»\"]\s+(?=[A-ZÀ-Ý«\"“])")

# Loading fr_core_news_* spends most of its time (2.5-3 s of ~4.5 s) in `re.compile` of the French
# `token_match`: 266 anchored alternatives `(?:^HEAD TAIL$)` joined in one 1.45 MB pattern, where
# ~470 copies of the huge case-insensitive letter class are each optimised again. It is compiled
# at import of `spacy.lang.fr.tokenizer_exceptions` and again (same string) by `Tokenizer.from_disk`,
# so no config override or `exclude=` can avoid it. During the load, `re.compile` of such a pattern
# is therefore given an equivalent one where alternatives sharing a TAIL are merged into
# `(?:^(?:HEAD1|HEAD2|...)TAIL$)`: the same language, hence the same `token_match(s)` truthiness
# (all the tokenizer looks at), compiled in ~0.15 s. Every other pattern is compiled unchanged.
# Side effects, both harmless as the patterns are equivalent: `French.Defaults.token_match` of this
# process is the factored pattern too, and `nlp.to_disk` would write the factored pattern string.
_HUGE_PATTERN = 100_000  # the French token_match is 1.45 MB; every other spaCy pattern is < 20 kB
# Global flags, then `(?:^...$)|(?:^...$)|...` as spaCy joins them. Not (?x), where `#` and spaces
# are syntax and could bind across a HEAD/TAIL cut.
_ALTERNATIVES = re.compile(r"(\(\?[aiLmsu]+\))\(\?:\^(.*)\$\)\Z", re.DOTALL)
_SEPARATOR = "$)|(?:^"
# A HEAD that is a plain concatenation: literals, escape-free [classes], (?:groups) of literals.
# No `\`, `{`, `}` or top-level `|`, so nothing in it can bind across the HEAD/TAIL boundary.
# `[]...]` and `[^]...]` (a literal `]` first) are not taken for complete classes.
_PLAIN_HEAD = re.compile(r"(?:[^\\\[\]()|{}]|\[(?!\^?\])[^\\\[\]]+\]|\(\?:[^\\\[\](){}]+\))*")
_COMPILE_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load (once per process) the spaCy pipeline ``name``, an installed package."""
    import spacy

    try:
        with factored_huge_alternations():
            nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install {name.replace('_', '-')}==3.8.0` (or `pip install lasswell`)"
        ) from exc
    _split_elision_before_quote(nlp)
    from lasswell.parse_repair import COMPONENT

    nlp.add_pipe(COMPONENT, last=True)  # last: it reads the lemmas
    return nlp


# A full stop glued to the next sentence after an acronym or a number (*BFM-TV.Samedi*, *fin
# 2019.En 2020*; news feeds often lose that space). The stock rules split it only after a
# lower-case letter. Two capitals or digits before it and a capital then a lower-case letter
# after it: *U.S.A.* and *M.Macron* stay whole.
_GLUED_FULL_STOP = r"(?<=[A-Z0-9]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ])"
# After a one-letter name the same holds when a subject pronoun follows (*a affirmé Cédric
# O.Il a cité*): no abbreviation is followed by one (*M.Macron* stays whole).
_GLUED_BEFORE_PRONOUN = r"(?<=\b[A-Z])\.(?=(?:Il|Elle|Ils|Elles|On|Nous)\b)"


def _split_elision_before_quote(nlp: Language) -> None:
    """Tokenise ``qu'"aucune`` as ``qu'`` + ``"`` + ``aucune`` (the stock rules keep one token),
    and a full stop glued to the next sentence after an acronym or a number."""
    from spacy.util import compile_infix_regex

    current = nlp.tokenizer.infix_finditer.__self__.pattern
    infixes = [current, r"(?<=[^\W\d_]['’])[\"«“]", _GLUED_FULL_STOP, _GLUED_BEFORE_PRONOUN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@contextmanager
def factored_huge_alternations() -> Iterator[None]:
    """Within the block, ``re.compile`` of a huge alternation compiles its factored equivalent.

    ``re.compile`` is swapped only for the block (under a lock, so concurrent loads cannot
    restore each other's wrapper); other threads compiling meanwhile get the stock behaviour
    for every pattern below ``_HUGE_PATTERN`` characters or not of the factorable shape.
    """
    stock = re.compile

    def compile_(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
        if isinstance(pattern, str) and len(pattern) >= _HUGE_PATTERN and not flags:
            fast = factor_alternation(pattern)
            if fast is not None:
                try:
                    return stock(fast)
                except re.error:  # not the shape we assumed after all: stock compile
                    pass
        return stock(pattern, flags)

    with _COMPILE_LOCK:
        re.compile = compile_  # type: ignore[assignment]
        try:
            yield
        finally:
            re.compile = stock


@lru_cache(maxsize=4)
def factor_alternation(pattern: str) -> str | None:
    """``(?F)(?:^H1T1$)|(?:^H2T2$)|...`` with alternatives merged by TAIL, or None if not that shape.

    Each alternative is cut before the ``[`` that ends its longest plain HEAD (see
    ``_PLAIN_HEAD``); alternatives whose cut fails keep an empty HEAD, i.e. stay whole. As a
    plain HEAD is a self-contained concatenation, ``^(?:H1|H2)T$`` matches exactly the strings
    ``^H1T$`` or ``^H2T$`` match, so the factored pattern matches the same strings.
    """
    whole = _ALTERNATIVES.match(pattern)
    if whole is None:
        return None
    by_tail: dict[str, list[str]] = {}
    for alternative in whole.group(2).split(_SEPARATOR):
        if alternative.endswith("\\"):  # its `$` was escaped: the split is not trustworthy
            return None
        cut = _PLAIN_HEAD.match(alternative).end()  # type: ignore[union-attr]  # always matches
        if not alternative.startswith("[", cut):
            cut = 0
        by_tail.setdefault(alternative[cut:], []).append(alternative[:cut])
    merged = (
        f"(?:^(?:{'|'.join(heads)}){tail}$)" if heads != [""] else f"(?:^{tail}$)"
        for tail, heads in by_tail.items()
    )
    return whole.group(1) + "|".join(merged)


def model_version(nlp: Language) -> str:
    """``fr_core_news_md-3.8.0``: the model name and version recorded in every result."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


def chunks(text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ranges covering it whole, one per paragraph start.

    Each range runs from a paragraph start to the next one (trailing whitespace included), so
    the concatenation of the ranges is ``text``. Over-long ranges are cut at sentence ends.
    """
    bounds = sorted({0, *[s for s in starts if 0 < s < len(text)]}) + [len(text)]
    out: list[tuple[int, int]] = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        out.extend(_split_long(text, s, e))
    return out


def _split_long(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while e - s > MAX_CHUNK_CHARS:
        cut = None
        for m in _SENT_END.finditer(text, s + MAX_CHUNK_CHARS // 2, s + MAX_CHUNK_CHARS):
            cut = m.end()
        cut = cut or s + MAX_CHUNK_CHARS
        while cut < e and not text[cut - 1].isspace() and cut - s < MAX_CHUNK_CHARS * 2:
            cut += 1  # never cut inside a word
        yield s, cut
        s = cut
    yield s, e


def join_docs(nlp: Language, text: str, docs: list[Doc]) -> Doc:
    """One Doc from consecutive paragraph Docs; its text is ``text`` character for character."""
    from spacy.tokens import Doc as _Doc

    if len(docs) == 1:
        return docs[0]
    doc = _Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # defensive: never hand out offsets into another string
        return nlp(text)
    return doc


def parse(nlp: Language, text: str, starts: Sequence[int]) -> Doc:
    """Parse ``text`` paragraph by paragraph (``starts`` are paragraph starts)."""
    return next(parse_many(nlp, [(text, starts)]))


def parse_many(
    nlp: Language, items: Iterable[tuple[str, Sequence[int]]], batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Parse many articles, batching all their paragraphs through ``nlp.pipe``."""
    items = list(items)
    ranges = [chunks(text, starts) for text, starts in items]
    pieces = (text[s:e] for (text, _), rs in zip(items, ranges, strict=False) for s, e in rs)
    docs = nlp.pipe(pieces, batch_size=batch_size)
    for (text, _), rs in zip(items, ranges, strict=False):
        yield join_docs(nlp, text, [next(docs) for _ in rs])


def text_of(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string from every token on each access."""
    text = doc.user_data.get("lasswell_text")
    if text is None:
        text = doc.user_data["lasswell_text"] = doc.text
    return text


def token_span(doc: Doc, rng: tuple[int, int] | None) -> Span | None:
    """The text span of the token range ``doc[rng[0]:rng[1]]``, or None for no or an empty range."""
    if rng is None or rng[1] <= rng[0]:
        return None
    s, e = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])
    return Span.of(text_of(doc), s, e)
