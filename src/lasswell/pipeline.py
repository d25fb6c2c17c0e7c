"""The pipeline: ingest → clean → nlp → extract → records, for one article or a batch.

``analyze`` is the library's entry point. A failing article in ``analyze_many`` becomes an
Article with ``error`` set; the batch goes on.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator

from lasswell import __version__
from lasswell.clean import Structure, structure
from lasswell.errors import LasswellError, UnsupportedLanguageError
from lasswell.extract.actors import ArgumentResolver
from lasswell.extract.descriptions import Resolved
from lasswell.extract.entities import EntityIndex, find_entities, to_records
from lasswell.extract.event_statements import statement_events
from lasswell.extract.events import find_events
from lasswell.extract.marks import find_marked
from lasswell.extract.quotes import CONFIDENCE, Candidate, find_quotes
from lasswell.extract.speakers import RESOLUTION_CONFIDENCE, SpeakerResolver
from lasswell.extract.time import explicit_anchor, find_dates
from lasswell.ingest import InputFailure, RawArticle
from lasswell.lang import LanguageData, detect_language, load_language
from lasswell.nlp import DEFAULT_MODELS, load_model, model_version, parse_many, text_of, token_span
from lasswell.records import Article, Event, Quote, Speaker

# Articles parsed together in one nlp.pipe stream by analyze_many (memory stays bounded).
BATCH_ARTICLES = 32


def resolve_language(text: str, lang: str | None) -> str:
    """The language to analyse ``text`` in: the one given, else detected (French if unsure)."""
    if lang and lang != "auto":
        load_language(lang)  # raises UnsupportedLanguageError
        return lang
    guess = detect_language(text)
    if guess is None:
        return "fr"
    load_language(guess)
    return guess


def analyze(
    text: str,
    lang: str | None = "fr",
    published: str | None = None,
    title: str | None = None,
    model: str | None = None,
) -> Article:
    """Analyse one article: structure, entities, quotes with resolved speakers.

    >>> art = analyze(open("examples/kremlin-geneve.txt").read(), published="2022-01-11")
    >>> art.quotes[0].speaker.name
    'Kremlin'
    """
    raw = RawArticle(text=text, title=title, published=published)
    lang = resolve_language(text, lang)  # an unsupported language raises its own error here
    art = next(analyze_many([raw], lang=lang, model=model))
    if art.error:
        raise LasswellError(art.error)
    return art


def analyze_many(
    items: Iterable[RawArticle | InputFailure],
    lang: str | None = "fr",
    model: str | None = None,
    batch: int = BATCH_ARTICLES,
) -> Iterator[Article]:
    """Analyse a stream of articles in batches; failures become error records, in order."""
    buf: list[RawArticle | InputFailure] = []
    for item in items:
        buf.append(item)
        if len(buf) >= batch:
            yield from _analyze_batch(buf, lang, model)
            buf = []
    if buf:
        yield from _analyze_batch(buf, lang, model)


def _error(item: RawArticle | InputFailure, reason: str) -> Article:
    text = item.text if isinstance(item, RawArticle) else ""
    return Article(text=text, lang=None, source=item.source, id=getattr(item, "id", None), error=reason)


def _analyze_batch(
    items: list[RawArticle | InputFailure], lang: str | None, model: str | None
) -> Iterator[Article]:
    prepared: dict[int, tuple[LanguageData, Structure]] = {}
    results: dict[int, Article] = {}
    for n, item in enumerate(items):
        if isinstance(item, InputFailure):
            results[n] = _error(item, item.reason)
            continue
        try:
            data = load_language(resolve_language(item.text, lang))
            prepared[n] = (data, structure(item.text, data, item.title))
        except UnsupportedLanguageError as exc:
            results[n] = _error(item, str(exc))
    by_model: dict[str, list[int]] = {}
    for n, (data, _) in prepared.items():
        by_model.setdefault(model or DEFAULT_MODELS[data.code], []).append(n)
    for name, ns in by_model.items():
        nlp = load_model(name)
        docs = parse_many(nlp, [(items[n].text, [p[0] for p in prepared[n][1].paragraphs]) for n in ns])
        for n, doc in zip(ns, docs, strict=False):
            results[n] = _safe_extract(items[n], doc, *prepared[n], model_version(nlp))
    for n in range(len(items)):
        yield results[n]


def _safe_extract(raw: RawArticle, doc, data: LanguageData, st: Structure, model: str) -> Article:
    try:
        return extract(raw, doc, data, st, model)
    except Exception as exc:  # one broken article never kills a batch: record why
        return _error(raw, f"extraction failed: {type(exc).__name__}: {exc}")


def extract(raw: RawArticle, doc, data: LanguageData, st: Structure, model: str) -> Article:
    """All extractors over one parsed article → the Article record."""
    ranges = st.extractable()
    index = find_entities(doc, ranges, data)
    paras = [p for p in st.paragraphs if any(a <= p[0] < b for a, b in ranges)]
    marks = find_marked(text_of(doc), paras, data)  # once: the quote passes and the resolver share them
    cands = find_quotes(doc, ranges, list(st.paragraphs), data, marks)
    quotes = _quote_records(doc, cands, index, data, st, marks)
    entities = to_records(doc, index)  # before events: their resolution adds gender evidence
    published = raw.published or st.published
    events = _event_records(doc, index, data, st, quotes, published)
    return Article(
        text=raw.text,
        lang=data.code,
        title=st.title or raw.title,
        published=published,
        source=raw.source,
        id=raw.id,
        dateline=st.dateline,
        zones=st.zones,
        entities=entities,
        quotes=quotes,
        events=events,
        meta={**raw.meta, "model": model, "lasswell": __version__},
    )


def _para_of_token(doc, st: Structure):
    starts = [p[0] for p in st.paragraphs]

    def para_of_token(i: int) -> int:
        return bisect.bisect_right(starts, doc[min(i, len(doc) - 1)].idx) - 1

    return para_of_token


def _quote_records(
    doc, cands: list[Candidate], index: EntityIndex, data: LanguageData, st: Structure, marks: list
) -> tuple[Quote, ...]:
    resolver = SpeakerResolver(doc, index, data, _para_of_token(doc, st), [(m.start, m.end) for m in marks])
    cands = [_without_cue(c) for c in cands]
    return tuple(_quote(doc, c, r) for c, r in zip(cands, resolver.resolve_all(cands), strict=True))


def _without_cue(c: Candidate) -> Candidate:
    """A headline's source phrase must not swallow its cue (*Le ministère du Travail dément*)."""
    if c.cue and c.speaker and c.speaker[0] < c.cue[0] < c.speaker[1]:
        return dataclasses.replace(c, speaker=(c.speaker[0], c.cue[0]))
    return c


