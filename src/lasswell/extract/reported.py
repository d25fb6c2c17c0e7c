"""Reported speech found from its cue: a verb of saying with its complement (que-clause,
de/à + infinitive, quoted object, noun phrase), a postposed incise (*P, estime X*), or
*selon / d'après / pour X*."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span

from lasswell.extract import cues as C
from lasswell.extract.candidate import _SELON_REL, Candidate, _trim_end
from lasswell.extract.marks import Marked
from lasswell.extract.sentences import _clause_start, _missed_sentence_end, _sentence_stop
from lasswell.lang import LanguageData
from lasswell.nlp import text_of


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
    out = [part for c in out for part in _split_quoted_list(c, marks, text_of(doc))]
    return [c for c in out if not _crosses_marks(c, marks)]


def _split_quoted_list(c: Candidate, marks: list[Marked], text: str) -> list[Candidate]:
    """A quoted object that is only a list of quotations (``scandant « A » et « B »``): one
    quote per quotation, as each is said on its own."""
    if c.how != "quoted":
        return [c]
    inner = [m for m in marks if c.start <= m.outer_start and m.outer_end <= c.end]
    if len(inner) < 2:
        return [c]
    gaps = [text[a.outer_end : b.outer_start] for a, b in zip(inner, inner[1:], strict=False)]
    rest = text[c.start : inner[0].outer_start] + text[inner[-1].outer_end : c.end]
    if rest.strip() or not all(_LIST_GAP.fullmatch(g) for g in gaps):
        return [c]
    return [dataclasses.replace(c, start=m.outer_start, end=m.outer_end) for m in inner]


# What separates the quotations of a list: commas, "et", "ou".
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:et|ou)\s*)?")


def _participle(doc: Doc, g: C.Group) -> bool:
    return _participle_token(doc[g.verb])


def _journalist(doc: Doc, g: C.Group) -> bool:
    """``Rappelons que``, ``nous écrivions que``: the article's own voice, not a quote. The
    morphologiser's Person=1 alone is no proof (``il parle`` and ``je parle`` look alike)."""
    finite = doc[g.start] if doc[g.start].pos_ == "AUX" else doc[g.verb]
    before = doc[g.start - 1].lower_ if g.start > 0 else ""
    opens = g.start == 0 or doc[g.start - 1].is_punct or doc[g.start - 1].is_space
    if "Imp" in finite.morph.get("Mood"):
        return opens
    if opens and "1" in finite.morph.get("Person") and "Plur" in finite.morph.get("Number"):
        return True  # "Rappelons que": a first person plural with no subject is an imperative
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
    if how == "quoted" or how == "que" and doc[start_tok].text in '«“"':
        end_tok = _quoted_object_end(doc, start_tok, end_tok)
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


def _quoted_object_end(doc: Doc, open_tok: int, end_tok: int) -> int:
    """A quoted object ends at its closing mark when a comma and a participle or a new subject
    follow it (``criaient « P », déclenchant des affrontements``; ``S'il estime qu'« P », il
    préconise …``): what comes after is the writer's."""
    for k in range(open_tok + 1, end_tok):
        if doc[k].text in '»”"':
            comma = k + 2 < end_tok and doc[k + 1].text == ","
            new_clause = comma and (_participle_token(doc[k + 2]) or _subject_then_verb(doc, k + 2, end_tok))
            return k + 1 if new_clause else end_tok
    return end_tok


def _subject_then_verb(doc: Doc, k: int, end: int) -> bool:
    """A subject pronoun and its verb at ``k`` (``il préconise``, ``elle a ajouté``)."""
    return doc[k].lower_ in C.SUBJECT_PRONOUNS and k + 1 < end and doc[k + 1].pos_ in ("VERB", "AUX")


def _participle_token(t) -> bool:
    """A present participle (*estimant*, *déclenchant*)."""
    return "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")


