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

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from lasswell.extract import cues as C
from lasswell.extract.marks import Marked, find_marked
from lasswell.lang import LanguageData
from lasswell.nlp import text_of

# A bare quotation (no cue) continues the previous quote's speaker only if it starts within
# this many paragraphs of it (1 = the same or the next paragraph; 2 allows one paragraph of
# narration in between, as in interviews).
CONTINUATION_MAX_PARAGRAPHS = 2
# Without any cue a standalone quotation needs this many words to count as speech (shorter
# ones at a sentence start are mostly scare-quoted terms).
MIN_UNCUED_WORDS = 4
# An interrupted quote (« A », a-t-il dit, « B ») has its incise in at most this many characters.
MAX_INTERRUPTION_CHARS = 60
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
# An incise verb is looked for within this many tokens after the closing mark ("a-t-il par
# exemple déclaré" puts it 6 tokens on).
INCISE_WINDOW = 8
_SENT_END_CHARS = '.!?…:»”")'
_JOINED = re.compile(r"^\s*,?\s*(?:et|ou|puis)?\s*[«“\"]")
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


def find_quotes(
    doc: Doc, ranges: list[tuple[int, int]], paragraphs: list[tuple[int, int]], lang: LanguageData
) -> list[Candidate]:
    """All quotes of the given character ranges of ``doc`` (the title and body zones)."""
    paras = [p for p in paragraphs if any(s <= p[0] < e for s, e in ranges)]
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


def _clip(c: Candidate, ranges: list[tuple[int, int]]) -> Candidate | None:
    """Keep a content inside the extractable zones (a sentence may start in the dateline)."""
    for s, e in ranges:
        if s <= c.end <= e:
            if c.start < s:
                c.start = s
            return c if c.end > c.start else None
    return c


def _para_index(paras: list[tuple[int, int]]):
    def index(char: int) -> int:
        for i, (s, e) in enumerate(paras):
            if s <= char < e or char < s:
                return i
        return len(paras)

    return index


# --- pass 1: cue-based quotes ---------------------------------------------------------------


def _cue_quotes(doc: Doc, sent: Span, lang: LanguageData, marks: list[Marked]) -> list[Candidate]:
    kinds = ("que", "inf", "np", "mental", "incise")
    groups = []
    for i in range(sent.start, sent.end):
        lemma = C.cue_lemma(doc, i, lang, kinds)
        # a word inside a name is no cue ("le Canard enchaîné"); a name's first word may be
        # a capitalised verb the model took for one ("Raconté journalistes que")
        if lemma and not _inside_marks(doc[i].idx, marks) and doc[i].ent_iob_ != "I":
            groups.append((C.verb_group(doc, i, sent), lemma))
    stops = {}
    for g, _ in groups:
        if g.start > sent.start and _coordinated(doc, g):
            subj = None if _participle(doc, g) else C.subject_before(doc, g, sent, lang)
            stops[g.start] = subj[0] if subj and doc[subj[0]].pos_ != "PRON" else g.start
    out: list[Candidate] = []
    previous_speaker = None
    for g, lemma in groups:
        if _journalist(doc, g):
            continue
        c = _from_cue(doc, sent, g, lemma, lang, stops, previous_speaker)
        previous_speaker = _group_speaker(doc, g, sent, lang, previous_speaker)
        if c:
            out.append(c)
    out.extend(_according_to(doc, sent, lang, marks))
    return [c for c in out if not _crosses_marks(c, marks)]


def _participle(doc: Doc, g: C.Group) -> bool:
    verb = doc[g.verb]
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")


def _journalist(doc: Doc, g: C.Group) -> bool:
    """``Rappelons que``, ``nous écrivions que``: the article's own voice, not a quote. The
    morphologiser's Person=1 alone is no proof (``il parle`` and ``je parle`` look alike)."""
    finite = doc[g.start] if doc[g.start].pos_ == "AUX" else doc[g.verb]
    before = doc[g.start - 1].lower_ if g.start > 0 else ""
    if "Imp" in finite.morph.get("Mood"):
        return g.start == 0 or doc[g.start - 1].is_punct or doc[g.start - 1].is_space
    return "1" in finite.morph.get("Person") and before in ("je", "j'", "j’", "nous")


def _group_speaker(doc: Doc, g: C.Group, sent: Span, lang: LanguageData, previous):
    """Who speaks through this cue, for a participle that follows it (``…, estimant que``)."""
    if g.inverted is not None:
        return (g.inverted, g.inverted + 1)
    if _incise_position(doc, g):
        return C.subject_after(doc, g, sent, lang) or previous
    return _preposed_speaker(doc, g, sent, lang, previous)


