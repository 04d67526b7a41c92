"""Build the ECB+ entity-coreference gold (tests/gold/ecbplus_coref/entity_coref.{tune,blind}.json) from the
corpus's own annotation: the named entity mentions of the imported ECB+ documents and their
coreference chains, with character offsets into the articles under tests/corpora/ecbplus/articles.

Source: the CROMER XML of ECB+ (repository and commit in tests/corpora/ecbplus/selection.json,
license CC BY 3.0, Cybulska & Vossen, LREC 2014). Entity mentions are the markables tagged
``HUMAN_PART_*``, ``NON_HUMAN_PART*`` and ``LOC_*``; a chain is the instance a ``CROSS_DOC_COREF`` or
``INTRA_DOC_COREF`` relation points the mention at (its ``note`` when it has one, which ECB+ shares
across the documents of a topic); a mention in no relation is a chain of its own.

Named mentions only (the task of dateline's entity linker; see ``proper_name``): "Aceh", "the US
Geological Survey", "Central Aceh district" are kept; "the local disaster agency", "He", "in the
mountainous Bener Meriah district" (an extent, not a name) are left out.

Offsets: each article line is one ECB+ sentence whose tokens scripts/import_ecbplus.py re-joined
without changing them, so each token is found in order in its line.

    python scripts/build_ecbplus_entity_coref.py --git-dir /work/.mirror/cltl+ECB-parser/repo/.git \
        --sentences-git-dir /work/.mirror/cltl+ecbPlus/repo

Only the sentences ECB+ lists as annotated for coreference count (``ECBplus_coreference_sentences.csv``
of cltl/ecbPlus @ SENTENCES_COMMIT; its README asks evaluations to keep to them).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpora" / "ecbplus"
GOLD = ROOT / "tests" / "gold" / "ecbplus_coref"  # apart from tests/gold/ecbplus: not hand-annotated
SENTENCES_REPO = "cltl/ecbPlus"
SENTENCES_COMMIT = "3aa071e12fd08fc0705b16bb1841e7a9c5c22420"
SENTENCES_PATH = "ECB+_LREC2014/ECBplus_coreference_sentences.csv"
ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
_DETERMINERS = frozenset("the a an".split())
_DESCRIPTORS = frozenset("province district city village town island region county state regency".split())
_JOINING = frozenset("of and for the de al el on in -".split())
_NOT_NAMES = frozenset("the a an this that these those he she it they we i you him her them his its their our".split())


def _sentences(root: ET.Element) -> dict[str, tuple[int, int, str]]:
    """t_id -> (sentence, position in sentence, token text)."""
    out: dict[str, tuple[int, int, str]] = {}
    pos: dict[int, int] = {}
    for tok in root.iter("token"):
        s = int(tok.get("sentence", "0"))
        out[tok.get("t_id", "")] = (s, pos.get(s, 0), tok.text or "")
        pos[s] = pos.get(s, 0) + 1
    return out


def _chains(root: ET.Element, doc: str) -> dict[str, str]:
    """m_id of a mention -> chain id."""
    out: dict[str, str] = {}
    rel = root.find("Relations")
    if rel is None:
        return out
    for r in rel:
        if r.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = r.find("target")
        chain = r.get("note") or f"{doc}#{target.get('m_id') if target is not None else r.get('r_id')}"
        for src in r.findall("source"):
            out.setdefault(src.get("m_id", ""), chain)
    return out


def _offsets(text: str, toks: dict[str, tuple[int, int, str]], first_body: int) -> dict[str, tuple[int, int]]:
    """t_id -> character span in the article text (line k = ECB+ sentence first_body + k)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    by_sentence: dict[int, list[tuple[int, str, str]]] = {}
    for tid, (s, p, t) in toks.items():
        by_sentence.setdefault(s, []).append((p, tid, t))
    out: dict[str, tuple[int, int]] = {}
    line_no = 0
    for s in sorted(by_sentence):
        if s < first_body:
            continue
        row = sorted(by_sentence[s])
        if not any(t.strip() for _, _, t in row):
            continue
        line = lines[line_no]
        cur = 0
        for _, tid, t in row:
            t = t.strip()
            if not t:
                continue
            i = line.find(t, cur)
            if i < 0:
                raise ValueError(f"token {t!r} not found in line {line_no}: {line[:80]!r}")
            out[tid] = (starts[line_no] + i, starts[line_no] + i + len(t))
            cur = i + len(t)
        line_no += 1
    return out


