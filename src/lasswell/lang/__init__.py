"""Language knowledge as data, keyed by language code (``lang/<code>/*.json``).

Only the data lives here; the extractors read it through :func:`load_language`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from lasswell.errors import UnsupportedLanguageError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr",)

# A language is guessed only when its function words make up at least this share of the
# word tokens. French news prose sits at 0.30-0.45 with the detect.json list; English at
# 0.25-0.40 with its own list; names-only or numeric text stays well below 0.10.
MIN_SHARE = 0.12
# Fewer words than this and no guess is made (a title alone is too short to tell).
MIN_WORDS = 8

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _read_json(*parts: str) -> dict[str, Any]:
    path = resources.files("lasswell.lang").joinpath(*parts)
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class LanguageData:
    """Everything the extractors know about one language."""

    code: str
    cues: dict[str, frozenset[str]]
    lexicon: dict[str, Any]
    zones: dict[str, tuple[str, ...]]
    quote_marks: dict[str, frozenset[str]]
    first_names: dict[str, str]
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the lexicon as a frozen set (lower-cased), built once."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(w.lower() for w in self.lexicon[key])
        return found


@cache
def load_language(code: str) -> LanguageData:
    """Load the data of a supported language; raise UnsupportedLanguageError otherwise."""
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    cues = _read_json(code, "cues.json")
    return LanguageData(
        code=code,
        cues={k: frozenset(v) for k, v in cues.items() if isinstance(v, list)},
        lexicon=_read_json(code, "lexicon.json"),
        zones={k: tuple(v) for k, v in _read_json(code, "zones.json").items() if k != "_doc"},
        quote_marks={k: frozenset(v) for k, v in _read_json(code, "quotes.json").items() if k != "_doc"},
        first_names={
            name: g
            for g, names in _read_json(code, "first_names.json").items()
            if g != "_doc"
            for name in names
        },
    )


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _read_json("detect.json").items() if k != "_doc"}


def detect_language(text: str, sample_chars: int = 20_000) -> str | None:
    """Guess the language of ``text`` from its function words; None when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < MIN_WORDS:
        return None
    shares = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _function_words().items()}
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= MIN_SHARE else None
