"""Dependency-tree helpers shared by the event extractors: lemmas, clitics, clause heads,
negation and mood as the French spaCy models annotate them.

The closed-class words here (*ne … pas*, *se*, the clitics) are grammar, not vocabulary: the
open word lists live in ``lang/<code>/events.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_CLAUSE_DEPS = {"ccomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis", "xcomp", "conj"}


_NEG = {"pas", "jamais", "plus", "guère", "aucunement", "nullement", "point"}


_REFLEXIVE = {"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"}


_SE = frozenset({"se", "s'"})


_CLITICS = frozenset({"en", "y", "le", "la", "les", "l'", "lui", "leur", "ne", "n'"})


_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "DET"}


_CND_ENDINGS = ("ait", "aient", "ais", "ions", "iez")


# The intransitive verbs conjugated with *être* (a closed class of French grammar, with their
# common prefixed forms).
_ETRE_VERBS = frozenset(
    {
        "aller",
        "venir",
        "arriver",
        "partir",
        "entrer",
        "sortir",
        "monter",
        "descendre",
        "naître",
        "mourir",
        "rester",
        "retourner",
        "tomber",
        "devenir",
        "revenir",
        "parvenir",
        "intervenir",
        "survenir",
        "rentrer",
        "redescendre",
        "remonter",
        "repartir",
        "ressortir",
        "décéder",
        "accourir",
        "advenir",
        "demeurer",
    }
)


# The forms of *de* introducing a complement (*du*, *des*, elided *d'*).
OF_CASES = frozenset({"de", "du", "des", "d'", "d’"})


def lemma_of(t: Token) -> str:
    """The lower-cased lemma, typographic apostrophe normalised."""
    return t.lemma_.lower().replace("’", "'")


def case_of(t: Token) -> str:
    """The preposition(s) introducing ``t`` (*à*, *auprès de*), or ""."""
    return " ".join(c.lower_ for c in t.children if c.dep_ in ("case", "fixed"))


def is_reflexive(t: Token) -> bool:
    """*se / s'* on the verb, however the parser attached it (*s'en prenant*, *s'en serait pris*)."""
    if any(c.lower_ in _REFLEXIVE and c.dep_.startswith(("expl", "obj", "iobj")) for c in t.children):
        return True
    return clitic_before(t, _SE)


def clitic_before(t: Token, words: frozenset[str]) -> bool:
    """One of ``words`` among the clitics and auxiliaries right before the verb."""
    doc = t.doc
    for k in range(t.i - 1, max(-1, t.i - 5), -1):
        w = doc[k].lower_.replace("’", "'")
        if w in words:
            return True
        if not (w in _CLITICS or doc[k].pos_ == "AUX" or doc[k].dep_.startswith("aux")):
            return False
    return False


def is_negated(t: Token) -> bool:
    """*ne … pas / jamais / plus* on the verb or its auxiliary."""
    heads = [t, *(c for c in t.children if c.dep_.startswith("aux"))]
    return any(c.lower_ in _NEG and c.dep_ == "advmod" for h in heads for c in h.children) or any(
        c.lower_ in ("ne", "n'", "n’") for c in t.children
    )


def is_conditional(t: Token) -> bool:
    """Simple conditional mood; the tagger often calls *entraînerait* an imperfect, so a verb spelt
    infinitive + imperfect ending counts too (*déclarait* is not, *déclarerait* is)."""
    # Only the verb itself: a compound conditional (*aurait accusé*, *s'en serait pris*) is the
    # press's reported allegation, which the gold counts as an event.
    if "Cnd" in t.morph.get("Mood"):
        return True
    text, stem = t.lower_, lemma_of(t).removesuffix("e")
    return (
        t.pos_ == "VERB"
        and stem.endswith("r")
        and text.startswith(stem)
        and text[len(stem) :] in _CND_ENDINGS
    )


_FUT_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")


def is_future(t: Token) -> bool:
    """Future tense; the tagger often calls *arrêterai* a present, so a verb spelt infinitive
    (final *e* dropped: *prendrai*) + future ending counts too."""
    if "Fut" in t.morph.get("Tense"):
        return True
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma, text = lemma_of(t), t.lower_
    return any(text == stem + end for stem in {lemma, lemma.removesuffix("e")} for end in _FUT_ENDINGS) and (
        lemma.endswith(("er", "ir", "re"))
    )


