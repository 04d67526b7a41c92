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
