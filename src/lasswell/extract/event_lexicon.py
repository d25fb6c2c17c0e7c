"""The event lexicon of a language (``lang/<code>/events.json``), indexed for lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lasswell.lang import LanguageData, _read_json, load_language

# Confidence of a trigger by how it was found: reflexive verbs and phrases are specific
# ("s'entretenir", "mettre en garde"), plain verbs less so, nouns least (they are often
# mentions of an event asserted elsewhere). Set from the dev-set precision of each kind.
TRIGGER_CONFIDENCE = {
    "phrase": 0.8,
    "reflexive": 0.75,
    "verb": 0.7,
    "negated": 0.7,
    "desire": 0.6,
    "noun": 0.6,
}


@dataclass(frozen=True)
class Lexicon:
    """The trigger data of one language, indexed for lookup."""

    verbs: dict[str, tuple[str, ...]]
    reflexive: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    phrases: dict[tuple[str, ...], tuple[str, str]]  # lemma sequence → (type, kind)
    negated: dict[str, str]
    data: dict[str, Any]
    by_first: dict[str, tuple[tuple[str, ...], ...]]
    forms: dict[str, str]
    time_words: frozenset[str]  # the language's lexicon: a time word is never an actor
    code: str = "fr"  # the language, for the gazetteer lookups the rules make
    humans: frozenset[str] = frozenset()  # nouns of people and bodies that can act or undergo
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the data file as a set, built once (the extractors ask per token)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.data.get(key, ()))
        return found


def _index(groups: dict[str, list[str]], kind: str, phrases: dict) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for etype, lemmas in groups.items():
        for lemma in lemmas:
            if " " in lemma and not (kind == "reflexive" and lemma.startswith("en ")):
                phrases.setdefault(tuple(lemma.split()), (etype, kind))
            else:
                out.setdefault(lemma, []).append(etype)
    return {k: tuple(v) for k, v in out.items()}


# Endings of regular -er verbs, for tokens the lemmatizer gets wrong (*ironise* → "ironis",
# *élevé* left as an adjective): the form is looked up against the trigger verbs themselves.
_ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ant", "er", "a", "ait", "aient", "ons", "ez")


@cache
def lexicon(code: str) -> Lexicon:
    """The event lexicon of a language (``lang/<code>/events.json``)."""
    data = _read_json(code, "events.json")
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    verbs = _index(data["verbs"], "verb", phrases)
    reflexive = _index(data["reflexive"], "reflexive", phrases)
    nouns = _index(data["nouns"], "noun", phrases)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(seq[0], []).append(seq)
    firsts = {k: tuple(v) for k, v in by_first.items()}
    forms = {
        lemma[:-2] + end: lemma
        for lemma in (*verbs, *(k.split()[-1] if k.startswith("en ") else k.split()[0] for k in reflexive))
        if lemma.endswith("er")
        for end in _ER_ENDINGS
    }
    words = load_language(code).words
    humans = words("human_nouns") | words("role_nouns") | frozenset(data.get("actor_nouns", ()))
    times = words("time_words")
    return Lexicon(
        verbs, reflexive, nouns, phrases, dict(data["negated"]), data, firsts, forms, times, code, humans
    )


def cameo(etype: str, mode: str | None, lang: LanguageData) -> str | None:
    """The CAMEO root code of a PLOVER type (mode-specific where CAMEO splits it)."""
    data = lexicon(lang.code).data
    return data["cameo_by_mode"].get(mode or "") or data["cameo"].get(etype)
