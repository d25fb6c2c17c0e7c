"""Entities: spaCy's NER corrected for news, clustered into one entity per referent.

Corrections: leading articles stripped (``l'OTAN`` → ``OTAN``), capitalised verbs and
boilerplate words dropped, a name after a person title or role noun typed PER. Clustering:
a person's surname mention joins the full name (``Peskov`` → ``Dmitri Peskov``), spelling
variants of one full name join (``Sergueï / Sergei Ryabkov``). Roles come from appositions
and pre-modifiers; gender from titles, role nouns, agreement and the model's morphology.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from lasswell.extract.places import country_of
from lasswell.identity import first_names, surname
from lasswell.lang import LanguageData
from lasswell.records import Entity
from lasswell.records import Span as TextSpan

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# Two first names are variants of one (transliterations: Sergueï / Sergei, Dmitri / Dmitry)
# when they share this many leading letters after accent folding.
FIRST_NAME_PREFIX = 4
# Roles are read from at most this many tokens before a name ("la vice-secrétaire d'État
# américaine Wendy Sherman" is 6) and after it, in an apposition.
MAX_ROLE_TOKENS = 10


def fold(s: str) -> str:
    """Lower-case, strip accents and apostrophe variants: the matching key of a name."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'")).lower()
    return "".join(c for c in s if not unicodedata.combining(c)).strip()


@dataclass
class Cluster:
    """An entity being built: mentions as (start, end) token ranges of the Doc."""

    id: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    genders: Counter[str] = field(default_factory=Counter)
    name: str = ""

    @property
    def gender(self) -> str | None:
        """``m``/``f`` when the evidence agrees, else None."""
        if not self.genders:
            return None
        (g, n), *rest = self.genders.most_common()
        return g if not rest or n > rest[0][1] else None


@dataclass
class EntityIndex:
    """The clusters of one article and a token → cluster lookup."""

    clusters: list[Cluster]
    by_token: dict[int, Cluster]

    def at(self, i: int) -> Cluster | None:
        """The cluster a token belongs to, if any."""
        return self.by_token.get(i)

    def start_of(self, c: Cluster, i: int) -> int:
        """Token start of the mention of ``c`` that covers token ``i``."""
        return next((a for a, b in c.mentions if a <= i < b), i)

    def in_range(self, start: int, end: int) -> list[Cluster]:
        """Clusters mentioned within the token range, in order."""
        seen: list[Cluster] = []
        for i in range(start, end):
            c = self.by_token.get(i)
            if c is not None and c not in seen:
                seen.append(c)
        return seen


def _strip(span: Span, lang: LanguageData) -> tuple[int, int] | None:
    """Token range of a name without leading articles/titles and trailing punctuation."""
    articles = lang.words("articles")
    titles = set(lang.lexicon["person_titles"])
    s, e = span.start, span.end
    doc = span.doc
    if span.label_ != "PER" and e - s > 1 and len(doc[s].text) == 2 and doc[s].text.endswith("."):
        s += 1  # "H. La Corée du Sud": the end of a sentence the model glued to the name
    while s < e and (doc[s].lower_ in articles or doc[s].text in titles or doc[s].is_punct):
        if (
            doc[s].text[:1].isupper()
            and span.label_ in ("ORG", "MISC", "PER")
            and doc[s].lower_ in ("le", "la", "les")
        ):
            break  # "Le Monde", "Marine Le Pen": a capitalised article is part of the name
        s += 1
    if span.label_ == "PER":
        s = _after_nationality(doc, s, e, lang)
        if s is None:
            return None
    time_words = lang.words("time_words")
    while e > s and (
        doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].text[:1].isdigit()
        and e - 1 > s
        or doc[e - 1].lower_ in time_words
        and doc[e - 2].lower_ not in ("du", "de")
    ):
        e -= 1  # "Le Monde mercredi 20": the date is not part of the name ("Journal du dimanche" is)
    return (s, e) if e > s else None


def _after_nationality(doc: Doc, s: int, e: int, lang: LanguageData) -> int | None:
    """A person's name does not start with a nationality (*l'homme d'affaires Italo - Suisse
    Pablo Victor Dana*: the tagger capitalised adjective is not part of the name). None when
    the whole span is a nationality; the name keeps at least two words."""
    words = [t.text for t in doc[s:e]]
    # "Italo - Suisse", "Franco - Allemand": a compound nationality in combining form
    combining = len(words) > 1 and words[0].lower().endswith("o") and words[1] in ("-", "–")
    if combining and country_of("".join(words).replace("–", "-").lower(), lang.code):
        return None
    k = s
    while k < e and (doc[k].text in ("-", "–") or _nationality(doc[k].text, lang)):
        k += 1
    if k == e:
        return None if k - s > 1 or doc[s].text == "-" else s
    return k if e - k >= 2 else s