def _title_line(words: list[str]) -> bool:
    """A headline written in title case: most of its words (three or more) capitalised."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) >= 0.6 * len(alpha)


def name_words(toks: dict[str, tuple[int, int, str]], first_body: int) -> set[str]:
    """Words the document writes capitalised where a capital means a name: inside a sentence
    (not its first word) of a line that is not a title-case headline."""
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for s, p, t in toks.values():
        by_sentence.setdefault(s, []).append((p, t))
    out: set[str] = set()
    for s, row in by_sentence.items():
        words = [t for _, t in sorted(row)]
        if s < first_body or _title_line(words):
            continue
        out.update(t for p, t in sorted(row) if p > 0 and t[:1].isupper())
    return out


def proper_name(words: list[str], known: set[str] | None = None) -> bool:
    """The mention is a name as written: after a leading determiner and without punctuation and
    possessives, every word is capitalised or a joining word inside the name ("of", "and", "for"),
    a trailing lower-case place descriptor allowed ("Aceh province", "Ashgabat city"). Extents such
    as "in the mountainous Bener Meriah district" or "the local disaster agency" are no names."""
    ws = [w for w in words if any(ch.isalnum() for ch in w) and w.lower() not in ("'s", "’s", "'")]
    while ws and ws[0].lower() in _DETERMINERS:
        ws = ws[1:]
    while len(ws) > 1 and ws[-1].lower() in _DESCRIPTORS:
        ws = ws[:-1]
    if not ws or ws[0].lower().split("'")[0] in _NOT_NAMES or not ws[0][:1].isupper() or not ws[-1][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in _JOINING for w in ws):
        return False
    # a capital only because the word opens a sentence or sits in a headline ("Officials", "Jury") is no name
    return known is None or any(w in known for w in ws if w[:1].isupper())


def mentions_of(xml_text: str, text: str, doc_path: str, selected: set[int] | None = None) -> list[dict[str, object]]:
    """Named entity mentions of one ECB+ document with their chains; only in the ``selected``
    sentence numbers (those ECB+ annotated for coreference) when given."""
    root = ET.fromstring(xml_text)
    toks = _sentences(root)
    sent0 = [t for (s, _p, t) in toks.values() if s == 0]
    first_body = 1 if "".join(sent0).startswith("http") else 0
    spans = _offsets(text, toks, first_body)
    known = name_words(toks, first_body)
    chains = _chains(root, Path(doc_path).stem)
    out: list[dict[str, object]] = []
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        if not m.tag.startswith(ENTITY_TAGS):
            continue
        tids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        tids = [t for t in tids if t in spans]
        if not tids:
            continue  # an instance markable (no tokens) or a mention in the URL line
        if selected is not None and not {toks[t][0] for t in tids} <= selected:
            continue
        if not proper_name([toks[t][2] for t in sorted(tids, key=lambda t: (toks[t][0], toks[t][1]))], known):
            continue
        s, e = min(spans[t][0] for t in tids), max(spans[t][1] for t in tids)
        mid = m.get("m_id", "")
        out.append({"doc": doc_path, "start": s, "end": e, "text": text[s:e], "tag": m.tag,
                    "chain": chains.get(mid, f"{Path(doc_path).stem}#{mid}")})
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def _selected_sentences(git_dir: str) -> dict[tuple[str, str], set[int]]:
    """(topic, file) -> the sentence numbers ECB+ annotated for coreference (its README: restrict
    evaluation to them, since mentions outside were annotated only now and then)."""
    csv_text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{SENTENCES_COMMIT}:{SENTENCES_PATH}"],
                              check=True, capture_output=True, text=True).stdout
    out: dict[tuple[str, str], set[int]] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        out.setdefault((row["Topic"].strip(), row["File"].strip()), set()).add(int(row["Sentence Number"]))
    return out


def _reader(args: argparse.Namespace, source_dir: str, commit: str):
    if args.dir:
        return lambda rel: (Path(args.dir) / rel).read_text(encoding="utf-8")
    return lambda rel: subprocess.run(
        ["git", "--git-dir", args.git_dir, "show", f"{commit}:{source_dir}/{rel}"],
        check=True, capture_output=True, text=True,
    ).stdout


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--git-dir", help="git directory of the repository named in selection.json")
    src.add_argument("--dir", help="an ECB+ folder (<topic>/<topic>_<n>ecbplus.xml)")
    p.add_argument("--sentences-git-dir", required=True,
                   help=f"git directory of {SENTENCES_REPO} (its {SENTENCES_PATH} lists the sentences annotated)")
    args = p.parse_args(argv)
    sel = json.loads((CORPUS / "selection.json").read_text(encoding="utf-8"))
    read = _reader(args, sel["source_dir"], sel["source_commit"])
    selected = _selected_sentences(args.sentences_git_dir)
    by_split: dict[str, dict[str, list]] = {}
    for story in sel["stories"]:
        split = by_split.setdefault(story["split"], {"articles": [], "mentions": []})
        for n in story["docs"]:
            name = f"{story['topic']}_{n}ecbplus"
            rel = f"tests/corpora/ecbplus/articles/{story['story']}/{name}.txt"
            text = (ROOT / rel).read_text(encoding="utf-8")
            split["articles"].append(rel)
            chosen = selected.get((str(story["topic"]), f"{n}ecbplus"), set())
            split["mentions"].extend(mentions_of(read(f"{story['topic']}/{name}.xml"), text, rel, chosen))
    for name, split in by_split.items():
        gold = {
            "description": (
                "ECB+ entity coreference on the named mentions of the imported documents, built by "
                "scripts/build_ecbplus_entity_coref.py from the corpus's own annotation (no hand edits). "
                f"Source {sel['source_repo']} @ {sel['source_commit']}, CC BY 3.0 (Cybulska & Vossen 2014); only the "
                f"sentences of {SENTENCES_REPO} @ {SENTENCES_COMMIT} {SENTENCES_PATH}. "
                f"Split '{name}' by story as in tests/corpora/ecbplus/selection.json."
            ),
            "data_root": ".",
            "articles": split["articles"],
            "mentions": split["mentions"],
        }
        path = GOLD / f"entity_coref.{name}.json"
        path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        chains = {m["chain"] for m in split["mentions"]}
        print(f"{path.relative_to(ROOT)}: {len(split['mentions'])} mentions, {len(chains)} chains")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
