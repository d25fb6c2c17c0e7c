"""Phrases and parties of event arguments: the noun phrase an argument head stands for, and
whether a head names a party (a person, group, organisation or government), a place or a
town. Used by the argument rules in ``event_args`` and the frame rules in ``event_frame``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from lasswell.extract.event_lexicon import lexicon
from lasswell.extract.places import GazetteerEntry, lookup_place
from lasswell.extract.tree import OF_CASES, case_of, entity_span, lemma_of
from lasswell.lang import load_language

_PERSON_LABELS = {"PER", "ORG", "LOC"}


# Singular direct-object clitics that can stand for a person (*le critiquent*, *l'a invité*).
# Not *lui*, which the pronoun resolver already reads (on unseen articles routing it here lost
# four right recipients: *l'hôpital lui demandant*), nor the plural *les*, *leur*, whose group
# is rarely one named party.
OBJECT_CLITICS = frozenset({"le", "la", "l'", "l’"})


# Adjectives that, used as nouns, name people by their leaning (*l'écologiste*, *les
# socialistes*). Not the other agent endings: used as nouns they name things as often
# (*ses premiers exemplaires*, *ce dernier*), as unseen articles showed.
_ADJECTIVE_PERSON_SUFFIXES = ("iste",)
# Pronouns that never stand for a party: object clitics of things, the reflexive, and the
# demonstratives of a cleft or a fact (*C'est à la condamnation … que*, *cela a provoqué*).
_NOT_PARTY_PRONOUNS = frozenset(
    {"le", "la", "les", "l'", "l’", "en", "y", "se", "s'", "s’", "ce", "c'", "c’", "cela", "ça", "ceci"}
)
_AGENT_SUFFIXES = ("eur", "euse", "ant", "ante", "iste", "ier", "ière", "ien", "ienne", "aire")


def person_like(t: Token, humans: frozenset[str]) -> bool:
    """Can this head stand for an actor (a name, a pronoun, a human or institutional noun)?"""
    if t.ent_type_ in _PERSON_LABELS or t.pos_ == "PROPN":
        return True
    if t.pos_ == "PRON":
        return t.lower_ not in _NOT_PARTY_PRONOUNS
    lemma = lemma_of(t)
    if _noun_adjective(t) and lemma.endswith(_ADJECTIVE_PERSON_SUFFIXES):
        return True  # "boycotter la jeune écologiste suédoise", the adjective used as a noun
    return lemma in humans or lemma.startswith("ex-") and lemma[3:] in humans  # "l'ex-figure de proue"


def _noun_adjective(t: Token) -> bool:
    """An adjective used as a noun: it has its own determiner and no noun to modify."""
    return t.pos_ == "ADJ" and t.dep_ != "amod" and any(c.dep_ == "det" for c in t.children)


# Left dependents that are never part of a noun phrase: in a cleft (*Ce sont deux clans qui …*,
# *C'est en tout cas le projet de X qui …*) the parser hangs the copula, its subject and
# adverbials on the noun.
_NOT_LEFT_OF_NOUN = (
    "punct", "cc", "case", "mark", "cop", "nsubj", "nsubj:pass", "expl:subj", "expl:comp",
    "aux", "aux:tense", "aux:pass", "obl", "obl:mod", "obl:arg", "advcl",
)  # fmt: skip


def noun_phrase(t: Token, stop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The noun phrase headed by ``t``, without relative clauses, appositions, trailing commas
    or time words the parser hung on it (*son homologue demain*). A role with its name in
    apposition (*le Premier ministre, Binali Yildirim,*) gives the name."""
    name = next((c for c in t.rights if c.dep_ in ("appos", "flat:name") and c.ent_type_ == "PER"), None)
    if name is not None and t.ent_type_ != "PER":
        t = name
    end = t.i + 1
    in_parens = False
    for c in t.rights:
        if c.text in ("(", ")") or in_parens:
            in_parens = c.text != ")" and (in_parens or c.text == "(")
            continue  # "les groupes PPE (centre-droit), PSE …": the parenthesis is skipped, not an end
        if c.dep_ == "acl" and _short_participle(c):
            end = c.right_edge.i + 1  # "des individus non identifiés", "la coalition menée par …"
            continue
        if c.dep_ in ("acl:relcl", "acl", "appos", "punct", "advcl", "parataxis") or c.lower_ in stop:
            break
        other_case = c.dep_ in ("nmod", "obl", "obl:mod") and case_of(c) and case_of(c) not in OF_CASES
        if _posted(t, c):
            end = max([c.i, *(d.i for d in c.children if d.dep_ == "flat:name")]) + 1
            continue  # "l'ambassade d'Australie à Washington", without what the parser hung on the city
        if other_case and not _office(c, stop):
            break  # "les manifestants pour des politiques …": keep the group, not the reason
        if c.dep_ == "nmod" and (c.pos_ == "VERB" or any(x.dep_ == "cop" for x in c.children)):
            break  # "d'autres personnes d'être responsables …": a clause, not the phrase
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            continue  # "un groupe de militaires et averti que …": another clause
        # a conjoined noun ends where its own phrase does
        end = (
            noun_phrase(c, stop)[1]
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
            else c.right_edge.i + 1
        )
    doc = t.doc
    lefts = [
        c
        for c in t.lefts
        if c.dep_ not in _NOT_LEFT_OF_NOUN
        and not any(x.is_punct for x in doc[c.right_edge.i + 1 : t.i])  # "En Belgique, treize personnes"
        # a clause the parser hung on the noun (*la réunion a été « houleuse », le ministre …*)
        and not any(x.dep_ in ("nsubj", "nsubj:pass", "cop") for x in c.children)
    ]
    start = min([t.i, *(c.left_edge.i for c in lefts)])
    brk = next((k for k in range(t.i + 1, end) if doc[k].is_space or "\n" in doc[k].text), None)
    if brk is not None:
        end = brk  # a phrase never runs across a paragraph break (the parser joins them)
    when = next((k for k in range(t.i + 1, end) if doc[k].lower_ in stop), None)
    if when is not None:
        # "les procureurs de la Haye la semaine dernière": a time phrase deep in the phrase ends it
        w = doc[when]
        end = max(t.i + 1, (w.head if w.dep_ == "amod" and w.head.i > t.i else w).left_edge.i)
    ent = doc[slice(*span)] if t.ent_type_ == "PER" and (span := entity_span(t)) else None
    if ent is not None and ent.end > end and all(doc[k].pos_ == "PROPN" for k in range(end, ent.end)):
        end = ent.end  # "Emmanuel Macron" with "Macron" misparsed as an adverb
    if ent is not None and ent.start < start and all(doc[k].pos_ == "PROPN" for k in range(ent.start, start)):
        start = ent.start  # "Marine Le Pen" headed by "Pen"
    if t.pos_ == "NOUN":
        end = _apposed_name_end(doc, end)  # "le gazoduc russe Nord Stream 2"
    if t.ent_type_ != "PER" and end < len(doc) and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PER":
        end += 1  # "le président kosovar Hashim Thaçi": the name the parser left out of the title
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return _whole_words(doc, start, end)


