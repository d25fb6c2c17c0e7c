"""Records: the JSON schema round-trips losslessly."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from lasswell.records import (
    Actor,
    Article,
    Dateline,
    Entity,
    Event,
    Place,
    Quote,
    Span,
    Speaker,
    TimeRef,
    Zone,
)

texts = st.text(max_size=30)
ints = st.integers(min_value=0, max_value=10_000)
spans = st.builds(Span, ints, ints, texts)
articles = st.builds(
    Article,
    text=texts,
    lang=st.sampled_from(["fr", None]),
    title=st.none() | texts,
    published=st.none() | st.just("2022-01-11"),
    dateline=st.none() | st.builds(Dateline, ints, ints, texts, st.none() | texts, st.none() | texts),
    zones=st.lists(st.builds(Zone, st.sampled_from(["title", "body"]), ints, ints), max_size=3).map(tuple),
    entities=st.lists(
        st.builds(
            Entity,
            texts,
            texts,
            st.sampled_from(["PER", "ORG"]),
            st.lists(texts, max_size=2).map(tuple),
            st.sampled_from(["m", "f", None]),
            st.lists(spans, max_size=2).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    quotes=st.lists(
        st.builds(
            Quote,
            ints,
            ints,
            texts,
            st.sampled_from(["direct", "indirect", "mixed"]),
            st.floats(0, 1),
            st.none() | spans,
            st.none() | st.builds(Speaker, st.none() | texts, st.none() | texts, st.none() | spans),
            st.none() | spans,
        ),
        max_size=3,
    ).map(tuple),
    events=st.lists(
        st.builds(
            Event,
            st.sampled_from(["CONSULT", "THREATEN"]),
            spans,
            st.sampled_from(["occurred", "planned"]),
            st.none() | st.just("visit"),
            st.floats(0, 1),
            st.none()
            | st.builds(Actor, st.none() | texts, st.none() | texts, st.none() | texts, st.none() | spans),
            st.none() | st.builds(Actor, st.none() | texts),
            st.none()
            | st.builds(
                Place,
                texts,
                st.none() | texts,
                st.none() | st.floats(-90, 90),
                st.none() | st.floats(-180, 180),
                st.none() | ints,
                st.none() | spans,
            ),
            st.none() | st.builds(TimeRef, ints, ints, texts, st.none() | st.just("2022-01-10")),
            st.none() | ints,
            st.none() | st.just("04"),
        ),
        max_size=2,
    ).map(tuple),
)


@given(articles)
def test_round_trip_through_json(art):
    d = json.loads(json.dumps(art.to_dict()))
    assert Article.from_dict(d) == art


def test_contract_keys():
    art = Article(text="x", lang="fr")
    d = art.to_dict()
    for key in ("text", "lang", "title", "published", "dateline", "zones", "entities", "quotes"):
        assert key in d
