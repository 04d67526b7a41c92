"""How a gold evaluator turns its articles into stories: one shared way for every evaluator.

``dateline analyze`` splits a pile into the stories it tells (the ``stories`` pile stage) and runs
the story phase on each. A gold file lists the articles of several stories, so the evaluators run
them the same way by default, scoring what a user would get from the same input:

* ``detect`` (default): ``pipeline.analyze_stories`` -- story detection, then the story phase on
  each detected story; articles detection leaves in no story (``unassigned``) get no story phase,
  as in ``analyze`` (their per-document fields are kept, their story-level output is none);
* ``folder``: one story per story folder of the gold's article paths (``story_groups``:
  ``.../articles/<story>/x.txt``), each run through ``pipeline.analyze_story``;
* ``one``: every article as ONE story (``analyze --one-story``).

Nothing here re-implements a stage: phase 1 is ``pipeline.analyze_documents`` (or the evaluator's
own cached call of it), the split is ``pipeline.split_stories``/``analyze_stories``, and the story
phase is ``pipeline.analyze_story``. ``GroupedRun.report`` joins the stories' reports into one
for scoring (ids prefixed with the story's number when there are several), and ``GroupedRun.meta``
is what the evaluators print and put in their JSON output (``grouping``).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Document, Report
    from ..pipeline import AnalyzeOptions
    from ..settings import Settings
    from ..stories import StoryPartition

GROUPINGS = ("detect", "folder", "one")
DEFAULT_GROUPING = "detect"
_DATE_FOLDER = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def add_grouping_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--grouping`` option every gold evaluator takes."""
    parser.add_argument("--grouping", choices=GROUPINGS, default=DEFAULT_GROUPING,
                        help="how the gold's articles become stories: detect = as `dateline analyze` (story "
                             "detection, then each detected story); folder = one story per story folder of the "
                             "article paths; one = all articles as one story (`analyze --one-story`)")


def folder_keys(paths: list[Path]) -> list[str]:
    """Each path's story folder: the first folder below the paths' common folder
    (``.../articles/<story>/x.txt``, ``timeline17/<topic>/InputDocs/...``); all ``""`` (one story)
    when the paths share their folder or that folder is a date."""
    if len(paths) <= 1:
        return ["" for _ in paths]
    parts = [p.parts for p in paths]
    n = 0
    while all(len(x) > n + 1 for x in parts) and len({x[n] for x in parts}) == 1:
        n += 1
    keys = [x[n] if len(x) > n + 1 else "" for x in parts]
    if "" in keys or any(_DATE_FOLDER.match(k) for k in keys):
        return ["" for _ in paths]
    return keys


def story_groups(paths: list[Path]) -> list[list[Path]]:
    """The gold's articles grouped by their story folder (``folder_keys``), folders in sorted order."""
    if len(paths) <= 1:
        return [list(paths)]
    groups: dict[str, list[Path]] = {}
    for k, p in zip(folder_keys(paths), paths, strict=True):
        groups.setdefault(k, []).append(p)
    return [groups[k] for k in sorted(groups)]