def _crosses_marks(c: Candidate, marks: list[Marked]) -> bool:
    """A content that starts or ends inside a quotation (an incise or selon read wrongly)."""
    if c.how not in ("postposed", "selon"):
        return False
    return any(
        m.outer_start < c.start < m.outer_end or m.outer_start < c.end < m.outer_end - 1 for m in marks
    )


def _inside_marks(char: int, marks: list[Marked]) -> bool:
    return any(m.start <= char < m.end for m in marks)


def _coordinated(doc: Doc, g: C.Group) -> bool:
    """A cue group that starts a new report in the sentence (``…, et a ajouté que``)."""
    prev = doc[g.start - 1]
    if prev.text == "," or prev.lower_ in C.STOP_CONJ:
        return True
    return "Part" in doc[g.verb].morph.get("VerbForm") and "Pres" in doc[g.verb].morph.get("Tense")


def _from_cue(
    doc: Doc, sent: Span, g: C.Group, lemma: str, lang: LanguageData, stops: dict[int, int], previous_speaker
) -> Candidate | None:
    if C.negated(doc, g, lang) or C.hypothetical(doc, g, lang) or _passive(doc, g) or _adjectival_cue(doc, g):
        return None
    comp = _complement(doc, g, sent, lemma, lang)
    if comp is None:
        return _postposed(doc, sent, g, lang)
    start_tok, how = comp
    end_tok = _clause_end(doc, start_tok, sent, stops)
    if end_tok <= start_tok:
        return None
    start_char = doc[start_tok].idx
    needs = how == "np" or (lemma in lang.cues["mental"] and lemma not in lang.cues["que"])
    speaker = _preposed_speaker(doc, g, sent, lang, previous_speaker)
    return Candidate(
        start=start_char,
        end=_trim_end(doc, end_tok, start_char),
        kind="indirect",
        how=how,
        cue=(g.start, g.end),
        speaker=speaker,
        addressee=C.addressee_after(doc, g.end, sent, lang),
        needs_marks=needs,
        cue_inside=doc[g.verb].idx,
    )


def _preposed_speaker(
    doc: Doc, g: C.Group, sent: Span, lang: LanguageData, previous=None
) -> tuple[int, int] | None:
    if g.inverted is not None:
        return (g.inverted, g.inverted + 1)
    if _impersonal(doc, g):
        return None
    if _inherits_subject(doc, g, sent):
        if previous:  # "…, a-t-elle développé, estimant que": the same speaker
            return previous
        opening = _sentence_subject(doc, sent, g.start)
        if opening:  # "Bertrand Lefebvre, chercheur, est « très sceptique », estimant que"
            return opening
    else:
        found = C.subject_before(doc, g, sent, lang)
        if found:
            return found
    return C.subject_from_tree(doc, g.verb, sent)


def _adjectival_cue(doc: Doc, g: C.Group) -> bool:
    """``Accusé de …,`` / ``les sommes jugées élevées``: a bare past participle qualifies a noun,
    it reports nobody's speech (``mais raconté aux journalistes que`` keeps its subject)."""
    verb = doc[g.verb]
    if g.start != g.verb or "Part" not in verb.morph.get("VerbForm") or "Pres" in verb.morph.get("Tense"):
        return False
    return g.start == 0 or doc[g.start - 1].pos_ not in ("CCONJ", "ADV")


def _sentence_subject(doc: Doc, sent: Span, before: int) -> tuple[int, int] | None:
    """A person named at the very start of the sentence (after at most a determiner and a
    role noun): the subject a participle or coordinated verb goes back to."""
    k = sent.start
    while k < before and (
        doc[k].pos_ in ("DET", "NOUN", "ADJ") and doc[k].ent_type_ != "PER" or doc[k].is_space
    ):
        k += 1
        if k - sent.start > 4:
            return None
    if k >= before or doc[k].ent_type_ != "PER":
        return None
    e = k + 1
    while e < before and doc[e].ent_iob_ == "I":
        e += 1
    return (k, e)


def _inherits_subject(doc: Doc, g: C.Group, sent: Span) -> bool:
    """A cue with no subject of its own: a participle (``estimant que``), an infinitive
    (``après avoir rappelé que``), a verb coordinated to the previous one (``et a ajouté``)."""
    if _participle(doc, g):
        return True
    return g.start > sent.start and doc[g.start - 1].lower_ in ("en", "et", "puis", "mais", "après")


def _passive(doc: Doc, g: C.Group) -> bool:
    """``La vidéo a été publiée``: a passive cue's subject is what was said, not who said it
    (the impersonal ``il a été annoncé que`` is kept, with an unknown source)."""
    passive = (
        any(doc[k].lemma_ == "être" and doc[k].pos_ == "AUX" for k in range(g.start, g.verb))
        and "Part" in doc[g.verb].morph.get("VerbForm")
        and "Pres" not in doc[g.verb].morph.get("Tense")
    )
    return passive and not _impersonal(doc, g)


def _impersonal(doc: Doc, g: C.Group) -> bool:
    """``Il a été signalé que``: a passive cue with impersonal ``il`` has no known source."""
    passive = any(doc[k].lemma_ == "être" and doc[k].pos_ == "AUX" for k in range(g.start, g.verb))
    return passive and g.start > 0 and doc[g.start - 1].lower_ == "il"


def _complement(doc: Doc, g: C.Group, sent: Span, lemma: str, lang: LanguageData):
    """(first content token, construction) after the group, or None."""
    que = lemma in lang.cues["que"] or lemma in lang.cues["mental"]
    inf = lemma in lang.cues["inf"] or lemma in lang.cues["mental"]
    np = lemma in lang.cues["np"] or lemma in lang.cues["mental"]
    j = g.end
    skipped = 0  # tokens of comma-enclosed asides, not counted in the gap
    while j < sent.end and j - g.end - skipped <= C.MAX_COMPLEMENT_GAP:
        t = doc[j]
        low = t.lower_
        if low in ("que", "qu'", "qu’") and _restrictive(doc, g, j):
            break  # "n'a confirmé que le blocage": ne … que means "only", no clause follows
        if low in ("que", "qu'", "qu’") and que:
            return (j + 1, "que")
        if low == "qu" and j + 1 < sent.end and doc[j + 1].text in ("'", "’") and que:
            return (j + 2, "que")  # "qu' « une interdiction »": the elision split off
        if low == "selon" and j + 1 < sent.end and doc[j + 1].lower_ in _SELON_REL and que:
            return (j + 2, "que")
        if (
            low in ("si", "s'")
            and que
            and j == g.end
            and lemma in ("demander", "interroger", "questionner", "s'interroger", "interroger")
        ):
            return (j + 1, "que")
        if low in ("de", "d'", "d’", "à") and inf and _infinitive_at(doc, j + 1, sent):
            return (j + 1, "inf")
        if inf and _infinitive_at(doc, j, sent) and (j == g.end or _addressee_gap(doc, g.end, j)):
            return (j, "inf")  # "a reconnu auprès de l'AFP avoir acheté"
        if t.text == ":" or t.is_sent_end:
            return None
        if t.text in '«“"' and j - g.end <= 2 and g.start > sent.start:
            return (j, "quoted")  # an incise is followed by its subject, never by a quotation
        if t.text == "," and (aside := _aside_end(doc, j, sent)) is not None:
            skipped += aside - j
            j = aside  # "a fait savoir, dans sa déclaration publiée mercredi, qu'…"
            continue
        if t.text in ",;" or t.pos_ in ("VERB", "AUX", "SCONJ") or t.is_punct:
            break
        j += 1
    object_follows = g.end < sent.end and doc[g.end].pos_ != "PROPN" and doc[g.end].text not in ",.:;"
    needed = lang.lexicon["np_prepositions"].get(lemma)
    if needed and (g.end >= sent.end or doc[g.end].lower_ not in needed):
        return None  # "appeler" reports speech only as "appeler à"; "il les avait appelés X" names
    if np and g.start > sent.start and not _incise_position(doc, g) and object_follows:
        return (g.end, "np")
    return None


# A comma-enclosed aside between a cue and its complement is at most this many tokens long.
MAX_ASIDE = 20


def _aside_end(doc: Doc, comma: int, sent: Span) -> int | None:
    """The token after ``, aside ,`` when the aside holds no finite verb and is followed by the
    complement (que/qu'/de/à): ``a fait savoir, dans sa déclaration de patrimoine, qu'…``."""
    for k in range(comma + 1, min(sent.end, comma + MAX_ASIDE)):
        t = doc[k]
        if t.text == ",":
            nxt = doc[k + 1].lower_ if k + 1 < sent.end else ""
            return k + 1 if nxt in ("que", "qu'", "qu’", "qu", "de", "d'", "d’", "à") else None
        if "Fin" in t.morph.get("VerbForm") or t.text in '.;:«»"':
            return None
    return None


def _incise_position(doc: Doc, g: C.Group) -> bool:
    """A finite cue right after a comma is an incise (``…", a déclaré Peskov``), whose
    following words are its subject, not its object; participles (``, évoquant un « complot »``)
    keep their objects."""
    verb = doc[g.verb]
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
    return doc[g.start - 1].text == "," and not participle