def _published_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _event_records(
    doc,
    index: EntityIndex,
    data: LanguageData,
    st: Structure,
    quotes: tuple[Quote, ...],
    published: str | None,
) -> tuple[Event, ...]:
    """Events of the body, their arguments resolved like speakers, dates against the anchor."""
    text = text_of(doc)
    ranges = st.extractable()
    dates = [(m.start, m.end) for m in find_dates(text, data.code)]
    places = [m for c in index.clusters if c.type == "LOC" for m in c.mentions]
    anchor = explicit_anchor(text, _published_date(published), data.code)
    args = ArgumentResolver(doc, index, data, _para_of_token(doc, st), quotes, anchor)
    cues = [(q.cue.start, q.cue.end) for q in quotes if q.cue]
    found = find_events(doc, ranges, data, dates, places, cues)
    spoken = [(q.start, q.end) for q in quotes if q.speaker and q.speaker.name]
    found += statement_events(doc, spoken, data, found)
    found.sort(key=lambda ev: ev.trigger)
    return tuple(args.event(c) for c in found)


def _quote(doc, c: Candidate, r: Resolved) -> Quote:
    mention = token_span(doc, c.speaker)
    speaker = Speaker(r.name, r.cluster.id if r.cluster else None, mention) if (r.name or mention) else None
    confidence = CONFIDENCE.get(c.how, 0.7) * RESOLUTION_CONFIDENCE.get(r.how, 0.5)
    return Quote(
        start=c.start,
        end=c.end,
        text=text_of(doc)[c.start : c.end],
        kind=c.kind,
        confidence=round(confidence, 3),
        cue=token_span(doc, c.cue),
        speaker=speaker,
        addressee=token_span(doc, c.addressee),
    )