def clause_head(t: Token) -> Token:
    """The verb (or root) heading the clause ``t`` is in. Nouns and adjectives climb through
    any relation (*une réunion … et une session*, *lundi* parsed as xcomp); an adjectival
    predicate heading a clause of its own stops."""
    while t.head.i != t.i and t.pos_ != "VERB" and (t.pos_ in _NOMINAL or t.dep_ not in _CLAUSE_DEPS):
        t = t.head
    return t


def is_passive(t: Token) -> bool:
    """Passive voice (an *être* auxiliary of passive), a reflexive *s'est …* excepted, and the
    verbs whose compound tenses take *être* (*sont descendus*, *serait allé*; *ont été
    sortis* is a passive), which the parser labels passive."""
    if not any(c.dep_ == "aux:pass" for c in t.children) or is_reflexive(t):
        return False
    if lemma_of(t) in _ETRE_VERBS:
        return any(c.lower_ == "été" for c in t.children)
    return True


def entity_span(t: Token) -> tuple[int, int] | None:
    """Token range of the named entity ``t`` is in, read from its IOB tags (cheaper than
    scanning ``doc.ents`` for every argument)."""
    if not t.ent_type_:
        return None
    doc, start, end = t.doc, t.i, t.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def head_of(doc: Doc, s: int, e: int) -> Token:
    """The token of ``doc[s:e]`` whose head lies outside it."""
    for t in doc[s:e]:
        if not (s <= t.head.i < e) or t.head.i == t.i:
            return t
    return doc[s]


def tok_range(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The token range covering the characters ``a:b``, or None."""
    span = doc.char_span(a, b, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


_NOT_IN_CONJUNCT = ("conj", "cc", "punct", "acl", "acl:relcl", "xcomp", "advcl", "appos", "ccomp")


def _conj_children(h: Token, s: int, e: int) -> list[Token]:
    return [c for c in h.children if c.dep_ == "conj" and s <= c.i < e and c.i > h.i]


def conjuncts(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """The coordinated phrases of ``doc[s:e]`` (*la LICRA et SOS Racisme* → *la LICRA*, *SOS
    Racisme*), each without its conjunction or comma; the whole range when there is one."""
    root = head_of(doc, s, e)
    nominal = ("NOUN", "PROPN", "PRON", "NUM")
    heads = [root, *_conj_children(root, s, e)]
    while len(heads) > 1:  # a chain, each conjunct hung on the one before (*PPE, PSE et Renaissance*)
        nxt = _conj_children(heads[-1], s, e)
        if len(nxt) != 1:
            break
        heads.append(nxt[0])
    heads = [h for h in heads if h is root or h.pos_ in nominal]
    if len(heads) == 1 or not any(c.dep_ == "cc" for c in heads[-1].children):
        return [(s, e)]  # no "et" / "ou": an apposition misread (*un humanitaire, Benoît Maria,*)

    def joiner(t: Token) -> bool:
        return t.dep_ == "cc" or t.text == ","

    out = []
    for k, h in enumerate(heads):
        start = s if k == 0 else h.left_edge.i
        while start < h.i and joiner(doc[start]):
            start += 1
        end = e if k == len(heads) - 1 else heads[k + 1].left_edge.i
        own = [c.right_edge.i for c in h.children if c.dep_ not in _NOT_IN_CONJUNCT and c.i > h.i]
        end = min(end, max([h.i, *own]) + 1)  # not a clause hung on it (*d'autres personnes d'être …*)
        paren = next((k for k in range(h.i + 1, end) if doc[k].text == "("), None)
        end = paren if paren is not None else end  # "PSE (social-démocrate)": the name without its gloss
        while end > start + 1 and joiner(doc[end - 1]):
            end -= 1
        out.append((start, end))
    return out


def fronted_participle_subject(t: Token) -> Token | None:
    """*Interpellé par la police, le suspect a été placé en garde à vue*: a past participle
    opening its sentence, set off by a comma, says what the main clause's subject underwent."""
    past = "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense")
    if not past or t.dep_ not in ("advcl", "acl", "amod") or t.head.i <= t.i:
        return None
    doc = t.doc
    if t.left_edge.i != t.sent.start or t.right_edge.i + 1 >= len(doc) or doc[t.right_edge.i + 1].text != ",":
        return None
    if any(c.dep_.startswith("aux") or c.dep_.startswith("nsubj") for c in t.children):
        return None
    return next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