@dataclass
class GroupedRun:
    """The story phase of one evaluator run: the grouping, the stories and their reports."""

    grouping: str
    documents: list[Document]  # every input document, in input order, as after its story's phase
    partition: StoryPartition
    reports: list[Report]  # one per story (folder grouping: one per folder, even one with no analysed article)
    folders: dict[str, str] = field(default_factory=dict)  # doc id -> story folder ("" when unknown)

    @cached_property
    def report(self) -> Report:
        """One report holding every story's parts (ids prefixed ``s<k>`` when there are several) and
        every input document (those in no story as phase 1 left them). Built once: the prefixes are
        set on the stories' items, so a second build would prefix them again."""
        base = copy.copy(self.reports[0])
        several = len(self.reports) > 1
        base.documents = list(self.documents)
        for name in ("entities", "events", "timeline", "claims", "series", "disagreements"):
            items: list[Any] = []
            for k, rep in enumerate(self.reports, 1):
                for item in getattr(rep, name):
                    if several and hasattr(item, "id"):
                        item.id = f"s{k}{item.id}"
                    items.append(item)
            setattr(base, name, items)
        return base

    def meta(self) -> dict[str, Any]:
        """The ``grouping`` field of an evaluator's JSON output: which grouping ran, the stories'
        sizes, and (when the article paths name story folders) how pure the stories are: per folder,
        how many stories its articles went to; per story, how many folders it mixes."""
        part = self.partition
        out: dict[str, Any] = {
            "name": self.grouping,
            "stories": len(part.stories),
            "sizes": [len(s.documents) for s in part.stories],
            "documents": [list(s.documents) for s in part.stories],
            "unassigned": len(part.unassigned),
            "rejected": len(part.rejected),
        }
        if any(self.folders.values()):
            spread: dict[str, set[int]] = {}
            mixed = 0
            for k, s in enumerate(part.stories):
                names = {self.folders.get(i, "") for i in s.documents}
                mixed += len(names) > 1
                for name in names:
                    spread.setdefault(name, set()).add(k)
            for i in part.unassigned:
                spread.setdefault(self.folders.get(i, ""), set())
            out["folders"] = len(set(self.folders.values()))
            out["stories_per_folder"] = {name: len(ks) for name, ks in sorted(spread.items())}
            out["unassigned_per_folder"] = {name: n for name in sorted(spread)
                                            if (n := sum(1 for i in part.unassigned if self.folders.get(i) == name))}
            out["mixed_stories"] = mixed
        return out

    def describe(self) -> str:
        """One line for stderr: which grouping ran and what it made."""
        m = self.meta()
        line = f"grouping: {m['name']} ({m['stories']} stories of {m['sizes']} articles, {m['unassigned']} unassigned"
        if "folders" in m:
            line += f"; {m['folders']} story folders, {m['mixed_stories']} stories mixing folders"
        return line + ")"


def run_stories(docs: list[Document], grouping: str = DEFAULT_GROUPING, *, paths: Mapping[str, Path | str] | None = None,
                settings: Settings | None = None, disable: Collection[str] = (),
                options: AnalyzeOptions | None = None, quiet: bool = False) -> GroupedRun:
    """The story phase of analysed ``docs`` under ``grouping`` (see the module docstring).

    ``paths``: doc id -> article path (the folder grouping reads it; the purity counts too)."""
    from ..pipeline import analyze_groups, analyze_stories, analyze_story
    from ..stories import Story, StoryPartition, story_id, whole_pile

    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}; one of {', '.join(GROUPINGS)}")
    ids = [d.id for d in docs]
    folders: dict[str, str] = {}
    if paths:
        known = [i for i in ids if i in paths]
        folders = dict(zip(known, folder_keys([Path(paths[i]) for i in known]), strict=True))
    if grouping == "detect":
        part, reports = analyze_stories(docs, options, settings=settings, disable=disable)
    elif grouping == "one":
        part, reports = analyze_stories(docs, options, settings=settings, disable=disable, one_story=True)
    else:
        by_folder: dict[str, list[Document]] = {}
        for d in docs:
            by_folder.setdefault(folders.get(d.id, ""), []).append(d)
        groups = [by_folder[k] for k in sorted(by_folder)]
        if len(groups) <= 1:
            part, reports = whole_pile(docs), [analyze_story(docs, options, settings=settings, disable=disable)]
        else:
            part = StoryPartition(rejected=[{"id": d.id, "reason": d.error or "rejected"}
                                            for d in docs if d.status != "ok"])
            reports = analyze_groups(groups, options, settings=settings, disable=disable)
            for g in groups:
                ok = [d.id for d in g if d.status == "ok"]
                if ok:
                    part.stories.append(Story(id=story_id(ok[0]), title=folders.get(ok[0], ""), documents=ok))
    after = {d.id: d for rep in reports for d in rep.documents}
    run = GroupedRun(grouping, [after.get(i, d) for i, d in zip(ids, docs, strict=True)], part, reports, folders)
    if not quiet:
        print(run.describe(), file=sys.stderr)
    return run
