"""``dateline evaluate timeml GOLD_DIR``: TempEval-3 (Task A) scores of tag_timexes on TimeML files.

Relaxed = any character overlap, strict = identical extent, one-to-one pairing; type and value
accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy (TE3's headline attribute
score), value_f1_strict = value counted on strict matches only, value_f1_notation = values equal up
to notation (a diagnostic, see ``same_value_notation``; the headline compares strings). The DCT
is the anchor, not scored.
Boundary errors (relaxed but not strict matches) are counted by kind (``errors.extent``, see
``extent_kind``): which words one extent has that the other lacks, on which side. Value errors of
relaxed matches are counted by kind (``errors.value_kind``, see ``value_error_kind``): notation, part
of day, anchor day, granularity, underspecified, wrong year, duration value, date vs duration, ref, set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..dating.timex import tag_timexes


@dataclass
class GoldDoc:
    path: str
    part: str
    dct: str | None
    text: str
    timexes: list[tuple[int, int, str, str]]  # start, end, value, type


def _walk(el: ET.Element, buf: list[str], spans: list[tuple[int, int, str, str]], pos: list[int]) -> None:
    if el.text:
        buf.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        start = pos[0]
        _walk(child, buf, spans, pos)
        if child.tag == "TIMEX3":
            spans.append((start, pos[0], child.get("value", ""), child.get("type", "")))
        if child.tail:
            buf.append(child.tail)
            pos[0] += len(child.tail)


def read_timeml(path: Path, root: Path) -> GoldDoc:
    """Plain text of <TEXT> (concatenated text nodes), its TIMEX3 spans and the DCT value."""
    tree = ET.parse(path)
    dct = None
    for t in tree.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
            break
    text_el = tree.find(".//TEXT")
    buf: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    if text_el is not None:
        _walk(text_el, buf, spans, [0])
    rel = path.relative_to(root)
    part = rel.parts[0] if len(rel.parts) > 1 else "."
    return GoldDoc(str(rel), part, dct, "".join(buf), spans)


def gold_files(gold_dir: Path, limit: int | None = None, subset: str | None = None) -> list[Path]:
    """Sorted .tml files under gold_dir; ``subset`` keeps one sub-corpus (the first folder under
    gold_dir, e.g. TimeBank or AQUAINT in TBAQ), matched case-insensitively."""
    files = sorted(p for p in gold_dir.rglob("*.tml") if p.is_file())
    if subset:
        want = subset.lower()
        files = [p for p in files if len(p.relative_to(gold_dir).parts) > 1
                 and p.relative_to(gold_dir).parts[0].lower() == want]
    return files[:limit] if limit else files


def value_kind(value: str, ttype: str) -> str:
    """A coarse class of a TIMEX3 value, for the error breakdown."""
    if ttype in ("DURATION", "SET"):
        return ttype.lower()
    if value.endswith("_REF"):
        return "ref"
    if "T" in value[4:]:
        return "time"
    for kind, rx in (("day", r"^\d{4}-\d\d-\d\d$"), ("month", r"^\d{4}-\d\d$"), ("year", r"^\d{4}$"),
                     ("week", r"^\d{4}-W"), ("quarter", r"^\d{4}-[QH]"), ("season", r"^\d{4}-(SU|WI|FA|SP)"),
                     ("decade", r"^\d{2,3}X?$"), ("unknown_year", r"^XXXX")):
        if re.match(rx, value):
            return kind
    return "other"


_DET = {"the", "a", "an", "its", "each", "every"}
_DEICTIC = {"this", "that", "last", "next", "past", "coming", "previous", "following", "same"}
_APPROX = {"about", "nearly", "almost", "approximately", "roughly", "around", "some", "over", "more", "less",
           "fewer", "at", "up", "only", "just", "least", "under", "than", "no", "not"}
_REL = {"earlier", "later", "ago", "before", "after", "since", "hence"}
_PHASE = {"early", "late", "mid", "middle", "end", "beginning", "start", "close", "latter"}
_PREP = {"in", "on", "of", "for", "within", "during", "by", "from", "to", "until", "through", "throughout"}
_PART = {"night", "morning", "afternoon", "evening", "overnight", "tonight", "noon", "midnight"}
_COORD = {"or", "and", "to", "-", "–", "through"}
_NOW = {"right", "now", "currently", "current", "then", "more", "most"}


def _word_kind(chunk: str) -> str:
    """The kind of the words one extent has and the other lacks (its first word decides)."""
    words = re.findall(r"[\w'-]+|[^\w\s]", chunk.lower())
    if not words:
        return "space"
    w = words[0]
    if w == "'s":
        return "possessive"
    if w == ",":
        return "apposition"
    if all(not re.match(r"\w", x) for x in words):
        return "punct"
    for kind, vocab in (("det", _DET), ("deictic", _DEICTIC), ("approx", _APPROX), ("rel", _REL),
                        ("phase", _PHASE), ("prep", _PREP), ("part_of_day", _PART), ("coord", _COORD),
                        ("now", _NOW)):
        if w in vocab or w.rstrip("-") in vocab:
            return kind
    if re.match(r"\d", w) or re.match(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)",
                                       w):
        return "date_part"
    return "other"


def extent_kind(text: str, g: tuple[int, int], s: tuple[int, int]) -> list[str]:
    """What differs between an overlapping gold and system extent, one label per side: ``left+det``
    (ours has a leading determiner gold lacks), ``right-part_of_day`` (ours lacks gold's trailing
    "night"). The kinds are the TimeML extent questions: determiners, deictic words (this/last/next),
    approximators (about, nearly, over), relative words (earlier/later), phase modifiers
    (early/late/mid), prepositions, parts of day, coordinations and ranges, appositions, punctuation."""
    out = []
    if s[0] < g[0]:
        out.append("left+" + _word_kind(text[s[0]:g[0]]))
    elif s[0] > g[0]:
        out.append("left-" + _word_kind(text[g[0]:s[0]]))
    if s[1] > g[1]:
        out.append("right+" + _word_kind(text[g[1]:s[1]]))
    elif s[1] < g[1]:
        out.append("right-" + _word_kind(text[s[1]:g[1]]))
    return out


_NOTATION = ((re.compile(r"-W(\d)(?=$|-)"), r"-W0\1"), (re.compile(r"^(\d{4})(?:-XX)+$"), r"\1"),
             (re.compile(r"^(\d{3})X$"), r"\1"))


def same_value_notation(a: str, b: str) -> bool:
    """Equal TIMEX3 values up to notation only: ISO weeks with or without the zero ("2000-W7" =
    "2000-W07"), a year with unspecified finer parts ("1949-XX" = "1949") and a decade written with
    an X ("198X" = "198"). A diagnostic of annotation notation (``value_f1_notation``), never TE3's
    value score, which compares the strings."""
    if a == b:
        return True
    for rx, rep in _NOTATION:
        a, b = rx.sub(rep, a), rx.sub(rep, b)
    return a == b


_PART_OF_DAY_VALUE = re.compile(r"T(?:MO|AF|EV|NI|DT)$")
_DATE_FORM = (("day", re.compile(r"^\d{4}-\d\d-\d\d$")), ("week", re.compile(r"^\d{4}-W\d+")),
              ("month", re.compile(r"^\d{4}-\d\d$")), ("quarter", re.compile(r"^\d{4}-[QH]")),
              ("season", re.compile(r"^\d{4}-(?:SU|WI|FA|SP)$")), ("year", re.compile(r"^\d{4}$")),
              ("decade", re.compile(r"^\d{2,3}X?$")), ("time", re.compile(r"^\d{4}-\d\d-\d\dT\d")))


def _date_form(value: str) -> str | None:
    return next((name for name, rx in _DATE_FORM if rx.match(value)), None)


def value_error_kind(gold: str, ours: str, gold_type: str) -> str:
    """Why a relaxed match's value differs from gold, by kind (the ``errors.value_kind`` breakdown):
    ``notation`` (same value written otherwise, see ``same_value_notation``), ``part_of_day``
    (2000-01-05 vs 2000-01-05TNI, TEV vs TNI), ``ref`` (one side PRESENT/PAST/FUTURE_REF),
    ``duration_value`` (two durations: P1Y vs P3Y, P1D vs PT24H), ``date_vs_duration`` (one side a
    duration), ``set`` (gold a SET), ``wrong_year`` (same form and same month/day/week, another
    year), ``anchor`` (same form, another day/week/month/quarter: the reference day or the
    direction from it), ``underspecified`` (one side leaves a part unknown: 1989-WXX vs 1989-W43),
    ``granularity`` (both dates, another form: 1998 vs 1998-10, a week vs a day), ``other``."""
    if gold == ours:
        return "none"
    if same_value_notation(gold, ours):
        return "notation"
    if gold_type == "SET":
        return "set"
    g0, o0 = _PART_OF_DAY_VALUE.sub("", gold), _PART_OF_DAY_VALUE.sub("", ours)
    if g0 == o0 or (g0 != gold and o0 != ours and same_value_notation(g0, o0)):
        return "part_of_day"
    if gold.endswith("_REF") or ours.endswith("_REF"):
        return "ref"
    if gold.startswith("P") and ours.startswith("P"):
        return "duration_value"
    if gold.startswith("P") or ours.startswith("P"):
        return "date_vs_duration"
    if ("X" in g0) != ("X" in o0):
        return "underspecified"
    fg, fo = _date_form(g0), _date_form(o0)
    if fg is None or fo is None:
        return "other"
    if fg != fo:
        return "granularity"
    if len(g0) == len(o0) and g0[4:] == o0[4:] and g0[:4] != o0[:4]:
        return "wrong_year"
    return "anchor"


@dataclass
class Tally:
    n_gold: int = 0
    n_sys: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_ok_strict: int = 0
    value_ok_notation: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    wrong_value: Counter[str] = field(default_factory=Counter)
    value_kind: Counter[str] = field(default_factory=Counter)
    extent: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, other: Tally) -> None:
        for k in ("n_gold", "n_sys", "relaxed", "strict", "type_ok", "value_ok", "value_ok_strict",
                  "value_ok_notation"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.missed.update(other.missed)
        self.spurious.update(other.spurious)
        self.wrong_value.update(other.wrong_value)
        self.value_kind.update(other.value_kind)
        self.extent.update(other.extent)
        for k, v in other.examples.items():
            self.examples[k].extend(v)

    def scores(self) -> dict[str, float | int]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.n_sys if self.n_sys else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        rp, rr, rf = prf(self.relaxed)
        sp, sr, sf = prf(self.strict)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        value_acc_s = self.value_ok_strict / self.strict if self.strict else 0.0
        return {
            "relaxed_p": round(rp, 4), "relaxed_r": round(rr, 4), "relaxed_f1": round(rf, 4),
            "strict_p": round(sp, 4), "strict_r": round(sr, 4), "strict_f1": round(sf, 4),
            "type_accuracy": round(type_acc, 4), "value_accuracy": round(value_acc, 4),
            "value_f1": round(rf * value_acc, 4), "type_f1": round(rf * type_acc, 4),
            "value_f1_strict": round(sf * value_acc_s, 4),
            "value_f1_notation": round(rf * (self.value_ok_notation / self.relaxed if self.relaxed else 0.0), 4),
            "n_gold": self.n_gold, "n_system": self.n_sys,
        }


def score_doc(doc: GoldDoc, system: list[tuple[int, int, str, str]]) -> Tally:
    """Pair gold and system spans one-to-one (exact extents first, then the largest overlap)."""
    t = Tally(n_gold=len(doc.timexes), n_sys=len(system))
    used_sys: set[int] = set()
    pair: dict[int, int] = {}
    for gi, g in enumerate(doc.timexes):
        for si, s in enumerate(system):
            if si not in used_sys and s[0] == g[0] and s[1] == g[1]:
                pair[gi] = si
                used_sys.add(si)
                break
    for gi, g in enumerate(doc.timexes):
        if gi in pair:
            continue
        best, best_ov = None, 0
        for si, s in enumerate(system):
            if si in used_sys:
                continue
            ov = min(g[1], s[1]) - max(g[0], s[0])
            if ov > best_ov:
                best, best_ov = si, ov
        if best is not None:
            pair[gi] = best
            used_sys.add(best)
    for gi, g in enumerate(doc.timexes):
        gtext = doc.text[g[0]:g[1]].replace("\n", " ")
        if gi not in pair:
            kind = value_kind(g[2], g[3])
            t.missed[kind] += 1
            t.examples["missed"].append(f"{doc.path}: {gtext!r} {g[3]} {g[2]}")
            continue
        s = system[pair[gi]]
        t.relaxed += 1
        exact = s[0] == g[0] and s[1] == g[1]
        t.strict += exact
        t.type_ok += s[3] == g[3]
        t.value_ok_notation += same_value_notation(s[2], g[2])
        if s[2] == g[2]:
            t.value_ok += 1
            t.value_ok_strict += exact
        else:
            t.wrong_value[value_kind(g[2], g[3])] += 1
            why = value_error_kind(g[2], s[2], g[3])
            t.value_kind[why] += 1
            t.examples["wrong_value"].append(
                f"{doc.path}: {gtext!r} gold={g[2]} ours={s[2]} ({doc.text[s[0]:s[1]]!r}) dct={doc.dct} [{why}]")
        if not exact:
            kinds = extent_kind(doc.text, (g[0], g[1]), (s[0], s[1]))
            t.extent.update(kinds)
            t.examples["extent"].append(
                f"{doc.path}: gold={gtext!r} ours={doc.text[s[0]:s[1]]!r} [{' '.join(kinds)}]")
    for si, s in enumerate(system):
        if si not in used_sys:
            t.spurious[value_kind(s[2], s[3])] += 1
            t.examples["spurious"].append(f"{doc.path}: {doc.text[s[0]:s[1]]!r} {s[3]} {s[2]}")
    return t


def run_system(doc: GoldDoc) -> list[tuple[int, int, str, str]]:
    return [(x.start, x.end, x.value, x.type) for x in tag_timexes(doc.text, doc.dct)]


def evaluate(gold_dir: Path, limit: int | None = None,
             system: Callable[[GoldDoc], list[tuple[int, int, str, str]]] = run_system,
             every: int = 1, subset: str | None = None) -> tuple[dict, Tally]:
    """Score ``system`` (GoldDoc -> spans) on every .tml under gold_dir (or every ``every``-th one,
    in sorted order, after ``limit``; only sub-corpus ``subset`` if given); returns
    (report, total tally)."""
    files = gold_files(gold_dir, limit, subset)[::every]
    total = Tally()
    parts: dict[str, Tally] = defaultdict(Tally)
    t0 = time.perf_counter()
    n_docs = 0
    for f in files:
        doc = read_timeml(f, gold_dir)
        tally = score_doc(doc, system(doc))
        total.add(tally)
        parts[doc.part].add(tally)
        n_docs += 1
    elapsed = time.perf_counter() - t0
    report: dict = dict(total.scores())
    report["n_docs"] = n_docs
    report["seconds"] = round(elapsed, 2)
    report["subcorpora"] = {k: {**v.scores()} for k, v in sorted(parts.items())}
    report["errors"] = {
        "missed": dict(total.missed.most_common()),
        "spurious": dict(total.spurious.most_common()),
        "wrong_value": dict(total.wrong_value.most_common()),
        "value_kind": dict(total.value_kind.most_common()),
        "extent": dict(total.extent.most_common()),
    }
    return report, total


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", type=Path, help="folder of TimeML .tml files (searched recursively)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N files (sorted paths)")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each error class")
    parser.add_argument("--every", type=int, default=1, help="score every K-th file only (a spread sample)")
    parser.add_argument("--subset", "--split", dest="subset", default=None,
                        help="score one sub-corpus only (first folder under gold_dir: timebank|aquaint)")
    parser.add_argument("--leave-out", dest="leave_out", action="store_true",
                        help="score each sub-corpus as the held-out side of a tune-on-the-other split")
    parser.add_argument("--compare-dateparser", dest="compare_dateparser", action="store_true",
                        help="value normalisation on gold extents: our grammar vs dateparser.parse")


def leave_out_report(gold_dir: Path, limit: int | None = None, every: int = 1) -> list[dict]:
    """One row per direction: tuned on sub-corpus A, scored on the other sub-corpus B.

    The tagger has no setting fitted to data at run time (its rules are fixed code), so
    "tuned on A" names which side a rule change was chosen on; the score of B is the same run
    either way. Each row gives B's own scores, so both directions are reported. The rules are
    cumulative: a row is a clean left-out score only for the changes analysed on its "tuned on"
    side (dating/timex/__init__.py lists which change came from which side)."""
    parts = sorted({p.relative_to(gold_dir).parts[0] for p in gold_files(gold_dir)
                    if len(p.relative_to(gold_dir).parts) > 1})
    rows = []
    for held in parts:
        tuned = [p for p in parts if p != held]
        report, _ = evaluate(gold_dir, limit, every=every, subset=held)
        rows.append({"tuned_on": "+".join(tuned), "scored_on": held,
                     **{k: v for k, v in report.items() if k not in ("errors", "subcorpora")}})
    return rows


_GRAIN = (("day", re.compile(r"^\d{4}-\d\d-\d\d$"), 10), ("month", re.compile(r"^\d{4}-\d\d$"), 7),
          ("year", re.compile(r"^\d{4}$"), 4))


def value_component_report(gold_dir: Path, subset: str | None = None) -> dict[str, dict[str, float | int]]:
    """Value normalisation alone, on gold extents: our grammar vs ``dateparser.parse``.

    Every gold DATE whose value is a calendar day, month or year is given, as its own text, to
    ``tag_timexes`` (anchored at the DCT) and to ``dateparser.parse`` (RELATIVE_BASE = the DCT,
    past dates preferred, as news mostly reports); dateparser's datetime is cut to the gold
    granularity (a favour to it: it cannot say the granularity itself); ``ours_then_dateparser`` asks
    dateparser only where the grammar found nothing. Accuracy per granularity."""
    import datetime as dt

    import dateparser

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in gold_files(gold_dir, subset=subset):
        doc = read_timeml(f, gold_dir)
        if not doc.dct or not re.match(r"^\d{4}-\d\d-\d\d", doc.dct):
            continue
        base = dt.datetime.strptime(doc.dct[:10], "%Y-%m-%d")
        for s, e, value, ttype in doc.timexes:
            if ttype != "DATE":
                continue
            grain = next(((g, n) for g, rx, n in _GRAIN if rx.match(value)), None)
            if grain is None:
                continue
            span = doc.text[s:e]
            c = counts[grain[0]]
            c["n"] += 1
            ours = tag_timexes(span, doc.dct)
            c["ours"] += bool(ours) and ours[0].value == value
            got = dateparser.parse(span, languages=["en"],
                                   settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
            dp_ok = got is not None and got.strftime("%Y-%m-%d")[:grain[1]] == value
            c["dateparser"] += dp_ok
            c["fallback"] += (ours[0].value == value) if ours else dp_ok
    out: dict[str, dict[str, float | int]] = {}
    for g, c in counts.items():
        out[g] = {"n": c["n"], "ours": round(c["ours"] / c["n"], 4), "dateparser": round(c["dateparser"] / c["n"], 4),
                  "ours_then_dateparser": round(c["fallback"] / c["n"], 4)}
    return out


def print_report(report: dict, total: Tally, show: int = 0, out: TextIO = sys.stdout) -> None:
    def row(name: str, s: dict) -> str:
        return (f"{name:<10} {s['relaxed_p']:.3f} {s['relaxed_r']:.3f} {s['relaxed_f1']:.3f}  "
                f"{s['strict_p']:.3f} {s['strict_r']:.3f} {s['strict_f1']:.3f}  {s['type_accuracy']:.3f}  "
                f"{s['value_f1']:.3f}  {s['value_f1_strict']:.3f}  {s['n_gold']:>5} {s['n_system']:>5}")

    print(f"{'part':<10} relP  relR  relF1  strP  strR  strF1  type   valF1  valF1s  gold   sys", file=out)
    print(row("ALL", report), file=out)
    for k, v in report["subcorpora"].items():
        print(row(k, v), file=out)
    for k, v in report["errors"].items():
        print(f"{k}: " + ", ".join(f"{a}={b}" for a, b in v.items()), file=out)
    for k, lines in total.examples.items():
        for line in lines[:show]:
            print(f"  [{k}] {line}", file=out)


def run(args: argparse.Namespace) -> int:
    if not args.gold_dir.is_dir():
        print(f"not a folder: {args.gold_dir}", file=sys.stderr)
        return 2
    if getattr(args, "compare_dateparser", False):
        rows = value_component_report(args.gold_dir, getattr(args, "subset", None))
        print(json.dumps(rows) if getattr(args, "json", False) else
              "\n".join(f"{g:<6} n={r['n']:<5} ours={r['ours']:.3f} dateparser={r['dateparser']:.3f} "
                        f"ours_then_dateparser={r['ours_then_dateparser']:.3f}"
                        for g, r in rows.items()))
        return 0
    if getattr(args, "leave_out", False):
        rows = leave_out_report(args.gold_dir, args.limit, args.every)
        if getattr(args, "json", False):
            print(json.dumps(rows))
        else:
            print(f"{'tuned on':<10} {'scored on':<10} relF1  strF1  valF1  typeF1  gold   sys   "
                  f"(valF1 up to notation)")
            for r in rows:
                print(f"{r['tuned_on']:<10} {r['scored_on']:<10} {r['relaxed_f1']:.3f}  "
                      f"{r['strict_f1']:.3f}  {r['value_f1']:.3f}  {r['type_f1']:.3f}   "
                      f"{r['n_gold']:>5} {r['n_system']:>5}   ({r['value_f1_notation']:.3f})")
        return 0
    report, total = evaluate(args.gold_dir, args.limit, every=args.every,
                             subset=getattr(args, "subset", None))
    if getattr(args, "json", False):
        print(json.dumps(report))
        if args.show:
            print_report(report, total, args.show, out=sys.stderr)
    else:
        print_report(report, total, args.show)
    return 0
