"""Rebuild tests/corpora/ecbplus/ (articles + index.jsonl) from a snapshot of the ECB+ XML files.

ECB+ ships each article as CROMER XML: one ``<token t_id sentence number>`` element per token,
sentence 0 being the page URL. This script turns the chosen documents back into plain text:
sentence 0 becomes the index's ``url``; every later sentence is one line of the article, its
tokens joined by the small detokenizer below (the tokenisation of ECB+ is simple: punctuation,
hyphens, slashes and colons are split off as tokens of their own).

Which documents are taken, and under which story name and split, is data:
tests/corpora/ecbplus/selection.json. Usage (``GIT_DIR`` is a clone of the repository named there):

    python scripts/import_ecbplus.py --git-dir /path/to/ECB-parser/.git
    python scripts/import_ecbplus.py --dir /path/to/ECB+        # an unpacked ECB+ folder
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpora" / "ecbplus"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "'s", "’s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "...", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}
_JOINERS = {"-", "/", ":", ".", ","}
_WORDISH = re.compile(r"^[\w$£€]+$")


def read_tokens(xml_text: str) -> list[list[str]]:
    """Tokens of one ECB+ document, grouped by sentence number (in document order)."""
    root = ET.fromstring(xml_text)
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return [sentences[k] for k in sorted(sentences)]


def _glue(prev: str, tok: str, nxt: str) -> bool:
    """True when ``tok`` (a joiner) was written inside a word or number in the original text."""
    if tok in {"-", "/"}:
        return bool(_WORDISH.match(prev) and _WORDISH.match(nxt))
    if tok in {".", ",", ":"}:
        if not (prev.isdigit() and nxt[:1].isdigit()):
            return tok == "." and len(prev) == 1 and prev.isupper() and len(nxt) == 1 and nxt.isupper()
        if tok == ",":
            return len(prev) <= 3 and len(nxt) == 3 and nxt.isdigit()
        return True
    return False


def detokenize(tokens: list[str]) -> str:
    """One line of text from a sentence's tokens."""
    out: list[str] = []
    glue_next = False
    open_quote = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        glue_next = False
        if tok in _JOINERS and _glue(prev, tok, nxt):
            space = False
            glue_next = True
        elif tok in _NO_SPACE_BEFORE:
            space = False
        elif tok == '"':
            # ECB+ attaches an opening quote to its word ('"A'); a lone one mostly closes
            if prev in {",", ".", "?", "!", ""} or open_quote or not nxt:
                space = bool(out) and prev not in {",", ".", "?", "!"} and space
                open_quote = False
            else:
                glue_next = True
                open_quote = True
        elif tok.startswith('"'):
            open_quote = True
        if tok in _NO_SPACE_AFTER:
            glue_next = True
        out.append((" " if space else "") + tok)
    return "".join(out).strip()


def article(xml_text: str) -> tuple[str, str]:
    """(url, text) of one ECB+ document: the URL sentence apart, one line per later sentence."""
    sentences = read_tokens(xml_text)
    url = "".join(sentences[0]) if sentences else ""
    if not url.startswith("http"):
        url, body = "", sentences
    else:
        body = sentences[1:]
    return url, "\n".join(detokenize(s) for s in body if s) + "\n"


def _reader(args: argparse.Namespace, source_dir: str, commit: str):
    if args.dir:
        return lambda rel: (Path(args.dir) / rel).read_text(encoding="utf-8")
    return lambda rel: subprocess.run(
        ["git", "--git-dir", args.git_dir, "show", f"{commit}:{source_dir}/{rel}"],
        check=True, capture_output=True, text=True,
    ).stdout


def _outlet(url: str) -> str | None:
    m = re.match(r"https?://([^/]+)", url)
    if not m:
        return None
    host = m.group(1).lower()
    return host[4:] if host.startswith("www.") else host


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--git-dir", help="git directory of the repository named in selection.json")
    src.add_argument("--dir", help="an ECB+ folder (<topic>/<topic>_<n>ecbplus.xml)")
    p.add_argument("--out", default=str(CORPUS), help="corpus folder (default: tests/corpora/ecbplus)")
    args = p.parse_args(argv)
    out = Path(args.out)
    sel = json.loads((out / "selection.json").read_text(encoding="utf-8"))
    read = _reader(args, sel["source_dir"], sel["source_commit"])
    rows = []
    for story in sel["stories"]:
        folder = out / "articles" / story["story"]
        folder.mkdir(parents=True, exist_ok=True)
        for n in story["docs"]:
            name = f"{story['topic']}_{n}ecbplus"
            url, text = article(read(f"{story['topic']}/{name}.xml"))
            path = folder / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            rows.append({"id": name, "path": str(path.resolve().relative_to(ROOT)), "story": story["story"],
                         "outlet": _outlet(url), "url": url or None, "published": None, "split": story["split"]})
    with open(out / "index.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles written under {out / 'articles'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
