"""`dateline evaluate entities` on the first articles of the hand-made gold (needs ../shared/data)."""

from __future__ import annotations

import json
import re
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


def test_a_gold_surface_with_a_title_matches_the_bare_mention_written_after_that_title():
    """"Mr. LaRue" in the gold is the mention "LaRue" the text writes after "Mr." (ECB+ r7, 28_8): its pair
    with "Fred LaRue" is scored; a bare "LaRue" with no title before it adds nothing to the titled surface."""
    from dateline.evaluate.entities import score, surface_owner
    from dateline.model import Document, Entity, Span

    text = ("Fred LaRue, a Watergate figure, was found dead. "
            "The coroner said he believes Mr. LaRue died Saturday (July 24, 2004). LaRue was 75.")
    doc = Document(id="d", source="d", text=text)
    spans = [Span("d", m.start(), m.end()) for m in re.finditer(r"(?:Fred )?LaRue", text)]
    ent = Entity("e1", "Fred LaRue", "PERSON", ["Fred LaRue", "LaRue"], spans)
    owner = surface_owner([doc], [ent])
    assert owner["Mr. LaRue"] == "e1" and owner["LaRue"] == "e1"
    assert "Mr. Fred" not in " ".join(owner)
    gold = {"groups": [{"name": "Fred LaRue", "type": "PERSON", "aliases": ["Fred LaRue", "Mr. LaRue"]}]}
    result = score(gold, [doc], [ent])
    assert result["gold_surfaces_missing"] == [] and result["same_pairs"] == 1 and result["merge_recall"] == 1.0
    # a different person's entity holding the titled mention: the pair is scored as missed, not skipped
    other = Entity("e2", "LaRue", "PERSON", ["LaRue"], [spans[1]])
    ent.mentions = [spans[0], spans[2]]
    result = score(gold, [doc], [ent, other])
    assert result["same_pairs"] == 1 and result["merge_recall"] == 0.0