def _nationality(word: str, lang: LanguageData) -> bool:
    """A capitalised country name or nationality adjective that is not also a first name."""
    if not word[:1].isupper() or word.lower() in lang.first_names:
        return False
    return country_of(word, lang.code) is not None


def _valid(doc: Doc, s: int, e: int, lang: LanguageData) -> bool:
    text = doc[s:e].text
    not_names = set(lang.lexicon["not_names"])
    if text in not_names or doc[s].text in not_names and e - s == 1:
        return False
    if not text[:1].isupper() or len(text) < 2 or text.isdigit():
        return False
    roles = lang.words("role_nouns")
    if doc[s].lower_ in roles or doc[s : s + 2].text.lower() in roles:
        return False  # "Premier ministre", "Président": a title, not a name
    if doc[s].pos_ in ("VERB", "AUX") and doc[s].text not in lang.lexicon["person_titles"]:
        return False
    # A capitalised verb is not a name ("Raconté journalistes que").
    return not (e - s == 1 and doc[s].pos_ in ("VERB", "AUX"))


def _label(doc: Doc, s: int, e: int, label: str, lang: LanguageData) -> str:
    """Correct the label: a name right after a person title or role noun is a person; an
    all-capitals acronym is an organisation (``LR``, ``RN``), not a person."""
    text = doc[s:e].text
    if label == "PER" and e - s == 1 and text.isupper() and len(text) <= 5:
        return "ORG"
    parts = text.split("-")
    if len(parts) > 1 and all(country_of(p, lang.code) for p in parts):
        # "l'Acte fondateur Russie-OTAN": two parties, no person, whatever word comes before
        return "MISC" if label == "PER" else LABELS.get(label, "MISC")
    if s > 0:
        prev = doc[s - 1]
        titled = prev.text in lang.lexicon["person_titles"] or prev.lower_ in lang.words("role_nouns")
        # "le gouverneur de la Banque centrale, Riad Salamé,": a name apposed to a role
        role = doc[s].head.lower_ in lang.words("role_nouns")
        apposed = prev.text == "," and doc[s].dep_ == "appos" and role and doc[s].text in lang.first_names
        titled = titled or apposed
        if (
            titled
            and label in ("LOC", "MISC", "ORG")
            and all(t.pos_ == "PROPN" for t in doc[s:e])
            and not text.isupper()
        ):  # "le candidat LR": a party
            return "PER"
    return LABELS.get(label, "MISC")


def _person_key(doc: Doc, s: int, e: int) -> tuple[str, str | None]:
    """(surname, given names) keys of a person mention, particles kept with the surname (*Bruno
    Le Maire* → *le maire*, *bruno*; *Le Maire* → *le maire*, None) and a hyphenated surname
    whole (*Dupont-Aignan*)."""
    key = fold(doc[s:e].text).rstrip(".")  # "Cédric O." ending a sentence is "Cédric O"
    key = " ".join(key.replace(" - ", "-").replace(" -", "-").replace("- ", "-").split())
    last = surname(key)
    return last, first_names(key) or None


def _same_first(a: str | None, b: str | None) -> bool:
    """Given names of one person: either unknown, variants (*Sergueï / Sergei*), one a part of
    the other's hyphenated name (*Jean-Luc* and a cut *Luc*), or the end of the other."""
    if a is None or b is None:
        return True
    if a in b.split("-") or b in a.split("-"):
        return True
    if len(min(a, b, key=len)) >= 3 and (a.endswith(b) or b.endswith(a)):
        return True  # a word glued on by a lost space ("attentats de BruxellesOussama Atar")
    n = min(FIRST_NAME_PREFIX, len(a), len(b))
    return a[:n] == b[:n]


# Weights of gender evidence (a title or a known first name outweighs the morphologiser, which
# often calls a foreign first name masculine).
GENDER_WEIGHTS = {"title": 3, "first_name": 3, "role": 2, "pronoun": 2, "morph": 1}


