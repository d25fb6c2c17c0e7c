"""Cues: verbs of saying in a parsed sentence — their verb group, subject, complement.

Pure functions over spaCy tokens. The parser of the small French models is often wrong
around quotes, so each function reads the surface first (token order, part of speech,
lemma) and falls back on the dependency tree only where the surface says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from lasswell.lang import LanguageData

SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})
CLITICS = frozenset(
    {
        "lui",
        "leur",
        "nous",
        "vous",
        "me",
        "m'",
        "te",
        "t'",
        "y",
        "en",
        "se",
        "s'",
        "l'",
        "le",
        "la",
        "les",
        "ne",
        "n'",
    }
)
NP_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM"})
NP_LINKS = frozenset({"de", "du", "des", "d'", "d’", "et", "-", "à", "au", "aux"})
STOP_CONJ = frozenset({"et", "mais", "puis", "ou", "en"})
# Between a cue verb and its que/de complement, at most this many tokens ("a déclaré mardi
# aux journalistes que": 3; "a répété les avertissements de l'administration selon": 5).
MAX_COMPLEMENT_GAP = 6
# A postposed subject is looked for in at most this many tokens after the verb group.
MAX_POSTPOSED_SKIP = 5


# Words of adverbials that may sit inside a verb group ("a-t-il par exemple déclaré").
GROUP_ADVERBIALS = frozenset({"par", "exemple", "pour", "sa", "part", "ailleurs"})


@dataclass(frozen=True)
class Group:
    """A verb group ``a-t-il également déclaré``: token range and the cue lemma."""

    start: int
    end: int
    verb: int
    lemma: str
    inverted: int | None  # index of an inverted subject pronoun (-il, -elle)


# Present and past-participle endings → infinitive, for verbs the tagger took for nouns
# ("synthétise", "renchérit", "conclut", "affirment", "Raconté").
_VERB_ENDINGS = (
    ("ées", "er"),
    ("és", "er"),
    ("ée", "er"),
    ("é", "er"),
    ("ent", "er"),
    ("ant", "er"),  # present participles the tagger took for adjectives (martelant)
    ("e", "er"),
    ("it", "ir"),
    ("ut", "ure"),
)


def lemmas(tok: Token) -> set[str]:
    """Lemma candidates of a token, robust to lemmatiser slips (``Raconté`` → raconter)."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suffix, infinitive in _VERB_ENDINGS:
        if low.endswith(suffix):
            out.add(low[: -len(suffix)] + infinitive)
    return out


def inverted_pronoun(tok: Token) -> bool:
    """``-il``, ``-elle``, ``-t-il`` parts: an inverted subject pronoun."""
    return tok.text.startswith("-") and tok.lower_.lstrip("-") in SUBJECT_PRONOUNS


def _euphonic(tok: Token) -> bool:
    return tok.lower_ in ("-t", "t", "-t-")


def cue_lemma(
    doc: Doc, i: int, lang: LanguageData, kinds: tuple[str, ...], verb_slot: bool = False
) -> str | None:
    """The cue lemma of token ``i`` if it is a verb of saying of one of ``kinds``.

    ``verb_slot``: the position can only hold a verb (right after a quotation and its comma),
    so a word the tagger called a noun (``synthétise``) is read as the verb it is."""
    tok = doc[i]
    followed_by_pronoun = i + 1 < len(doc) and (inverted_pronoun(doc[i + 1]) or _euphonic(doc[i + 1]))
    # "en martelant": en + a word in -ant is a gerund, a verb whatever the tagger said
    gerund = i > 0 and doc[i - 1].lower_ == "en" and tok.lower_.endswith("ant")
    followed_by_pronoun = followed_by_pronoun or gerund
    if tok.is_punct or not tok.is_alpha:
        return None
    # a hyphenated inverted subject (``remarque-t-il``, ``tranche-t-il``) makes any word a
    # verb, whatever the tagger said (it tags such words PRON or NUM as well)
    if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "X", "PROPN") and not followed_by_pronoun:
        return None
    if (
        tok.pos_ in ("NOUN", "ADJ", "PROPN")
        and not tok.lower_.endswith(("é", "ée", "és", "ées"))
        and not followed_by_pronoun
        and not verb_slot
    ):
        return None  # "remarque-t-il" is a verb whatever the tagger says; "remarque" alone is not
    cands = lemmas(tok)
    if i > 0 and doc[i - 1].lemma_ in ("faire", "croire"):
        cands |= {f"{doc[i - 1].lemma_} {c}" for c in cands}  # "fait valoir", "croit savoir"
    if i + 2 < len(doc) and doc[i + 1].lower_ == "en" and doc[i + 2].lower_ == "garde":
        cands.add("mettre en garde")
    for kind in kinds:
        hit = cands & lang.cues.get(kind, frozenset())
        if hit:
            return max(hit, key=len)
    return None