def _restrictive(doc: Doc, g: C.Group, que: int) -> bool:
    """``ne … que``: a negation particle before the group and no other negator before ``que``."""
    before = {doc[k].lower_ for k in range(max(0, g.start - 2), g.start)}
    negators = {"pas", "jamais", "plus", "rien", "point"}
    negated = any(doc[k].lower_ in negators for k in range(g.start, que))
    return bool(before & {"ne", "n'", "n’"}) and not negated


def _addressee_gap(doc: Doc, s: int, e: int) -> bool:
    """Tokens ``s:e`` are one prepositional phrase (``à un Gilet jaune``, ``auprès de l'AFP``)."""
    return doc[s].lower_ in ("à", "au", "aux", "auprès") and all(
        t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "X") for t in doc[s + 1 : e]
    )


def _infinitive_at(doc: Doc, j: int, sent: Span) -> bool:
    """An infinitive at ``j``, after optional ``ne pas`` / clitics (``ne pas avoir voulu``)."""
    k = j
    while (
        k < sent.end
        and k - j < 5
        and doc[k].lower_
        in (
            "ne",
            "n'",
            "pas",
            "jamais",
            "plus",
            "se",
            "s'",
            "lui",
            "leur",
            "y",
            "en",
            "le",
            "la",
            "les",
            "l'",
            "«",
            '"',
            "“",
            "[",
        )
    ):
        k += 1
    return k < sent.end and "Inf" in doc[k].morph.get("VerbForm")


def _missed_sentence_end(doc: Doc, k: int, sent: Span) -> bool:
    """A full stop the parser did not take as a sentence end, including one fused into an
    initial (``la bombe H. La Corée du Sud``), but not a title (``M. Le Pen``)."""
    if k + 1 >= sent.end or not doc[k + 1].text[:1].isupper():
        return False
    t = doc[k].text
    if t in (".", "!", "?", "…"):
        return True
    fused = t.endswith(".") and t[:-1].isalpha() and t not in _TITLES_WITH_STOP
    return fused and doc[k + 1].pos_ in ("DET", "PRON")


def _clause_end(doc: Doc, start: int, sent: Span, stops: dict[int, int]) -> int:
    """Token end of the reported clause: the sentence end, or before a coordinated cue."""
    k = start
    while k < sent.end:
        t = doc[k]
        if k in stops and stops[k] > start:
            k = stops[k]
            break
        if _missed_sentence_end(doc, k, sent):
            break
        if t.text == ":" and k + 1 < sent.end and doc[k + 1].text in '«“"':
            break  # "…, précise que P : « Q »": the colon opens a direct quote
        if t.lower_ == "tandis" or (
            t.lower_ == "alors" and k + 1 < sent.end and doc[k + 1].lower_ == "que" and doc[k - 1].text == ","
        ):
            break
        if (
            t.lower_ in ("selon", "d'après")
            and doc[k - 1].text == ","
            and k + 1 < sent.end
            and doc[k + 1].lower_ not in _SELON_REL
        ):
            break
        k += 1
    while k > start and (
        doc[k - 1].is_punct
        and doc[k - 1].text not in '»”")'
        or doc[k - 1].is_space
        or doc[k - 1].lower_ in C.STOP_CONJ
    ):
        k -= 1
    return k


def _postposed(doc: Doc, sent: Span, g: C.Group, lang: LanguageData) -> Candidate | None:
    """``P, estime X.``: an incise after a clause without quotation marks."""
    if g.start - 1 <= sent.start or doc[g.start - 1].text != ",":
        return None
    if doc[g.start - 2].text in '»”"':
        return None  # the incise of a direct quote: the direct pass takes it
    verb = doc[g.verb]
    if (
        C.cue_lemma(doc, g.verb, lang, ("incise",)) is None
        or "Pres" in verb.morph.get("Tense")
        and "Part" in verb.morph.get("VerbForm")
    ):
        return None
    speaker = C.subject_after(doc, g, sent, lang)
    if speaker is None or not _ends_clause(doc, speaker[1], sent, lang):
        return None
    first = sent.start
    while first < g.start and (doc[first].is_space or doc[first].is_punct and doc[first].text not in '«“"'):
        first += 1
    if doc[first].text in '«“"':
        return None  # a quotation before the incise: the direct pass takes it
    if not any("Fin" in t.morph.get("VerbForm") for t in doc[first : g.start - 1]):
        return None  # "Ainsi, estime le gouvernement, …": no clause before the incise
    start_char = doc[first].idx
    return Candidate(
        start=start_char,
        end=_trim_end(doc, g.start - 1, start_char),
        kind="indirect",
        how="postposed",
        cue=(g.start, g.end),
        speaker=speaker,
        addressee=C.addressee_after(doc, speaker[1], sent, lang),
        cue_inside=doc[g.verb].idx,
    )


