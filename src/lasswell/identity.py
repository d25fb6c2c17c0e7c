"""Identity: one speaker id per person across the articles of a corpus.

Within an article, speakers already carry the most complete name the article gives. Across
articles the same person appears under spelling and transliteration variants and partial names
(*Sergueï Ryabkov / Sergei Ryabkov / Ryabkov*, *Poutine / Vladimir Poutine*). The rules:

- person names with the same surname and compatible first names (equal, or sharing their first
  ``FIRST_NAME_PREFIX`` letters after accent folding: *Sergueï / Sergei*) are one person;
- a bare surname joins the full name when exactly one person of the corpus bears that surname;
  when two do (*Marine / Jean-Marie Le Pen*), it stays apart, marked ambiguous;
- organisations, places and unnamed sources (*un diplomate européen*) are one speaker per
  folded name.

Every decision is kept in ``speaker_names`` with its reason (``lasswell speakers --merges``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import duckdb

# Two first names are variants of one name when they share this many leading letters after
# accent folding (Sergueï / Sergei, Dmitri / Dmitry); the same threshold as within an article.
FIRST_NAME_PREFIX = 4
_ARTICLE = re.compile(r"^(?:l['’]\s*|(?:le|la|les)\s+)", re.I)
_PARTICLES = frozenset(
    {"de", "du", "des", "d'", "le", "la", "van", "von", "der", "di", "da", "ben", "al", "el"}
)


def name_key(name: str) -> str:
    """Case, accent, article and spacing folding of a name (``l'OTAN`` → ``otan``)."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'")).lower()
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _ARTICLE.sub("", s.strip())
    return " ".join(re.sub(r"[^\w\s'-]", " ", s).split())


def surname(key: str) -> str:
    """The surname part of a folded person name (``marine le pen`` → ``le pen``)."""
    toks = key.split()
    i = len(toks) - 1
    while i > 0 and toks[i - 1] in _PARTICLES:
        i -= 1
    return " ".join(toks[i:])


def first_names(key: str) -> str:
    """The given names of a folded person name (``marine le pen`` → ``marine``)."""
    return key[: len(key) - len(surname(key))].strip()


def compatible_first(a: str, b: str) -> bool:
    """Are two given names variants of one (equal, or one prefix of the other's first letters)?"""
    if not a or not b:
        return True
    n = min(FIRST_NAME_PREFIX, len(a), len(b))
    return a[:n] == b[:n]


@dataclass
class Speaker:
    """A speaker being built: its names and their counts."""

    key: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return "s" + hashlib.sha256(f"{self.type}\x00{self.key}".encode()).hexdigest()[:12]

    @property
    def name(self) -> str:
        """The most frequent of the longest names (ties: the longer spelling, then alphabetical)."""
        longest = max(len(n.split()) for n in self.names)
        full = {n: c for n, c in self.names.items() if len(n.split()) == longest}
        return max(full, key=lambda n: (full[n], len(n), n))


def resolve(
    rows: list[tuple[str, str, str, int]],
) -> tuple[list[Speaker], list[tuple[str, str, str, str, str]]]:
    """Speakers from (key, type, name, count) rows; and the audit rows
    (key, type, name, speaker_id, reason)."""
    people: dict[str, list[Speaker]] = defaultdict(list)
    speakers: dict[tuple[str, str], Speaker] = {}
    audit_reason: dict[tuple[str, str], str] = {}
    persons = [r for r in rows if r[1] == "PER"]
    full = sorted((r for r in persons if first_names(r[0])), key=lambda r: -r[3])  # given name + surname
    for key, typ, name, count in full:
        sur, first = surname(key), first_names(key)
        sp = next(
            (s for s in people[sur] if any(compatible_first(first, first_names(k)) for k in s.keys)), None
        )
        if sp is None:
            sp = Speaker(key, "PER")
            people[sur].append(sp)
            audit_reason[(key, typ)] = "full name"
        else:
            audit_reason[(key, typ)] = f"same surname and compatible first name as '{sp.key}'"
        sp.keys.add(key)
        sp.names[name] += count
        speakers[(key, typ)] = sp
    others: dict[str, Speaker] = {}  # non-persons by name alone: "Mairie" (ORG) = "la mairie"
    for key, typ, name, count in rows:
        if (key, typ) in speakers:
            continue
        candidates = people.get(surname(key), []) if typ == "PER" else []
        if typ == "PER" and len(candidates) == 1:
            sp = candidates[0]
            audit_reason[(key, typ)] = f"surname of the only '{surname(key)}' in the corpus"
        elif typ == "PER":
            sp = Speaker(key, "PER")
            audit_reason[(key, typ)] = (
                f"ambiguous surname: {len(candidates)} people" if candidates else "own name"
            )
        else:
            sp = others.setdefault(key, Speaker(key, typ))
            if sp.type == "OTHER" and typ != "OTHER":
                sp.type = typ
            audit_reason[(key, typ)] = "own name"
        sp.keys.add(key)
        sp.names[name] += count
        speakers[(key, typ)] = sp
    audit = [(k, t, name, speakers[(k, t)].id, audit_reason[(k, t)]) for k, t, name, _ in rows]
    unique = list({id(s): s for s in speakers.values()}.values())
    return unique, audit


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the speakers and speaker_names tables from all stored quotes."""
    rows = con.execute(
        "SELECT speaker_key, coalesce(speaker_type, 'OTHER'), speaker_name, count(*) FROM quotes "
        "WHERE speaker_key IS NOT NULL GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    # The display name of a key is its most frequent spelling.
    by_key: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for key, typ, name, count in rows:
        by_key[(key, typ)][name] += count
    merged = [(k, t, c.most_common(1)[0][0], sum(c.values())) for (k, t), c in by_key.items()]
    speakers, audit = resolve(merged)
    con.begin()
    try:
        con.execute("DELETE FROM speaker_names")
        con.execute("DELETE FROM speakers")
        if audit:
            con.execute(
                "INSERT INTO speaker_names SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5)",
                [list(c) for c in zip(*audit, strict=True)],
            )
            canon = [(s.id, s.name, s.type) for s in speakers]
            con.execute(
                "CREATE TEMP TABLE canon AS SELECT unnest($1) AS speaker_id, unnest($2) AS name, "
                "unnest($3) AS type",
                [list(c) for c in zip(*canon, strict=True)],
            )
            con.execute(
                """INSERT INTO speakers
                SELECT c.speaker_id, any_value(c.name), any_value(c.type),
                       list(DISTINCT q.speaker_name ORDER BY q.speaker_name), count(*),
                       count(DISTINCT q.article_id), min(a.published_date), max(a.published_date)
                FROM quotes q
                JOIN speaker_names n ON n.speaker_key = q.speaker_key
                     AND n.speaker_type = coalesce(q.speaker_type, 'OTHER')
                JOIN canon c ON c.speaker_id = n.speaker_id
                JOIN articles a ON a.article_id = q.article_id
                GROUP BY c.speaker_id"""
            )
            con.execute("DROP TABLE canon")
        con.commit()
    except Exception:
        con.rollback()
        raise
    return len(speakers)