def verb_group(doc: Doc, i: int, sent: Span) -> Group:
    """The verb group around cue token ``i``: auxiliaries, adverbs, inverted pronoun."""
    start = i
    skip = {"ne", "n'"}
    while start - 1 >= sent.start:
        t = doc[start - 1]
        light_verb = t.lemma_ in ("faire", "croire") and start == i  # "fait valoir", "croit savoir"
        joins = t.pos_ == "AUX" or light_verb or inverted_pronoun(t) or _euphonic(t)
        inside = (t.pos_ == "ADV" and t.lower_ not in skip) or t.lower_ in GROUP_ADVERBIALS
        if joins or (inside and _aux_before(doc, start - 1, sent)):
            start -= 1
        else:
            break
    while start < i and doc[start].pos_ not in ("AUX", "VERB") and doc[start].lemma_ != "faire":
        start += 1
    end, inverted = i + 1, None
    for j in range(start, min(len(doc), i + 3)):
        if j < sent.end and inverted_pronoun(doc[j]):
            inverted = j
            end = max(end, j + 1)
        elif j > i and not _euphonic(doc[j]):
            break
        elif j > i:
            end = j + 1
    return Group(start, end, i, doc[i].lemma_, inverted)


def _aux_before(doc: Doc, j: int, sent: Span) -> bool:
    """Is there an auxiliary within the 4 tokens before ``j`` (an adverb inside a group)?"""
    return any(doc[k].pos_ == "AUX" for k in range(max(sent.start, j - 4), j))


def negated(doc: Doc, g: Group, lang: LanguageData) -> bool:
    """``n'a pas dit``, ``ne dément pas``: negated speech is not a quote."""
    negators = set(lang.cues.get("negators", ()))
    before = {doc[k].lower_ for k in range(max(0, g.start - 3), g.start)}
    if not before & {"ne", "n'", "n’"}:
        return False
    return any(doc[k].lower_ in negators for k in range(g.start, min(len(doc), g.end + 2)))


def hypothetical(doc: Doc, g: Group, lang: LanguageData) -> bool:
    """``pourrait annoncer``, ``devrait dire``: a modal before an infinitive cue."""
    if "Inf" not in doc[g.verb].morph.get("VerbForm"):
        return False
    modals = lang.cues.get("modal_blockers", frozenset())
    return any(doc[k].lemma_ in modals for k in range(max(0, g.start - 3), g.start))


def subject_before(doc: Doc, g: Group, sent: Span, lang: LanguageData) -> tuple[int, int] | None:
    """The subject noun phrase before the group (surface), skipping one apposition."""
    j = g.start - 1
    while j >= sent.start and (doc[j].lower_ in CLITICS and doc[j].pos_ in ("PRON", "ADV")):
        j -= 1
    if j >= sent.start and doc[j].text == ",":
        name = _name_apposition(doc, j, sent)
        if name:
            return name  # "Le ministre de la Justice, Bekir Bozdag, a précisé"
        j = _skip_apposition(doc, j, sent, lang)
    found = np_ending_at(doc, j, sent)
    head = found and (
        doc[found[0] + 1] if doc[found[0]].pos_ == "DET" and found[1] - found[0] > 1 else doc[found[0]]
    )
    if (
        found
        and found[0] - 2 >= sent.start
        and doc[found[0] - 1].text == ","
        and doc[found[0] - 2].ent_type_ == "PER"
        and doc[found[0] - 2].lower_ not in lang.words("time_words")  # "Vendredi, la ministre …"
        and not any(doc[k].ent_type_ == "PER" for k in range(*found))  # the role names its person
        and head.lower_ in lang.words("role_nouns")
    ):
        k = found[0] - 2  # "Bruno Le Maire, ministre de l'Économie a affirmé": the named person
        while k - 1 >= sent.start and doc[k - 1].ent_type_ == "PER" and doc[k - 1].ent_iob_ != "O":
            k -= 1
        return (k, found[0] - 1)
    return found