def _ends_clause(doc: Doc, k: int, sent: Span, lang: LanguageData) -> bool:
    """After a postposed subject comes the end of the clause (or an addressee, a place, a
    date): ``…, estime le gouvernement.`` — not an object (``, continue ses auditions``)."""
    if k >= sent.end or doc[k].is_punct or doc[k].is_space:
        return True
    return doc[k].lower_ in C.ADJUNCT_PREPS | {
        "dans",
        "en",
        "lors",
        "mardi",
        "lundi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "hier",
        "ce",
        "cette",
    }


def _according_to(doc: Doc, sent: Span, lang: LanguageData, marks: list[Marked]) -> list[Candidate]:
    """``Selon X, P`` / ``P, selon X`` / ``D'après X, P`` / ``Pour X, P`` (X named)."""
    out = []
    for i in range(sent.start, sent.end):
        t = doc[i]
        low = t.lower_
        two = low == "d'" and i + 1 < sent.end and doc[i + 1].lower_ == "après"
        if not (low == "selon" or two or low == "pour" and i == sent.start):
            continue
        if _inside_marks(t.idx, marks):
            continue
        np_start = i + (2 if two else 1)
        if np_start >= sent.end or doc[np_start].lower_ in _SELON_REL:
            continue
        np_end = np_start
        while (
            np_end < sent.end
            and doc[np_end].text not in (",", ".", ";", ":", "«", '"', "“")
            and (doc[np_end].pos_ not in ("VERB", "AUX", "SCONJ") or _adjectival(doc[np_end]))
        ):
            np_end += 1
        while np_end > np_start and doc[np_end - 1].pos_ in ("CCONJ", "ADP"):
            np_end -= 1
        if np_end == np_start:
            continue
        if low == "pour" and not _named_source(doc, np_start, np_end):
            continue
        cand = _selon_content(doc, sent, i, np_start, np_end)
        if cand:
            out.append(cand)
    return out


def _adjectival(t) -> bool:
    """A past participle used as an adjective inside a noun phrase (``sa garde rapprochée``)."""
    return (
        t.pos_ == "VERB"
        and "Part" in t.morph.get("VerbForm")
        and "Past" in t.morph.get("Tense")
        and t.i > 0
        and t.doc[t.i - 1].pos_ in ("NOUN", "ADJ")
    )


def _named_source(doc: Doc, s: int, e: int) -> bool:
    return any(t.ent_type_ in ("PER", "ORG") for t in doc[s:e]) or (
        e - s == 1 and doc[s].lower_ in ("lui", "elle", "eux", "elles")
    )


def _selon_content(doc: Doc, sent: Span, i: int, np_s: int, np_e: int) -> Candidate | None:
    """The clause *selon X* governs: after it (``Selon X, P``; ``Vers 18h, selon X, P``; ``…
    et, selon X, P``) or before it (``P, selon X.``; ``P selon X``)."""
    first = _clause_start(doc, i, sent)
    after_ok = np_e < sent.end and doc[np_e].text == "," and sent.end - np_e > 3
    before_clause = (
        i > first
        and any("Fin" in t.morph.get("VerbForm") for t in doc[first:i])
        and doc[i - 2].lower_ not in ("et", "mais", "car", "or", "donc")
    )
    if before_clause:
        s_tok, e_tok = first, i - 1 if doc[i - 1].text == "," else i
    elif after_ok:
        s_tok, e_tok = np_e + 1, sent.end
    else:
        return None
    while s_tok < e_tok and (doc[s_tok].is_space or doc[s_tok].text == ","):
        s_tok += 1
    if e_tok - s_tok < 3:
        return None
    start_char = doc[s_tok].idx
    end_char = _trim_end(doc, _sentence_stop(doc, s_tok, e_tok), start_char)
    return Candidate(
        start=start_char,
        end=end_char,
        kind="indirect",
        how="selon",
        cue=(i, np_s),
        speaker=(np_s, np_e),
        cue_inside=doc[i].idx,
    )


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
    out = []
    for c in kept:
        nested = any(o is not c and o.start <= (c.cue_inside or -1) < o.end for o in kept)
        # "P, estimant que Q, selon ses services": the report inside P names its own speaker;
        # "Selon X, Y l'aurait assuré": X's account holds Y's words
        covers = (
            c.how == "selon"
            and (c.cue_inside or 0) > c.start
            and any(o is not c and c.start <= (o.cue_inside or -1) < c.end for o in kept)
        )
        if not nested and not covers:
            out.append(c)
    return _dedupe(out)


