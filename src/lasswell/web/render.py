"""Article text → HTML with quotes, cues, speaker mentions, entities and event triggers marked.

Every piece of article text goes through ``markupsafe.escape``: the text, titles and names are
untrusted input. Only ids and colour numbers computed here appear in attributes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from markupsafe import Markup, escape

from lasswell.records import Article

# Number of speaker colours in the style sheet (.s0 … .s7).
PALETTE = 8


def colour(speaker_key: str | None) -> int:
    """A stable colour index for a speaker across pages (None: the 'unknown' colour)."""
    if not speaker_key:
        return -1
    return int(hashlib.sha1(speaker_key.encode("utf-8")).hexdigest(), 16) % PALETTE


def article_colours(speaker_keys: list[str | None]) -> dict[str, int]:
    """Within one article, speakers take the colours in order of appearance: the first eight
    are all distinct (a hash would make two of them share a colour more often than not)."""
    out: dict[str, int] = {}
    for key in speaker_keys:
        if key and key not in out:
            out[key] = len(out) % PALETTE
    return out


@dataclass(frozen=True)
class Mark:
    """One annotation over ``text[start:end]``: its CSS classes and optional attributes."""

    start: int
    end: int
    classes: str
    quote: int | None = None
    event: int | None = None


def marks(art: Article, speaker_keys: list[str | None]) -> list[Mark]:
    """Every annotation of an article: zones, entity mentions, quotes, cues, speaker mentions,
    event triggers."""
    palette = article_colours(speaker_keys)
    out = [Mark(z.start, z.end, f"zone-{z.kind}") for z in art.zones if z.kind in ("caption", "boilerplate")]
    for e in art.entities:
        out.extend(Mark(m.start, m.end, f"ent ent-{e.type.lower()}") for m in e.mentions)
    for i, q in enumerate(art.quotes):
        key = speaker_keys[i] if i < len(speaker_keys) else None
        c = palette.get(key, -1) if key else -1
        out.append(Mark(q.start, q.end, f"q s{c}" if c >= 0 else "q s-unknown", quote=i))
        if q.cue:
            out.append(Mark(q.cue.start, q.cue.end, "cue"))
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            out.append(Mark(m.start, m.end, f"who s{c}" if c >= 0 else "who"))
    out.extend(Mark(e.trigger.start, e.trigger.end, "trigger", event=i) for i, e in enumerate(art.events))
    return [m for m in out if 0 <= m.start < m.end <= len(art.text)]


def article_html(art: Article, speaker_keys: list[str | None]) -> Markup:
    """The article text as HTML: segments between annotation boundaries, each wrapped in the
    spans active over it (so overlapping annotations never produce broken nesting)."""
    ms = marks(art, speaker_keys)
    bounds = sorted({0, len(art.text), *(m.start for m in ms), *(m.end for m in ms)})
    starts: dict[int, list[str]] = {}
    for m in ms:
        if m.quote is not None:
            starts.setdefault(m.start, []).append(f"q{m.quote}")
        if m.event is not None:
            starts.setdefault(m.start, []).append(f"e{m.event}")
    parts: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        for anchor in starts.get(a, ()):
            parts.append(f'<a class="anchor" id="{anchor}"></a>')
        piece = str(escape(art.text[a:b]))
        for m in ms:
            if m.start <= a and b <= m.end:
                data = f' data-q="{m.quote}"' if m.quote is not None else ""
                piece = f'<span class="{m.classes}"{data}>{piece}</span>'
        parts.append(piece)
    return Markup("".join(parts))
