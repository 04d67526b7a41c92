"""Line classifier for flattened web text (jusText-style features). Placeholder heuristics."""

from __future__ import annotations


def classify_lines(lines: list[str]) -> tuple[list[bool], str | None]:
    """For each line, True to keep it as body; and the headline, if one is found."""
    keep = []
    for ln in lines:
        s = ln.strip()
        keep.append(bool(s) and len(s.split()) >= 3)
    title = next((ln.strip() for ln, k in zip(lines, keep, strict=True) if k), None)
    return keep, title