# A quoted fragment of at most this many words after "de/des/du", or quoted again elsewhere in
# the article, is a label ("les « gilets jaunes »", "les révélations du « Monde »"), not words
# someone said: it does not make a verb + noun phrase a quote.
MAX_LABEL_WORDS = 3


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


# --- pass 2: quotations standing on their own -----------------------------------------------


def _direct_quotes(
    doc: Doc,
    marks: list[Marked],
    cue_cands: list[Candidate],
    paras: list[tuple[int, int]],
    lang: LanguageData,
) -> list[Candidate]:
    out: list[Candidate] = []
    text = text_of(doc)
    pending: list[Marked] = []  # « A » et « B », déplore-t-il: A waits for B's incise
    split: list[Marked] = []
    for m in marks:
        inner = _internal_incise(doc, m, lang)
        if inner is None:
            split.append(m)
            continue
        a, g, speaker, b = inner
        out.append(Candidate(a.start, a.end, "direct", "incise", (g.start, g.end), speaker))
        if b is not None:
            split.append(b)
    for m in split:
        para = next(((s, e) for s, e in paras if s <= m.outer_start < e), (m.outer_start, m.outer_end))
        before = text[para[0] : m.outer_start].rstrip()
        after = text[m.outer_end : para[1]].lstrip()
        cand = _attributed(doc, m, before, after, lang, out)
        unattributed = cand is None or (cand.how == "continuation" and not out)
        if unattributed and _JOINED.match(after):
            pending.append(m)
            continue
        if cand is not None and cand.how == "incise":
            for p in pending:
                if p.outer_end <= m.outer_start and m.outer_start - p.outer_end <= MAX_INTERRUPTION_CHARS:
                    out.append(Candidate(p.start, p.end, "direct", "incise", cand.cue, cand.speaker))
        pending = (
            [p for p in pending if _JOINED.match(text[p.outer_end : m.outer_start])] if cand is None else []
        )
        if cand is None:
            continue
        if any(c.start < cand.end and cand.start < c.end for c in cue_cands):
            continue
        if cand.kind == "mixed":
            out = [o for o in out if not (cand.start <= o.start and o.end <= cand.end)]
        out.append(cand)
    out.sort(key=lambda c: c.start)
    return out


def _attributed(
    doc: Doc, m: Marked, before: str, after: str, lang: LanguageData, previous: list[Candidate]
) -> Candidate | None:
    base = dict(start=m.start, end=m.end, kind="direct")
    open_tok = _tok_at(doc, m.outer_start)
    close_tok = _tok_at(doc, m.outer_end - 1) + 1 if m.close is not None else None
    sent = sentence_of(doc, open_tok)
    if close_tok is not None and close_tok < len(doc):
        inc = _incise_after(doc, close_tok, lang)
        # a quotation followed by ", a-t-il dit" is that speaker's, whatever leads into it
        # ("Face à la crise, « … », renchérit X"; "… mais « … », a-t-il déclaré")
        if inc:
            g, speaker, addressee = inc
            lead = _lead_in(doc, open_tok, sent) if m.open is not None else None
            if lead is not None:  # "Je suis « à Pristina pour écouter », a écrit Edi Rama": mixed
                base = dict(start=doc[lead].idx, end=m.outer_end, kind="mixed")
            how = "incise" if speaker or not _participle(doc, g) else "continuation"
            return Candidate(**base, how=how, cue=(g.start, g.end), speaker=speaker, addressee=addressee)
    if before.endswith(":"):
        return _colon_intro(doc, m, open_tok, sent, lang, base)
    if not before and after.startswith(":") and close_tok is not None:
        return _colon_outro(doc, close_tok, lang, base)
    sel = _selon_before(doc, open_tok, sent)
    if sel:
        return Candidate(**base, how="selon", cue=sel[0], speaker=sel[1])
    if not before and not after and text_of(doc)[m.end - 1 : m.end] not in ".!?…" and m.close is not None:
        return None  # a paragraph that is only a short quotation: an intertitle echoing the text
    standalone_start = not before or before[-1] in _SENT_END_CHARS or _interrupted(before, previous, m)
    standalone_end = (
        not after
        or after[0] in ".!?…"
        or m.close is None
        or after[0] in "("
        or m.end > m.start
        and text_of(doc)[m.end - 1] in ".!?…"
    )
    words = len(text_of(doc)[m.start : m.end].split())
    if standalone_start and standalone_end and words >= MIN_UNCUED_WORDS:
        intro = _intro_sentence(doc, open_tok, lang) if before else None
        if intro:  # "Dans sa réponse, il a fustigé Jean Messiha. « Je pense que … »"
            _, speaker = intro  # the cue belongs to the sentence before: the quote itself has none
            return Candidate(**base, how="intro", speaker=speaker)
        return Candidate(**base, how="continuation")
    return None