def _gender_from_context(doc: Doc, s: int, e: int, lang: LanguageData) -> tuple[str, int] | None:
    """(gender, weight) read around a person mention."""
    titles = lang.lexicon["person_titles"]
    if s > 0 and titles.get(doc[s - 1].text):
        return titles[doc[s - 1].text], GENDER_WEIGHTS["title"]
    if e - s > 1 and doc[s].text in lang.first_names:
        return lang.first_names[doc[s].text], GENDER_WEIGHTS["first_name"]
    for t in doc[max(0, s - 4) : s]:  # "la vice-secrétaire d'État américaine Wendy Sherman"
        if t.lower_ in lang.words("role_nouns") and t.morph.get("Gender"):
            return ("f" if t.morph.get("Gender") == ["Fem"] else "m"), GENDER_WEIGHTS["role"]
    g = doc[s].morph.get("Gender") if e - s > 1 else []
    if g:
        return ("f" if g == ["Fem"] else "m"), GENDER_WEIGHTS["morph"]
    return None


def _role_before(doc: Doc, s: int, lang: LanguageData) -> str | None:
    """``la vice-secrétaire d'État américaine`` before ``Wendy Sherman`` (or with a comma)."""
    roles = lang.words("role_nouns")
    i = s - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].pos_ == "ADP":
        return None  # "un tacle du président de SOS Racisme contre Jean Messiha": no apposition
    j = i
    while j >= 0 and i - j < MAX_ROLE_TOKENS and doc[j].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
        inner_det = doc[j].pos_ == "DET" and j > 0 and doc[j - 1].lower_ in ("de", "d'", "d’")  # de la Santé
        if doc[j].pos_ == "DET" and not inner_det or doc[j].is_sent_start:
            break
        j -= 1
    toks = doc[j + 1 : i + 1] if j < i else None
    if not toks:
        return None
    # the role starts at its role noun: "(un) autre ministre" → "ministre", "de ministre" → "ministre"
    first = next((k for k, t in enumerate(toks) if t.lower_ in roles), None)
    return toks[first:].text if first is not None else None


def _role_after(doc: Doc, e: int, lang: LanguageData) -> str | None:
    """``, vice-président du Conseil de la Fédération,`` after a name."""
    if e >= len(doc) or doc[e].text != ",":
        return None
    i = e + 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in lang.words("role_nouns"):
        return None
    j = i
    while (
        j < len(doc)
        and j - i < MAX_ROLE_TOKENS
        and doc[j].text not in (",", ".", ";", ")", "(")
        and doc[j].pos_ not in ("VERB", "AUX", "SCONJ", "PRON")
    ):
        j += 1
    return doc[i:j].text


def _mentions(doc: Doc, ranges: list[tuple[int, int]], lang: LanguageData) -> list[tuple[int, int, str]]:
    """Cleaned (start, end, label) name mentions inside the character ranges."""
    out = []
    for ent in doc.ents:
        if not any(s <= ent.start_char and ent.end_char <= e for s, e in ranges):
            continue
        rng = _strip(ent, lang)
        if rng is not None and _valid(doc, *rng, lang):
            label = _label(doc, *rng, ent.label_, lang)
            if label == "PER":
                rng = (_first_name_start(doc, rng[0], lang), rng[1])
            out.append((*rng, label))
    return out + _names_after_roles(doc, ranges, out, lang)


# A name the recogniser missed after a role is two or three capitalised proper nouns
# (*le Premier ministre albanais Edi Rama*); one alone is too often a place or a brand.
MIN_ROLE_NAME_TOKENS, MAX_ROLE_NAME_TOKENS = 2, 3


def _names_after_roles(
    doc: Doc, ranges: list[tuple[int, int]], found: list[tuple[int, int, str]], lang: LanguageData
) -> list[tuple[int, int, str]]:
    """Person names right after a role noun and its adjectives that the model did not tag."""
    covered = {i for s, e, _ in found for i in range(s, e)} | {t.i for t in doc if t.ent_type_}
    roles = lang.words("role_nouns")
    out = []
    for t in doc:
        if t.lower_ not in roles or not any(a <= t.idx < b for a, b in ranges):
            continue
        k = t.i + 1
        while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].is_lower:
            k += 1  # "albanais", "américaine"
        j = k
        while j < len(doc) and j - k < MAX_ROLE_NAME_TOKENS and doc[j].pos_ == "PROPN" and doc[j].is_title:
            if j in covered:
                break
            j += 1
        if j - k >= MIN_ROLE_NAME_TOKENS and (j == len(doc) or not doc[j].is_title) and j not in covered:
            out.append((k, j, "PER"))
    return out