def _preposed_speaker(
    doc: Doc, g: C.Group, sent: Span, lang: LanguageData, previous=None
) -> tuple[int, int] | None:
    if g.inverted is not None:
        return (g.inverted, g.inverted + 1)
    if _impersonal(doc, g):
        return None
    if _participle(doc, g) and g.start > sent.start and doc[g.start - 1].pos_ in ("NOUN", "PROPN"):
        found = C.subject_before(doc, g, sent, lang)  # ", le président promettant que": its own subject
        if found and (found[0] == sent.start or doc[found[0] - 1].text == ","):
            return found

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
        doc[k].pos_ in ("DET", "NOUN", "ADJ")
        and doc[k].ent_type_ != "PER"
        or doc[k].is_space
        or doc[k].text == ","
    ):
        k += 1  # "Le Premier ministre, Binali Yildirim, dénonce … et averti que": the apposed name
        if k - sent.start > 5:
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
    before = doc[g.start - 1].lower_ if g.start > sent.start else ""
    if before == "en":  # a gerund ("en affirmant"), not the clitic of "il en appelle à"
        return doc[g.verb].lower_.endswith("ant")
    return before in ("et", "puis", "mais", "après")


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
    if inf and (after_gap := _infinitive_after_gap(doc, g.end, sent, lang)) is not None:
        return (after_gap, "inf")  # "a reconnu auprès de l'AFP avoir acheté", "a confirmé vendredi avoir"
    skipped = 0  # tokens of comma-enclosed asides, not counted in the gap
    after_aside = -1
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
        if inf and _infinitive_at(doc, j, sent) and j in (g.end, after_aside):
            return (j, "inf")
        if t.text == ":" or t.is_sent_end:
            return None
        if t.text in '«“"' and (j - g.end <= 2 or j == after_aside) and g.start > sent.start:
            # an incise is followed by its subject, never by a quotation; the content is the
            # whole noun phrase the fragment is in ("appelle à un « plan »": "un « plan »")
            k = g.end if j - g.end <= 2 else j
            while k < j and (
                doc[k].pos_ in ("ADP", "ADV", "PRON") or doc[k].lower_ in lang.words("time_words")
            ):
                k += 1  # not "également", "lundi", "lui" or "pour" ("a signalé pour « apologie … »")
            return (k, "quoted")
        if t.text == "," and (aside := _aside_end(doc, j, sent)) is not None:
            skipped += aside - j
            j = after_aside = aside  # "a fait savoir, dans sa déclaration publiée mercredi, qu'…"
            continue
        if t.text in ",;" or t.pos_ in ("VERB", "AUX", "SCONJ") or t.is_punct and t.text not in _WORD_INNER:
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
    complement (que/qu'/de/à, an infinitive or a quotation): ``a fait savoir, dans sa
    déclaration de patrimoine, qu'…``."""
    for k in range(comma + 1, min(sent.end, comma + MAX_ASIDE)):
        t = doc[k]
        if t.text == ",":
            nxt = doc[k + 1].lower_ if k + 1 < sent.end else ""
            if nxt in ("que", "qu'", "qu’", "qu", "de", "d'", "d’", "à", "«", "“") or _infinitive_at(
                doc, k + 1, sent
            ):
                return k + 1  # "annonce, via un communiqué, avoir pris", "scandant, entre autres, « P »"
            return None
        if "Fin" in t.morph.get("VerbForm") or t.text in '.;:«»"':
            return None
    return None


def _incise_position(doc: Doc, g: C.Group) -> bool:
    """A finite cue right after a comma is an incise (``…", a déclaré Peskov``), whose
    following words are its subject, not its object; participles (``, évoquant un « complot »``)
    keep their objects."""
    verb = doc[g.verb]
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
    if doc[g.start - 1].text != "," or participle:
        return False
    # "Le Premier ministre, Binali Yildirim, dénonce …": the comma closes the subject's apposed name
    opening = _sentence_subject(doc, verb.sent, g.start)
    return opening is None or opening[1] != g.start - 1


def _restrictive(doc: Doc, g: C.Group, que: int) -> bool:
    """``ne … que``: a negation particle before the group and no other negator before ``que``."""
    before = {doc[k].lower_ for k in range(max(0, g.start - 2), g.start)}
    negators = {"pas", "jamais", "plus", "rien", "point"}
    negated = any(doc[k].lower_ in negators for k in range(g.start, que))
    return bool(before & {"ne", "n'", "n’"}) and not negated


def _addressee_gap(doc: Doc, s: int, e: int) -> bool:
    """Tokens ``s:e`` are one prepositional phrase (``à un Gilet jaune``, ``auprès de l'AFP``)."""
    opens = doc[s].lower_ in ("à", "au", "aux", "auprès")
    # "auprès" may have joined the cue group as an adverb, leaving "de l'AFP" here
    opens = opens or doc[s].lower_ in ("de", "d'", "d’", "du", "des") and doc[s - 1].lower_ == "auprès"
    return opens and all(t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "X") for t in doc[s + 1 : e])


# Punctuation that sits inside a phrase, not between clauses (l’ Agence, France-Presse).
_WORD_INNER = ("'", "’", "-")


# An addressee or time phrase between a cue and its bare infinitive is at most this many
# tokens long ("auprès de l'Agence France-Presse" is 8 with the split elision and hyphen).
MAX_INFINITIVE_GAP = 10


def _infinitive_after_gap(doc: Doc, s: int, sent: Span, lang: LanguageData) -> int | None:
    """The bare infinitive after a cue when only an addressee (``auprès de l'AFP``) or time
    words (``vendredi soir``) stand between them, never an object of the cue."""
    times = lang.words("time_words")
    for e in range(s + 1, min(sent.end, s + MAX_INFINITIVE_GAP + 1)):
        if doc[e - 1].is_punct and doc[e - 1].text not in _WORD_INNER:
            return None
        gap = _addressee_gap(doc, s, e) or all(t.lower_ in times for t in doc[s:e])
        if gap and _infinitive_at(doc, e, sent):
            return e
    return None


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