def _intro_sentence(doc: Doc, open_tok: int, lang: LanguageData):
    """The cue and subject of the sentence just before a bare quotation, in its paragraph,
    when that sentence reports speech without quoting it (its last cue verb, with a subject)."""
    k = open_tok - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct) and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or "\n" in doc[k].text or doc[k].text[-1:] not in _FINAL and doc[k + 1].text not in _FINAL:
        return None
    sent = sentence_of(doc, k)
    if any(doc[i].text in '«»“”"' for i in range(sent.start, k + 1)):
        return None  # that sentence quotes already: the bare quotation continues it
    for i in range(sent.start, k + 1):  # the main clause's cue comes first ("…, contrairement
        # à ce que certains affirment" must not take over)
        if doc[i].pos_ == "VERB" and C.cue_lemma(doc, i, lang, ("que", "np", "incise")):
            g = C.verb_group(doc, i, sent)
            speaker = None if C.negated(doc, g, lang) else _preposed_speaker(doc, g, sent, lang)
            return (g, speaker) if speaker else None
    return None


def _internal_incise(doc: Doc, m: Marked, lang: LanguageData):
    """``« C'est une femme courageuse, souligne Jean-Michel Ribes. Avec sa… »``: an incise
    inside the marks (the writer did not close and reopen them). Returns the part before it,
    the cue group, the speaker and the part after it (or None)."""
    s_tok, e_tok = _tok_at(doc, m.start), _tok_at(doc, max(m.start, m.end - 1)) + 1
    for k in range(s_tok + 2, e_tok - 1):
        if doc[k - 1].text != ",":
            continue
        found = None
        for v in range(k, min(e_tok, k + 4)):
            if C.cue_lemma(doc, v, lang, ("incise",)):
                g = C.verb_group(doc, v, doc[s_tok:e_tok])
                found = g if g.start == k else None
                break
        if found is None:
            continue
        speaker = C.subject_after(doc, found, doc[s_tok:e_tok], lang)
        if speaker is None or not (found.inverted is not None or doc[speaker[1] - 1].ent_type_ == "PER"):
            continue
        after = speaker[1]
        if after < e_tok and doc[after].text not in (".", ",", ";"):
            continue
        a = Marked(m.start, _trim_end(doc, k - 1, m.start), m.open, None)
        b_start = doc[after + 1].idx if after + 1 < e_tok else m.end
        b = Marked(b_start, m.end, None, m.close) if len(text_of(doc)[b_start : m.end].split()) >= 3 else None
        return a, found, speaker, b
    return None


def _lead_in(doc: Doc, open_tok: int, sent: Span) -> int | None:
    """First token of the words that lead into a quotation inside the same clause
    (``L'ordonnance « permettra … »``), or None when the quotation opens its clause (after a
    sentence end, a colon, a comma or a conjunction)."""
    k = open_tok
    stops = (".", "!", "?", "…", ":", ";")
    while k > sent.start and doc[k - 1].text not in stops and "\n" not in doc[k - 1].text:
        k -= 1
    if k >= open_tok:
        return None
    last = doc[open_tok - 1]
    fragments = any(doc[x].text in '«“"' for x in range(k, open_tok - 1))
    if not fragments and (last.is_punct or last.lower_ in ("mais", "et", "car", "or", "donc", "puis")):
        return None  # a quotation opening its own clause (``…, mais « P », a-t-il dit``)
    while k < open_tok and doc[k].is_space:
        k += 1
    return k


def _interrupted(before: str, previous: list[Candidate], m: Marked) -> bool:
    """``« A », a-t-il dit, « B »``: B follows A's incise in the same sentence."""
    if not before.endswith(",") or not previous:
        return False
    last = previous[-1]
    return last.how == "incise" and 0 < m.outer_start - last.end <= MAX_INTERRUPTION_CHARS


