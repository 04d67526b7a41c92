"""`dateline evaluate entities` on the first articles of the hand-made gold (needs ../shared/data)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "entities_libya.json"


def test_evaluate_entities_json_subset(shared_data):
    out = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "evaluate", "entities", str(GOLD), "--data", str(shared_data),
         "--limit", "4", "--json"],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(out.stdout)
    assert result["documents"] == 4
    assert result["merge_precision"] >= 0.98
    assert result["false_merges"] == []
    assert result["same_pairs"] > 0 and 0.0 <= result["merge_recall"] <= 1.0


def test_place_id_accuracy_scores_the_geonames_id_beside_the_distance():
    from dateline.evaluate.entities import score
    from dateline.model import Document, Entity, GeoPoint, Span

    doc = Document(id="d", source="d", text="India and Delhi.")
    india = Entity("e1", "India", "GPE", ["India"], [Span("d", 0, 5)],
                   GeoPoint(28.65, 77.23, "geonames:1269750", "IN"))  # the capital stands for the country
    gold = {"groups": [{"name": "India", "type": "GPE", "aliases": ["India"]}],
            "places": [{"name": "India", "lat": 22.0, "lon": 79.0, "geonames": 1269750}]}
    result = score(gold, [doc], [india])
    assert result["place_accuracy"] == 0.0 and result["place_id_accuracy"] == 1.0