def np_ending_at(doc: Doc, j: int, sent: Span) -> tuple[int, int] | None:
    """The noun phrase (or lone subject pronoun) whose last token is ``j``, read leftwards."""
    end = j + 1
    if j < sent.start or doc[j].pos_ == "CCONJ":
        return None  # "… dément et dit": the subject is the first verb's
    while j >= sent.start and _np_token(doc[j]):
        if doc[j].pos_ == "PRON":
            if (
                doc[j].lower_ in SUBJECT_PRONOUNS | {"qui", "celui-ci", "celle-ci", "ce", "cela"}
                and j == end - 1
            ):
                return (j, end)
            if doc[j].lower_ not in ("un", "une") or j - 1 < sent.start or doc[j - 1].pos_ != "DET":
                break  # "l'un des participants" goes on; other pronouns end the phrase
        j -= 1
    start = j + 1
    while start < end and (
        doc[start].lower_ in NP_LINKS and doc[start].pos_ != "DET" or doc[start].pos_ in ("ADP", "CCONJ")
    ):
        start += 1  # a leading "de"/"et" links to what came before; "Des militants" keeps "Des"
    while end > start and doc[end - 1].lower_ in NP_LINKS:
        end -= 1
    return (start, end) if end > start else None


def _name_apposition(doc: Doc, comma: int, sent: Span) -> tuple[int, int] | None:
    """``, Bekir Bozdag ,`` right before the verb: the person named in the apposition."""
    k = comma - 1
    while k >= sent.start and doc[k].text != "," and comma - k < 6:
        k -= 1
    seg = doc[k + 1 : comma]
    if k < sent.start or doc[k].text != "," or not len(seg):
        return None
    if all(t.ent_type_ == "PER" or t.pos_ == "PROPN" for t in seg) and any(t.ent_type_ == "PER" for t in seg):
        return (k + 1, comma)
    return None


def _np_token(t: Token) -> bool:
    adjectival = t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense")
    return (
        (
            t.pos_ in NP_POS
            or t.lower_ in NP_LINKS
            or t.pos_ == "PRON"
            or t.pos_ == "X"
            and t.text[:1].isupper()
            or adjectival  # "un membre de sa garde rapprochée"
        )
        and not t.is_punct
        or t.text == "-"
    )


def adverbial_end(doc: Doc, j: int, lang: LanguageData) -> int:
    """End of a fixed adverbial starting at ``j`` (``de son côté``, ``pour sa part``), else ``j``."""
    for phrase in lang.lexicon["incise_adverbials"]:
        n = len(phrase)
        if [t.lower_ for t in doc[j : j + n]] == [w.lower() for w in phrase]:
            return j + n
    return j


def _skip_apposition(doc: Doc, comma: int, sent: Span, lang: LanguageData) -> int:
    """``Kosachev, vice-président du Conseil, a dit``: jump back over the apposition."""
    k = comma - 1
    while k >= sent.start and doc[k].text != "," and k > comma - 12:
        k -= 1
    if k < sent.start or doc[k].text != ",":
        return comma
    first = doc[k + 1] if doc[k + 1].pos_ != "DET" else doc[k + 2]
    if first.lower_ in lang.words("role_nouns"):
        return k - 1
    if (
        all(t.pos_ in ("ADV", "ADP", "DET", "NOUN") and not t.ent_type_ for t in doc[k + 1 : comma])
        and comma - k <= 4
    ):
        return k - 1  # "François Fillon, cependant, refuse": an adverbial aside
    return comma