def _incise_after(doc: Doc, close_tok: int, lang: LanguageData):
    """``, a déclaré Peskov aux journalistes`` / ``, a-t-il dit`` / ``, selon X`` after a quote."""
    j = close_tok
    while j < len(doc) and doc[j].text in (",", "-", "–", "—"):
        j += 1
    if j >= len(doc) or doc[j].is_space:
        return None
    sent = _sent_from(doc, j)
    while (
        j < sent.end - 1
        and doc[j].lower_ in ("lui", "leur", "nous", "vous", "me", "m'", "s'", "se")
        and doc[j].pos_ == "PRON"
    ):
        j += 1  # "lui avait alors répondu le président"
    for k in range(j, min(sent.end, j + INCISE_WINDOW)):
        lemma = C.cue_lemma(doc, k, lang, ("incise", "que"), verb_slot=k == j)
        if not lemma:
            continue
        g = C.verb_group(doc, k, sent)
        if g.start != j:
            return None
        if C.negated(doc, g, lang):
            return None
        if g.end < sent.end and doc[g.end].lower_ in ("que", "qu'", "qu’", "qu"):
            return None  # "…« odieux », a ainsi déclaré qu'…": a cue with its own complement
        if _participle(doc, g):  # '« … », développant sa pensée': no subject after a participle
            return g, None, None
        speaker = C.subject_after(doc, g, sent, lang)
        end = speaker[1] if speaker else g.end
        return g, speaker, C.addressee_after(doc, end, sent, lang)
    if doc[j].lower_ == "selon" and j + 1 < sent.end:
        e = j + 1
        while e < sent.end and not doc[e].is_punct:
            e += 1
        if e > j + 1:
            return C.Group(j, j + 1, j, "selon", None), (j + 1, e), None
    return None


def _sent_from(doc: Doc, j: int) -> Span:
    """The sentence running on from token ``j``: the parser often cuts right after a closing
    quotation mark or before its incise comma, so cut only at a full stop or line break."""
    e = j
    while e < len(doc) and not (doc[e].text in (".", "!", "?", "…") or "\n" in doc[e].text):
        e += 1
    return doc[j : min(len(doc), e + 1)]


def _colon_intro(
    doc: Doc, m: Marked, open_tok: int, sent: Span, lang: LanguageData, base: dict
) -> Candidate | None:
    """``X a déclaré : « P »`` (cue + subject) or ``Kremlin : « P »`` (headline source)."""
    colon = open_tok - 1
    while colon > 0 and doc[colon].text != ":":
        colon -= 1
    start = sentence_of(doc, colon).start if colon >= 0 else sent.start
    verbs = [i for i in range(start, colon) if doc[i].pos_ == "VERB" and not C.inverted_pronoun(doc[i])]
    last = colon - 1
    if not verbs and last > start and C.cue_lemma(doc, last, lang, ("incise", "que"), verb_slot=True):
        verbs = [last]  # "le comédien ironise : « … »": a cue the tagger took for a noun
    if verbs:
        i = verbs[-1]
        csent = sentence_of(doc, i)
        g = C.verb_group(doc, i, csent)
        if C.negated(doc, g, lang):
            return None
        speaker = _preposed_speaker(doc, g, csent, lang)
        return Candidate(
            **base,
            how="colon",
            cue=(g.start, g.end),
            speaker=speaker,
            addressee=C.addressee_after(doc, g.end, csent, lang),
        )
    s = colon - 1
    while s >= start and (doc[s].pos_ in C.NP_POS or doc[s].lower_ in C.NP_LINKS):
        s -= 1
    if s + 1 < colon and any(doc[k].pos_ in ("PROPN", "NOUN") for k in range(s + 1, colon)):
        return Candidate(**base, how="headline", speaker=(s + 1, colon))
    return None


def _colon_outro(doc: Doc, close_tok: int, lang: LanguageData, base: dict) -> Candidate | None:
    """Headline ``« P » : Greta Thunberg répond aux députés``: the source after the colon."""
    sent = _sent_from(doc, close_tok + 1)
    verbs = [k for k in range(sent.start, sent.end) if doc[k].pos_ == "VERB"]
    if not verbs:
        return None
    g = C.verb_group(doc, verbs[0], sent)
    speaker = C.subject_before(doc, g, sent, lang)
    if speaker is None or speaker[0] <= close_tok:
        return None
    return Candidate(**base, how="headline", cue=(g.start, g.end), speaker=speaker)


def _selon_before(doc: Doc, open_tok: int, sent: Span):
    """``Selon X, « P »``: the cue and source before the opening mark."""
    j = open_tok - 1
    if j < sent.start or doc[j].text != ",":
        return None
    for i in range(sent.start, j):
        low = doc[i].lower_
        if low == "selon" or low == "d'" and doc[i + 1].lower_ == "après":
            np_s = i + (2 if low == "d'" else 1)
            if np_s < j:
                return (i, np_s), (np_s, j)
    return None


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
