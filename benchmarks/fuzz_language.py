"""Language detection (dateline.language) on real inputs: what it refuses, how fast.

Runs ``detect_language`` + ``unsupported_reason`` (the check the clean stage makes) over a
random sample of timeline17 input files (English news, with a few BBC pages in other
languages) and prints the languages found, the files refused and the time per file.

    PYTHONPATH=src python benchmarks/fuzz_language.py [../shared/data/timeline17] [N=2000]
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.language import detect_language, unsupported_reason


def main(root: str = "../shared/data/timeline17", n: int = 2000) -> int:
    files = sorted(Path(root).glob("*/InputDocs/*/*.txt"))
    random.Random(0).shuffle(files)
    files = files[:n]
    t0 = time.perf_counter()
    detect_language("warm up the model " * 5)
    load = time.perf_counter() - t0
    langs: Counter[str] = Counter()
    refused = []
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        lang, conf = detect_language(text)
        langs[lang or "(too short)"] += 1
        why = unsupported_reason(lang, conf, text)
        if why:
            refused.append((f, why, text[:70].replace("\n", " ")))
    per = (time.perf_counter() - t0) / max(1, len(files))
    print(f"{len(files)} files, model load {load:.2f} s, {per * 1000:.2f} ms per file")
    print("languages:", ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print(f"refused: {len(refused)}")
    for f, why, head in refused:
        print(f"  {f}: {why}\n    {head!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:2] or []), *(int(x) for x in sys.argv[2:3])))