def _first_name_start(doc: Doc, s: int, lang: LanguageData) -> int:
    """``Marine`` + ``Le Pen``: a capitalised word the model left outside a person's name."""
    if s == 0:
        return s
    t = doc[s - 1]
    if s > 1 and doc[s - 2].pos_ in ("DET", "ADP"):
        return s  # "le Suisse Pablo Victor Dana": a nationality, not a first name
    if t.text not in lang.first_names and not (t.pos_ == "PROPN" and t.ent_type_ == "PER"):
        return s  # "Italo - Suisse Pablo Dana": only a known first name or a name word joins
    if _nationality(t.text, lang):
        return s  # "Suisse Pablo Victor Dana": a nationality is not a first name
    if (
        t.text[:1].isupper()
        and t.is_alpha
        and t.ent_type_ in ("", "PER")
        and t.text not in lang.lexicon["not_names"]
        and t.lower_ not in lang.words("role_nouns")
        and t.pos_ in ("PROPN", "ADJ", "NOUN", "X")
    ):
        return s - 1
    return s


def _surname_mentions(
    doc: Doc, ranges: list[tuple[int, int]], clusters: list[Cluster], by_token: dict[int, Cluster]
) -> None:
    """Bare surnames the model missed (``Ryabkov`` tagged as a noun): add them as mentions."""
    surnames = {}
    for c in clusters:
        if c.type == "PER" and len(c.name.split()) > 1 and len(c.name.split()[-1]) > 2:
            surnames.setdefault(c.name.split()[-1], c)
    if not surnames:
        return
    for tok in doc:
        c = surnames.get(tok.text)
        if c is not None and tok.i not in by_token and any(a <= tok.idx < b for a, b in ranges):
            c.mentions.append((tok.i, tok.i + 1))
            by_token[tok.i] = c


def find_entities(doc: Doc, ranges: Iterable[tuple[int, int]], lang: LanguageData) -> EntityIndex:
    """Cluster the named entities inside the character ``ranges`` of ``doc``.

    Full person names first (so that a bare surname, whatever label the model gave it, joins
    the person it names), then everything else by its folded text and majority label.
    """
    ranges = list(ranges)
    mentions = _mentions(doc, ranges, lang)
    clusters: list[Cluster] = []
    people: dict[str, list[_Bearer]] = {}
    assigned: dict[tuple[int, int], Cluster] = {}
    for s, e, label in mentions:
        if label == "PER" and e - s > 1:
            assigned[(s, e)] = _person_cluster(doc, s, e, people, clusters)
    others: dict[str, list[tuple[int, int, str]]] = {}
    for s, e, label in mentions:
        if (s, e) in assigned:
            continue
        key = fold(doc[s:e].text)
        if key in people:
            assigned[(s, e)] = _person_cluster(doc, s, e, people, clusters)
        else:
            others.setdefault(key, []).append((s, e, label))
    _merge_acronyms(doc, others)
    for group in others.values():
        labels = Counter(lab for _, _, lab in group)
        # A bare name no full person name explains: the model's PER on one mention is less
        # reliable than LOC/ORG on another ("Washington", "Kremlin").
        label = next((lab for lab, _ in labels.most_common() if lab != "PER"), "PER")
        if label == "PER":
            for s, e, _ in group:
                assigned[(s, e)] = _person_cluster(doc, s, e, people, clusters)
            continue
        cluster = _new(clusters, label)
        for s, e, _ in group:
            assigned[(s, e)] = cluster
    by_token: dict[int, Cluster] = {}
    for (s, e), cluster in sorted(assigned.items()):
        cluster.mentions.append((s, e))
        _add_evidence(doc, s, e, cluster, lang)
        for i in range(s, e):
            by_token[i] = cluster
    for c in clusters:
        c.name = _name(doc, c)
    clusters = [c for c in clusters if c.mentions]
    _surname_mentions(doc, ranges, clusters, by_token)
    for c in clusters:
        c.mentions.sort()
    return EntityIndex(clusters, by_token)


def _merge_acronyms(doc: Doc, others: dict[str, list[tuple[int, int, str]]]) -> None:
    """Join an acronym to the name it abbreviates in the same article (*LREM* → *La
    République en marche*, *LR* → *Les Républicains*, *OSCE* → *Organisation pour la sécurité
    et la coopération en Europe*): one organisation, named in full."""
    expansions: dict[str, str] = {}
    for key, group in others.items():
        s, e, _ = group[0]
        for initials in _initials(doc[s:e].text):
            expansions.setdefault(initials, key)
    for key in list(others):
        s, e, _ = others[key][0]
        text = doc[s:e].text
        target = expansions.get(text.lower()) if text.isupper() and 2 <= len(text) <= ACRONYM_MAX else None
        if target and target != key and target in others:
            others[target].extend(others.pop(key))


# Longest acronym joined to its expansion: longer all-capital words are names of their own.
ACRONYM_MAX = 6
_LINK_WORDS = frozenset({"de", "du", "des", "d", "pour", "et", "à", "au", "aux"})
_FUNCTION_WORDS = _LINK_WORDS | {"la", "le", "les", "l", "en"}


