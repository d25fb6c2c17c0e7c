"""Evaluation against gold files, exactly as ``shared/gold/GUIDELINES.md`` section 4 scores.

- quote found: a prediction covers > 30% (lenient) / > 80% (strict) of a gold content's
  characters, matched one-to-one, best overlap first; also exact span match (ignoring
  surrounding quotation marks, spaces and final punctuation);
- speaker: over lenient matches, the resolved name equals ``speaker_name`` (or an alias) after
  case, accent and article folding, or one is the other's last tokens; end-to-end F1 counts a
  quote as right when it is matched and its speaker is right;
- kind and cue accuracy over lenient matches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lasswell.identity import name_key
from lasswell.ingest import RawArticle
from lasswell.records import Article, Quote

LENIENT, STRICT = 0.30, 0.80
_TRIM = " \t\n\"'«»“”„‘’.,;:!?…"


def fold_name(name: str | None) -> str:
    """Case, accent and article folding of a speaker name (``l'OTAN`` = ``OTAN``): the same
    folding the corpus uses to key speakers."""
    return name_key(name) if name else ""


def names_match(pred: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """GUIDELINES §4: equal after folding, or one is the other's last tokens."""
    p = fold_name(pred)
    if not p:
        return not fold_name(gold) and not any(aliases)
    for g in (gold, *aliases):
        f = fold_name(g)
        if not f:
            continue
        pt, gt = p.split(), f.split()
        n = min(len(pt), len(gt))
        if p == f or pt[-n:] == gt[-n:] and (pt == gt[-n:] or gt == pt[-n:]):
            return True
    return False


def _exact_key(s: str) -> str:
    return s.strip(_TRIM)


@dataclass
class Counts:
    """Running totals over articles."""

    gold: int = 0
    pred: int = 0
    lenient: int = 0
    strict: int = 0
    exact: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    cue_right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for k in ("gold", "pred", "lenient", "strict", "exact", "speaker_right", "kind_right", "cue_right"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)

    def scores(self) -> dict[str, float]:
        """Precision/recall/F1 at each level, speaker/kind/cue accuracy, end-to-end F1."""
        out: dict[str, float] = {"gold": self.gold, "predicted": self.pred}
        for name, hit in (
            ("lenient", self.lenient),
            ("strict", self.strict),
            ("exact", self.exact),
            ("end_to_end", self.speaker_right),
        ):
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            out[f"{name}_p"], out[f"{name}_r"] = round(p, 4), round(r, 4)
            out[f"{name}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        for name, hit in (
            ("speaker_accuracy", self.speaker_right),
            ("kind_accuracy", self.kind_right),
            ("cue_accuracy", self.cue_right),
        ):
            out[name] = round(hit / self.lenient, 4) if self.lenient else 0.0
        return out


def _overlap(q: Quote, g: dict[str, Any]) -> float:
    inter = min(q.end, g["content_end"]) - max(q.start, g["content_start"])
    return max(0, inter) / max(1, g["content_end"] - g["content_start"])


def _cue_ok(q: Quote, g: dict[str, Any]) -> bool:
    if g.get("cue_start") is None:
        return q.cue is None
    return q.cue is not None and q.cue.start < g["cue_end"] and g["cue_start"] < q.cue.end


def score_article(art: Article, gold: dict[str, Any]) -> Counts:
    """Match one article's predicted quotes to its gold quotes and count."""
    golds, preds = gold["quotes"], list(art.quotes)
    c = Counts(gold=len(golds), pred=len(preds))
    pairs = sorted(
        ((_overlap(q, g), i, j) for i, q in enumerate(preds) for j, g in enumerate(golds)), reverse=True
    )
    used_p, used_g = set(), set()
    for ov, i, j in pairs:
        if ov <= LENIENT or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        q, g = preds[i], golds[j]
        c.lenient += 1
        c.strict += ov > STRICT
        c.exact += _exact_key(q.text) == _exact_key(g["content"])
        name = q.speaker.name if q.speaker else None
        ok = names_match(name, g["speaker_name"], g.get("speaker_aliases") or ())
        c.speaker_right += ok
        c.kind_right += q.kind == g["kind"]
        c.cue_right += _cue_ok(q, g)
        if not ok:
            c.errors.append(
                {
                    "id": gold["id"],
                    "type": "speaker",
                    "pred": name,
                    "gold": g["speaker_name"],
                    "content": g["content"][:80],
                }
            )
    for j, g in enumerate(golds):
        if j not in used_g:
            c.errors.append(
                {
                    "id": gold["id"],
                    "type": "missed",
                    "gold": g["speaker_name"],
                    "cue": g["cue"],
                    "kind": g["kind"],
                    "content": g["content"][:100],
                }
            )
    for i, q in enumerate(preds):
        if i not in used_p:
            c.errors.append(
                {
                    "id": gold["id"],
                    "type": "spurious",
                    "pred": q.speaker.name if q.speaker else None,
                    "cue": q.cue.text if q.cue else None,
                    "content": q.text[:100],
                }
            )
    return c


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold files of a directory (or one file), sorted by name."""
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def evaluate(path: str | Path, model: str | None = None) -> tuple[dict[str, float], Counts]:
    """Analyse every gold article and score the whole set."""
    from lasswell.evaluate_events import EventCounts, score_events
    from lasswell.pipeline import analyze_many

    golds = load_gold(path)
    raws = [
        RawArticle(text=g["text"], published=g.get("published"), id=g["id"], source=g["id"]) for g in golds
    ]
    total, events = Counts(), EventCounts()
    lang = golds[0].get("lang", "fr") if golds else "fr"
    for art, gold in zip(analyze_many(raws, lang=lang, model=model), golds, strict=True):
        if "events" in gold:
            events.add(score_events(art, gold))
        if art.error:
            total.add(Counts(gold=len(gold["quotes"])))
            continue
        total.add(score_article(art, gold))
    scores = total.scores()
    scores["articles"] = len(golds)
    if events.articles:
        scores.update(events.scores())
        total.errors.extend(events.errors)
    return scores, total