def _apposed_name_end(doc: Doc, end: int) -> int:
    """The end of a proper name (not a person's) right after a common noun's phrase, which the
    parser hung elsewhere (*le gazoduc russe Nord Stream 2*); ``end`` when there is none."""
    k = end
    while k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].pos_ == "NUM" and k > end):
        k += 1
    person = any(doc[x].ent_type_ == "PER" for x in range(end, min(k + 1, len(doc))))
    if person or k > end and doc[end].text in load_language(doc.lang_).first_names:
        return end  # a person's name is read by the rules for titles
    return k


_HYPHENS = ("-", "‑", "–")


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a phrase to whole hyphenated words, which the tokenizer splits and the parser may
    cut (*la CGT-Energie* headed by *Energie*, *camions-bennes*)."""

    def joined(k: int) -> bool:  # doc[k - 1] and doc[k] are parts of one hyphenated word
        a, b = doc[k - 1], doc[k]
        if a.whitespace_:
            return False
        if a.text in _HYPHENS:
            return b.is_alpha and k >= 2 and doc[k - 2].is_alpha and not doc[k - 2].whitespace_
        return (
            b.text in _HYPHENS
            and a.is_alpha
            and not b.whitespace_
            and k + 1 < len(doc)
            and doc[k + 1].is_alpha
        )

    while start > 0 and joined(start):
        start -= 1
    while end < len(doc) and joined(end):
        end += 1
    return start, end


# A past participle qualifying a noun is kept in its phrase up to this many tokens (*menée par
# les États-Unis*); longer ones are clauses of their own.
MAX_PARTICIPLE_TOKENS = 5


def _office(c: Token, stop: frozenset[str]) -> bool:
    """*les candidats à la présidentielle*, *le secrétariat d'État à l'Égalité*: an *à* phrase
    naming the office or body a person or group belongs to, not a place or a time."""
    return (
        case_of(c) in ("à", "au", "aux")
        and c.dep_ == "nmod"
        and c.pos_ == "NOUN"
        and not c.ent_type_
        and c.lower_ not in stop
        and lemma_of(c) not in _LOCUTION_NOUNS
        and any(
            d.dep_ in ("det", "case") and d.lower_ in ("la", "le", "l'", "les", "au", "aux")
            for d in c.children
        )
    )


# Diplomatic posts, named with the city they sit in (*l'ambassade d'Australie à Washington*).
_POSTS = frozenset({"ambassade", "consulat", "ambassadeur", "ambassadrice", "consul", "représentation"})


def _posted(t: Token, c: Token) -> bool:
    """Is ``c`` the *à* + city of the diplomatic post ``t`` (part of its name, not a place)?"""
    return lemma_of(t) in _POSTS and case_of(c) in ("à", "en") and c.pos_ == "PROPN"


# Nouns of prepositional locutions (*à l'origine de*, *à la tête de*, *à l'instar de*): not an
# office after a noun of people.
_LOCUTION_NOUNS = frozenset(
    {
        "origine",
        "tête",
        "côté",
        "instar",
        "image",
        "égard",
        "approche",
        "encontre",
        "suite",
        "occasion",
        "issue",
    }
)


def _short_participle(c: Token) -> bool:
    """A past participle phrase qualifying a noun (*non identifiés*, *menée par les États-Unis*)."""
    span = c.right_edge.i + 1 - c.left_edge.i
    past = "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")
    relative = any("Rel" in x.morph.get("PronType") for x in c.children)  # "que la police a arrêtés"
    return past and c.left_edge.i >= c.head.i and span <= MAX_PARTICIPLE_TOKENS and not relative


def owner_of(t: Token, humans: frozenset[str], depth: int = 2) -> Token | None:
    """Whose thing an object is: *a étrillé la politique d'alliances entre LREM et LR*,
    *a rejeté la candidature de Sylvie Goulard*, *a dispersé des centaines de manifestants*."""
    agent = next((c for c in t.children if c.dep_ == "nmod" and case_of(c) == "par"), None)
    if agent is not None and (person_like(agent, humans) or agentive(agent)):
        return agent  # "une tentative de coup d'État par un groupe de militaires": who did it
    for c in t.children:
        if c.dep_ == "acl":  # "la méthode suggérée par Emmanuel Macron": its author
            agent = next((a for a in c.children if a.dep_ == "obl:agent" or case_of(a) == "par"), None)
            if agent is not None and (person_like(agent, humans) or agentive(agent)):
                return agent
        if c.dep_ == "nmod" or (c.dep_ == "det" and "Poss=Yes" in str(c.morph)):
            if person_like(c, humans) or agentive(c) or c.dep_ == "det":
                return c  # "l'engagement des soignants"
            if depth > 1:
                found = owner_of(c, humans, depth - 1)
                if found is not None:
                    return found
    return None


# Endings of nouns of people (*jihadiste*, *surveillant*, *plongeur*, *institutrice*,
# *humanitaire*, *gardien*): a patient so named is a party even when no word list has it.
_PERSON_SUFFIXES = (*_AGENT_SUFFIXES, "trice", "ice", "iens")


def is_party(t: Token, humans: frozenset[str]) -> bool:
    """Can the patient ``t`` stand for a party: a person-like head, a noun of people by its
    ending, a number or others (*quatre autres*), or a name apposed to it (*le jihadiste Oussama Atar*)."""
    if person_like(t, humans) or t.pos_ == "NUM" or lemma_of(t).endswith(_PERSON_SUFFIXES + ("autre",)):
        return True
    return any(c.ent_type_ == "PER" and c.dep_ in ("appos", "flat:name") for c in t.children)


def is_place(t: Token, code: str) -> bool:
    """A place that is no country: a town, a road, a site (*Gallargues et Aimargues*, *le
    tunnel de Saint-Béat*)."""
    if t.ent_type_ == "LOC":
        entry = place_entry(t, code)
        return entry is None or entry.kind != "country"
    return lemma_of(t) in lexicon(code).words("site_nouns") or is_town(t, code)


def place_entry(t: Token, code: str) -> GazetteerEntry | None:
    """The gazetteer entry of the name ``t`` heads: its LOC entity, else the name with its
    *flat:name* parts (*Nancy Pelosi* is no Nancy)."""
    parts = [t, *(c for c in t.children if c.dep_ == "flat:name")]
    span = entity_span(t) if t.ent_type_ == "LOC" and len(parts) == 1 else None
    name = t.doc[slice(*span)].text if span else " ".join(p.text for p in parts)
    return lookup_place(name, (), code)


def party(t: Token | None, humans: frozenset[str]) -> Token | None:
    """Who undergoes an act whose grammatical patient is ``t``: a party (person, group,
    organisation, government), or the party owning the thing (*la candidature de la Française
    a été retoquée*, *leur voiture a été arrêtée*). Roads closed and buildings burnt have no
    recipient (EVENTS.md: the recipient stands for *who* is acted upon)."""
    if t is None or is_party(t, humans):
        return t
    owner = owner_of(t, humans, depth=1)
    return owner if owner is not None and owner.ent_type_ != "LOC" else None


def agentive(t: Token) -> bool:
    """A plural noun of people by its suffix (*des éboueurs*, *des agriculteurs*, *des
    grévistes*): the doers of a strike or a protest named after them."""
    return t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and lemma_of(t).endswith(_AGENT_SUFFIXES)


def is_town(t: Token, code: str) -> bool:
    """A city or region, not a country. After an event noun even a capital is where it
    happened (*les pourparlers de Genève*, *l'attentat de Paris*). Read in the gazetteer, as
    the tagger labels such names LOC, ORG or MISC by turns."""
    if t.ent_type_ == "PER" or (t.pos_ != "PROPN" and t.ent_type_ != "LOC"):
        return False
    entry = place_entry(t, code)
    return entry is not None and entry.kind != "country"
