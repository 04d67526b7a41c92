"""Shared by the event-layer tests: the real articles of a supermarket fire of the round-5 ECB+ gold
(development data since round 6), analysed as ``evaluate events`` analyses a story with layer settings set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate.events import analyse
from dateline.events import layer

ROOT = Path(__file__).resolve().parent.parent
FIRE = "tests/corpora/ecbplus_r5/articles/supermarket_fire_2013"
ARTICLES = [f"{FIRE}/14_{n}ecbplus.txt" for n in (1, 2, 7, 8)]


def run_fire(**settings: Any) -> Any:
    """The fire's report with the ``events.layer`` settings given (e.g. ``OWN_UNDATED=True``); no article rejected."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in settings.items():
            mp.setattr(layer, name, value)
        rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep
