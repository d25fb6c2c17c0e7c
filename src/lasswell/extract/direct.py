"""Direct quotes: quotations that stand on their own, attributed by an incise after them
(*« P », a-t-il dit*), a colon intro (*X a déclaré : « P »*), *selon X*, the reporting sentence
before them, or — with no cue — as the continuation of the quote just before."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from lasswell.extract import cues as C
from lasswell.extract.candidate import MAX_LABEL_WORDS, Candidate, _tok_at, _trim_end
from lasswell.extract.marks import Marked
from lasswell.extract.reported import _participle, _preposed_speaker
from lasswell.extract.sentences import _FINAL, _sent_from, sentence_of
from lasswell.lang import LanguageData
from lasswell.nlp import text_of

# Without any cue a standalone quotation needs this many words to count as speech (shorter
# ones at a sentence start are mostly scare-quoted terms).
MIN_UNCUED_WORDS = 4


# An interrupted quote (« A », a-t-il dit, « B ») has its incise in at most this many characters.
MAX_INTERRUPTION_CHARS = 60


# An incise verb is looked for within this many tokens after the closing mark ("a-t-il par
# exemple déclaré" puts it 6 tokens on).
INCISE_WINDOW = 8


_SENT_END_CHARS = '.!?…:»”")'


_JOINED = re.compile(r"^\s*,?\s*(?:et|ou|puis)?\s*[«“\"]")


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
        if inc and doc[close_tok].text not in (",", "-", "–", "—") and _after_determiner(doc, open_tok):
            inc = None  # 'les "gilets jaunes" poursuivent les blocages': a label, then its verb
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
        return None if _recurring_label(text_of(doc), m) else _colon_outro(doc, close_tok, lang, base)
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


def _after_determiner(doc: Doc, open_tok: int) -> bool:
    """The quotation follows a determiner: it names something inside a noun phrase."""
    return open_tok > 0 and doc[open_tok - 1].pos_ == "DET"


def _lead_in(doc: Doc, open_tok: int, sent: Span) -> int | None:
    """First token of the words that lead into a quotation inside the same clause
    (``L'ordonnance « permettra … »``), or None when the quotation opens its clause (after a
    sentence end, a colon, a comma or a conjunction)."""
    k = open_tok
    stops = (".", "!", "?", "…", ":", ";")
    while k > sent.start and doc[k - 1].text not in stops and "\n" not in doc[k - 1].text:
        if C.inverted_pronoun(doc[k - 1]):
            break  # "« A », a-t-il insisté, mais « B »": the incise closed A's clause
        k -= 1
    if k >= open_tok:
        return None
    last = doc[open_tok - 1]
    fragments = any(doc[x].text in '«“"' for x in range(k, open_tok - 1))
    while k < open_tok and doc[k].is_space:
        k += 1
    if last.lower_ in ("et", "ou") and doc[k].text in '«“"' and _closes_before(doc, open_tok - 1):
        return None  # ``« A » et « B », tranche-t-il``: two quotations sharing one incise
    if not fragments and (last.is_punct or last.lower_ in ("mais", "et", "car", "or", "donc", "puis")):
        return None  # a quotation opening its own clause (``…, mais « P », a-t-il dit``)
    return k


def _closes_before(doc: Doc, conj: int) -> bool:
    """A closing mark right before conjunction ``conj`` (a comma may sit between)."""
    k = conj - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in '»”"'


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
        if g.start != j and _light_chain(doc, j, g):
            g = C.Group(j, g.end, g.verb, g.lemma, g.inverted)  # "a cependant tenu à tempérer X"
        if g.start != j:
            return None
        if C.negated(doc, g, lang):
            return None
        if g.end < sent.end and doc[g.end].lower_ in ("que", "qu'", "qu’", "qu"):
            return None  # "…« odieux », a ainsi déclaré qu'…": a cue with its own complement
        if _participle(doc, g):  # '« … », développant sa pensée': no subject after a participle
            return g, None, None
        speaker = C.subject_after(doc, g, sent, lang)
        end = max(speaker[1], g.end) if speaker else g.end  # "a-t-il lancé à …": after the verb
        return g, speaker, C.addressee_after(doc, end, sent, lang)
    if doc[j].lower_ == "selon" and j + 1 < sent.end:
        e = j + 1
        while e < sent.end and not doc[e].is_punct:
            e += 1
        if e > j + 1:
            return C.Group(j, j + 1, j, "selon", None), (j + 1, e), None
    return None


def _light_chain(doc: Doc, j: int, g: C.Group) -> bool:
    """``a cependant tenu à tempérer``, ``préférait rectifier``: verbs, adverbs and à/de lead
    to the cue infinitive, whose incise it is."""
    chain = doc[j : g.start]
    return (
        "Inf" in doc[g.verb].morph.get("VerbForm")
        and any(t.pos_ in ("VERB", "AUX") for t in chain)
        and all(t.pos_ in ("VERB", "AUX", "ADV") or t.lower_ in ("à", "de", "d'", "d’") for t in chain)
    )


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
        incise = (
            g.start - 2 >= csent.start and doc[g.start - 1].text == "," and doc[g.start - 2].text in '»”"'
        )
        if incise and g.inverted is None:
            # '« A », a commenté le président … : « B »': the incise's subject follows it
            speaker = C.subject_after(doc, g, csent, lang) or _preposed_speaker(doc, g, csent, lang)
        else:
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


def _recurring_label(text: str, m: Marked) -> bool:
    """A short quoted fragment the article quotes again elsewhere is a label (a movement, a
    nickname), not words said: ``"Gilets jaunes" : Christophe Castaner dénonce …``."""
    fragment = text[m.start : m.end].lower()
    if len(fragment.split()) > MAX_LABEL_WORDS:
        return False
    quoted = re.compile(r'[«"“]\s*' + re.escape(fragment) + r'\s*[»"”]', re.IGNORECASE)
    return len(quoted.findall(text)) > 1


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