def subject_from_tree(doc: Doc, i: int, sent: Span) -> tuple[int, int] | None:
    """The parser's subject of token ``i`` (through conjunctions and relative ``qui``)."""
    t = doc[i]
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubj:pass") and sent.start <= c.i < sent.end:
                if "Rel" in c.morph.get("PronType") and t.dep_.startswith("acl"):
                    h = t.head
                    return (h.left_edge.i, h.i + 1)
                return _clip_np(doc, c)
        if t.dep_ in ("conj", "advcl", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _clip_np(doc: Doc, head: Token) -> tuple[int, int]:
    """The subtree of ``head`` cut at commas, relative pronouns and verbs."""
    s, e = head.i, head.i + 1
    while s - 1 >= head.left_edge.i and doc[s - 1].text != "," and doc[s - 1].pos_ not in ("VERB", "AUX"):
        s -= 1
    while (
        e <= head.right_edge.i
        and doc[e].text not in (",", "(")
        and doc[e].pos_ not in ("VERB", "AUX")
        and "Rel" not in doc[e].morph.get("PronType")
    ):
        e += 1
    while e - 1 > head.i and doc[e - 1].pos_ in ("ADV", "CCONJ"):
        e -= 1  # "Le ministère du Travail dément et dit": a verb the tagger took for an adverb
    return s, e


def subject_after(doc: Doc, g: Group, sent: Span, lang: LanguageData) -> tuple[int, int] | None:
    """A postposed subject: ``a déclaré mardi le porte-parole du Kremlin, Dmitri Peskov``."""
    if g.inverted is not None:
        return (g.inverted, g.inverted + 1)
    skip = lang.words("time_words")
    j = g.end
    while j < sent.end and j - g.end < MAX_POSTPOSED_SKIP:
        if (adv := adverbial_end(doc, j, lang)) > j:
            j = adv  # "estime de son côté une figure de LREM"
        elif doc[j].lower_ in ADJUNCT_PREPS and (pp_end := _pp_end(doc, j, sent)) is not None:
            j = pp_end  # "synthétise pour l'AFP Jean-Michel Ribes", "auprès de l'AFP"
        elif doc[j].lower_ in skip and doc[j].pos_ != "PROPN" or doc[j].pos_ == "ADV":
            j += 1
        elif doc[j].lower_ in ("le", "l'") and j + 1 < sent.end and doc[j + 1].text[:1].isdigit():
            j += 2  # "ont annoncé le 26 mars les Nations unies"
        elif (
            doc[j].text == ","
            and j + 1 < sent.end
            and doc[j + 1].lower_ in ADJUNCT_PREPS
            and (pp_end := _pp_end(doc, j + 1, sent, allow_comma=True)) is not None
        ):
            j = pp_end + 1 if pp_end < sent.end and doc[pp_end].text == "," else pp_end  # ", à Reuters,"
        else:
            break
    if j < sent.end and doc[j].lower_ in ("celui", "celle", "celui-ci", "celle-ci"):
        return (j, j + 1)  # "détaille celui qui est aussi membre du conseil": the one just named
    if (
        j + 1 < sent.end
        and doc[j].lower_ in ("un", "une", "chacun", "certains", "plusieurs", "beaucoup")
        and doc[j + 1].lower_ in ("de", "des", "d'", "d’", "du")
    ):
        e = j + 1  # "a confié un des adjoints d'Anne Hidalgo au Monde"
        while (
            e < sent.end
            and doc[e].lower_ not in ADJUNCT_PREPS
            and not doc[e].is_punct
            and (doc[e].pos_ in NP_POS or doc[e].lower_ in ("de", "des", "d'", "d’", "du"))
        ):
            e += 1
        return (j, e)
    if j >= sent.end or doc[j].pos_ not in ("DET", "PROPN", "NOUN", "X", "ADJ"):
        return None
    if doc[j].pos_ == "NOUN" and doc[j].text[:1].islower() and j > 0 and doc[j - 1].pos_ != "DET":
        return None
    e = j
    if doc[j].pos_ == "DET" and j + 1 < sent.end and doc[j + 1].lower_ in ("un", "une"):
        e = j + 2  # "l'un d'eux", "l'une des participantes"
    while (
        e < sent.end
        and doc[e].lower_ not in ADJUNCT_PREPS
        and not (e > j and doc[e].lower_ in skip)
        and (
            doc[e].pos_ in NP_POS
            or doc[e].lower_ in ("de", "du", "des", "d'", "d’", "-")
            or doc[e].pos_ == "X"
            and doc[e].text[:1].isupper()
            or doc[e].lower_ in ("eux", "elles")
            and doc[e - 1].lower_ in ("d'", "d’")
        )
        and not doc[e].is_punct
    ):
        e += 1
    if e + 1 < sent.end and doc[e].text == "," and doc[e + 1].ent_type_ == "PER":
        e += 1
        while e < sent.end and doc[e].ent_type_ == "PER" or e < sent.end and doc[e].text == ",":
            if doc[e].text == ",":
                break
            e += 1
    while e > j and doc[e - 1].lower_ in NP_LINKS:
        e -= 1
    if e > j and any(t.lower_ in lang.words("role_nouns") for t in doc[j:e]):
        e = _role_name_end(doc, e, sent)
    return (j, e) if e > j else None


# A role's complement before its holder's name is at most this many words (*la secrétaire
# d'État | à la Transition écologique | Brune Poirson*).
ROLE_COMPLEMENT_MAX = 6


def _role_name_end(doc: Doc, e: int, sent: Span) -> int:
    """The end of the name that follows a role's complement (*la secrétaire d'État à la
    Transition écologique Brune Poirson*), or ``e`` when no name follows it closely."""
    k = e
    while k < sent.end and k - e <= ROLE_COMPLEMENT_MAX and doc[k].ent_type_ != "PER":
        if doc[k].is_punct or doc[k].pos_ not in ("ADP", "DET", "NOUN", "ADJ", "PROPN"):
            return e
        k += 1
    if k >= sent.end or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "PER":
        return e
    k += 1
    while k < sent.end and doc[k].ent_iob_ == "I":
        k += 1
    return k


ADJUNCT_PREPS = frozenset({"pour", "auprès", "à", "au", "aux", "devant", "sur", "dans", "lors", "depuis"})


def _pp_end(doc: Doc, j: int, sent: Span, allow_comma: bool = False) -> int | None:
    """End of a short prepositional phrase at ``j`` (``à l'AFP``, ``sur LCI``, ``auprès du Monde``)
    when a subject follows it; None when what follows is not a noun phrase."""
    k = j + 1
    if k < sent.end and doc[k].lower_ in ("de", "du", "des", "d'"):
        k += 1
    if k < sent.end and doc[k].pos_ == "DET":
        k += 1
    if k >= sent.end or doc[k].pos_ not in ("NOUN", "PROPN", "X"):
        return None
    ends = []
    if doc[k].ent_iob_ == "B":  # the whole name ("à l'Agence France-Presse")
        e = k + 1
        while e < sent.end and doc[e].ent_iob_ == "I":
            e += 1
        ends.append(e)
    e = k + 1  # one word and its adjectives ("à l'AFP" when the model glued the next name on)
    while e < sent.end and doc[e].pos_ == "ADJ":
        e += 1
    ends.append(e)
    for e in ends:
        if allow_comma and e + 1 < sent.end and doc[e].text == ",":
            return e
        if e < sent.end and doc[e].pos_ in ("DET", "PROPN", "NOUN", "X"):
            return e
    return None


def addressee_after(doc: Doc, start: int, sent: Span, lang: LanguageData) -> tuple[int, int] | None:
    """``aux journalistes``, ``au Parisien``, ``à l'AFP``, ``auprès du Monde`` after a cue."""
    heads = lang.words("addressee_heads")
    humans = lang.words("human_nouns") | lang.words("role_nouns")
    j = start
    while j < sent.end and j - start < 8:
        t = doc[j]
        if t.lower_ in ("à", "au", "aux", "auprès", "devant"):
            e = j + 1
            while (
                e < sent.end
                and (doc[e].pos_ in NP_POS or doc[e].lower_ in ("de", "du", "d'", "l'"))
                and e - j < 8
            ):
                e += 1
            times = lang.words("time_words")
            while e > j + 1 and (doc[e - 1].lower_ in times or doc[e - 1].lower_ in NP_LINKS):
                e -= 1  # "à la nation lundi soir", "à leurs citoyens de": not the addressee's words
            words = {x.lower_ for x in doc[j + 1 : e]}
            first_noun = next((x for x in doc[j + 1 : e] if x.pos_ == "NOUN"), None)
            # "à une manifestante", "aux habitants": a person noun heading the phrase
            person = first_noun is not None and first_noun.lemma_.lower() in humans
            if words & heads or person or any(x.ent_type_ in ("PER", "ORG") for x in doc[j + 1 : e]):
                return (j, e)
            return None
        if t.is_punct or t.pos_ in ("VERB", "SCONJ"):
            return None
        j += 1
    return None
