"""Dev-set quality floors (GUIDELINES section 4): fails when quality drops.

The floors sit just under the figures in the README; raise them when quality improves.
"""

from __future__ import annotations

import pytest

from .conftest import SHARED_DEV

pytestmark = pytest.mark.slow

FLOORS = {
    "lenient_f1": 0.915,
    "strict_f1": 0.90,
    "speaker_accuracy": 0.935,
    "end_to_end_f1": 0.865,
    # events (EVENTS.md section 4, the 37 files with events)
    "event_f1": 0.665,
    "event_actor_accuracy": 0.81,
    "event_recipient_accuracy": 0.60,
    "full_event_f1": 0.335,
    "event_date_accuracy": 0.88,
    "event_location_accuracy": 0.76,
}


@pytest.fixture(scope="module")
def scores():
    if not SHARED_DEV.is_dir():
        pytest.skip(f"dev gold set not found at {SHARED_DEV}")
    from lasswell.evaluate import evaluate

    return evaluate(SHARED_DEV)[0]


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(scores, measure):
    assert scores[measure] >= FLOORS[measure], scores