def _initials(name: str) -> set[str]:
    """Acronyms a multi-word name may go by: initials of all its words, of its words without
    *de / pour / et / à*, and of its content words."""
    words = [w for w in re.split(r"[\s'’-]+", name.lower()) if w]
    if len(words) < 2:
        return set()
    variants = (
        words,
        [w for w in words if w not in _LINK_WORDS],
        [w for w in words if w not in _FUNCTION_WORDS],
    )
    return {"".join(w[0] for w in v) for v in variants if len(v) >= 2}


def _add_evidence(doc: Doc, s: int, e: int, cluster: Cluster, lang: LanguageData) -> None:
    """Gender and roles read around one mention."""
    if cluster.type == "PER":
        evidence = _gender_from_context(doc, s, e, lang)
        for role in (_role_before(doc, s, lang), _role_after(doc, e, lang)):
            if role and role not in cluster.roles:
                cluster.roles.append(role)
    else:
        g = _org_gender(doc, s)
        evidence = (g, 1) if g else None
    if evidence:
        cluster.genders[evidence[0]] += evidence[1]


def _org_gender(doc: Doc, s: int) -> str | None:
    """Grammatical gender from the article before a name: needed for ``elle`` → la Mairie."""
    if s == 0:
        return None
    g = doc[s - 1].morph.get("Gender") if doc[s - 1].pos_ == "DET" else []
    return ("f" if g == ["Fem"] else "m") if g else None


def _new(clusters: list[Cluster], label: str) -> Cluster:
    c = Cluster(id=f"e{len(clusters)}", type=label)
    clusters.append(c)
    return c


@dataclass
class _Bearer:
    """A person cluster under one surname: the given names and mention starts seen so far."""

    cluster: Cluster
    firsts: set[str] = field(default_factory=set)
    starts: list[int] = field(default_factory=list)

    def rank(self, s: int) -> tuple[int, int]:
        """Most mentioned first; ties: the one named last before token ``s``."""
        return len(self.starts), max((x for x in self.starts if x < s), default=-1)


def _person_cluster(
    doc: Doc, s: int, e: int, people: dict[str, list[_Bearer]], clusters: list[Cluster]
) -> Cluster:
    """The person cluster of the mention ``doc[s:e]``: one with its surname and a given name
    compatible with its own (*Penelope Fillon* and *François Fillon* are two people), else a
    new one. A bare surname joins the most mentioned bearer (*Fillon* is François, whom the
    article is about). ``people`` maps a surname, and each part of a hyphenated one (the
    recogniser cuts *Dupond-Moretti* to *Moretti*), to its bearers, filled as mentions are
    assigned (a cluster's own mentions are only filled in afterwards)."""
    last, first = _person_key(doc, s, e)
    bearers = people.get(last, [])
    if first is None:
        bearer = max(bearers, key=lambda b: b.rank(s)) if bearers else None
    else:
        bearer = next(
            (b for b in bearers if not b.firsts or any(_same_first(first, f) for f in b.firsts)), None
        )
    if bearer is None:
        bearer = _Bearer(_new(clusters, "PER"))
        people.setdefault(last, []).append(bearer)
    if first is not None:
        bearer.firsts.add(first)
        # a hyphenated surname after a given name (*Eric Dupond-Moretti*; not *Russie-OTAN*)
        for part in last.split("-") if "-" in last else ():
            if all(b is not bearer for b in people.get(part, [])):
                people.setdefault(part, []).append(bearer)
    bearer.starts.append(s)
    return bearer.cluster


def _name(doc: Doc, c: Cluster) -> str:
    """Most frequent longest form (ties: the first), e.g. ``Dmitri Peskov``."""
    forms = [doc[s:e].text for s, e in c.mentions]
    if c.type == "PER":
        longest = max(len(f.split()) for f in forms)
        full = [f for f in forms if len(f.split()) == longest]
        counts = Counter(full)
        return max(full, key=lambda f: (counts[f], -full.index(f)))
    full = [f for f in forms if not f.isupper()] or forms  # "La République en marche", not "LREM"
    return max(full, key=lambda f: (full.count(f), len(f)))


def to_records(doc: Doc, index: EntityIndex) -> tuple[Entity, ...]:
    """The clusters as Entity records (character offsets into the article text)."""
    return tuple(
        Entity(
            id=c.id,
            name=c.name,
            type=c.type,
            roles=tuple(c.roles),
            gender=c.gender,
            mentions=tuple(
                TextSpan(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text) for s, e in c.mentions
            ),
        )
        for c in index.clusters
    )
