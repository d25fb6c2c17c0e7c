"""Event evaluation, exactly as ``shared/gold/EVENTS.md`` section 4 scores.

- event found: a predicted event matches a gold event of the same ``type`` whose sentence
  contains the predicted trigger (one-to-one, nearest trigger first);
- over matched events: actor accuracy (GUIDELINES §4 name rule on ``actor_name``), recipient
  accuracy (null = null counts right), location and ``date_value`` accuracy (exact after
  folding; null = null right);
- full-event F1: matched and actor right and recipient right.

Only gold files that carry an ``events`` list are scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lasswell.evaluate import fold_name, names_match
from lasswell.records import Article, Event

_FIELDS = ("actor", "recipient", "location", "date")


@dataclass
class EventCounts:
    """Running totals over articles."""

    articles: int = 0
    gold: int = 0
    pred: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_FIELDS, 0))
    full: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: EventCounts) -> None:
        for k in ("articles", "gold", "pred", "matched", "full"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k in _FIELDS:
            self.right[k] += other.right[k]
        self.errors.extend(other.errors)

    def scores(self) -> dict[str, float]:
        """Event P/R/F1, argument accuracies over matched events, full-event F1."""
        out: dict[str, float] = {
            "event_articles": self.articles,
            "event_gold": self.gold,
            "event_predicted": self.pred,
        }
        for name, hit in (("event", self.matched), ("full_event", self.full)):
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            out[f"{name}_p"], out[f"{name}_r"] = round(p, 4), round(r, 4)
            out[f"{name}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        for k in _FIELDS:
            out[f"event_{k}_accuracy"] = round(self.right[k] / self.matched, 4) if self.matched else 0.0
        return out


def _fold_value(v: str | None) -> str:
    return (v or "").strip().lower()


def _checks(e: Event, g: dict[str, Any]) -> dict[str, bool]:
    actor = e.actor.name if e.actor else None
    recipient = e.recipient.name if e.recipient else None
    place = e.location.name if e.location else None
    date = e.date.value if e.date else None
    return {
        "actor": names_match(actor, g.get("actor_name"), g.get("actor_aliases") or ()),
        "recipient": names_match(recipient, g.get("recipient_name"), g.get("recipient_aliases") or ()),
        "location": fold_name(place) == fold_name(g.get("location_name")),
        "date": _fold_value(date) == _fold_value(g.get("date_value")),
    }


def _pairs(preds: list[Event], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one matches: same type, trigger inside the gold sentence, nearest trigger first."""
    cands = sorted(
        (abs(e.trigger.start - g["trigger_start"]), i, j)
        for i, e in enumerate(preds)
        for j, g in enumerate(golds)
        if e.type == g["type"]
        and g["sentence_start"] <= e.trigger.start
        and e.trigger.end <= g["sentence_end"]
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score_events(art: Article, gold: dict[str, Any]) -> EventCounts:
    """Match one article's predicted events to its gold events and count."""
    golds, preds = gold["events"], list(art.events)
    c = EventCounts(articles=1, gold=len(golds), pred=len(preds))
    pairs = _pairs(preds, golds)
    for i, j in pairs:
        ok = _checks(preds[i], golds[j])
        c.matched += 1
        for k in _FIELDS:
            c.right[k] += ok[k]
        c.full += ok["actor"] and ok["recipient"]
        if not all(ok.values()):
            c.errors.append(_error(gold, "event_args", preds[i], golds[j], ok))
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    c.errors += [_error(gold, "event_missed", None, g) for j, g in enumerate(golds) if j not in matched_g]
    c.errors += [_error(gold, "event_spurious", e, None) for i, e in enumerate(preds) if i not in matched_p]
    return c


def _error(gold: dict[str, Any], kind: str, e: Event | None, g: dict[str, Any] | None, ok=None) -> dict:
    out: dict[str, Any] = {"id": gold["id"], "type": kind}
    if e is not None:
        out["pred"] = {
            "type": e.type,
            "trigger": e.trigger.text,
            "actor": e.actor.name if e.actor else None,
            "recipient": e.recipient.name if e.recipient else None,
            "location": e.location.name if e.location else None,
            "date": e.date.value if e.date else None,
        }
    if g is not None:
        out["gold"] = {
            k: g.get(k)
            for k in (
                "type",
                "trigger",
                "actor_name",
                "recipient_name",
                "location_name",
                "date",
                "date_value",
            )
        }
        out["sentence"] = gold["text"][g["sentence_start"] : g["sentence_end"]][:200]
    if ok is not None:
        out["wrong"] = [k for k, v in ok.items() if not v]
    return out
