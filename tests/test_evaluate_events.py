"""Event scoring exactly as EVENTS.md section 4."""

from __future__ import annotations

from lasswell.evaluate_events import score_events
from lasswell.records import Actor, Article, Event, Span, TimeRef

TEXT = "Les ministres se sont rencontrés lundi à Genève. Moscou a menacé Kiev."


def _gold(**kw):
    g = {
        "type": "CONSULT",
        "trigger": "rencontrés",
        "trigger_start": 22,
        "trigger_end": 32,
        "sentence_start": 0,
        "sentence_end": 48,
        "actor_name": "les ministres",
        "recipient_name": None,
        "location_name": "Genève",
        "date_value": "2022-01-10",
    }
    g.update(kw)
    return g


def _event(etype="CONSULT", start=22, actor="les ministres", recipient=None, date="2022-01-10"):
    return Event(
        type=etype,
        trigger=Span(start, start + 10, TEXT[start : start + 10]),
        actor=Actor(actor) if actor else None,
        recipient=Actor(recipient) if recipient else None,
        date=TimeRef(33, 38, "lundi", date) if date else None,
    )


def _score(events, golds):
    art = Article(text=TEXT, lang="fr", events=tuple(events))
    return score_events(art, {"id": "t", "text": TEXT, "events": golds})


def test_match_needs_type_and_sentence():
    c = _score([_event(), _event("THREATEN", start=56)], [_gold()])
    assert (c.gold, c.pred, c.matched) == (1, 2, 1)
    assert c.right["actor"] == 1 and c.right["recipient"] == 1  # null = null counts right
    assert c.right["date"] == 1 and c.full == 1
    assert c.right["location"] == 0  # no place predicted


def test_trigger_in_another_sentence_does_not_match():
    c = _score([_event(start=56)], [_gold()])
    assert c.matched == 0 and len(c.errors) == 2


def test_one_to_one_nearest_trigger_first():
    c = _score([_event(start=5), _event(start=22)], [_gold()])
    assert c.matched == 1 and c.pred == 2


def test_wrong_actor_is_not_a_full_event():
    c = _score([_event(actor="Moscou")], [_gold()])
    assert c.matched == 1 and c.right["actor"] == 0 and c.full == 0
    assert c.scores()["full_event_f1"] == 0.0 and c.scores()["event_f1"] == 1.0
