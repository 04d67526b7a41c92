"""Series: the claims of one measure (and place) across documents, ordered by as_of."""

from __future__ import annotations

from collections import defaultdict

from ..model import Claim, Series


def _key(c: Claim) -> tuple[str, str, int]:
    return (c.as_of or "9999", c.evidence.doc if c.evidence else "", c.evidence.start if c.evidence else 0)


def build_series(claims: list[Claim], min_claims: int = 2) -> list[Series]:
    """One series per measure seen at least ``min_claims`` times; same-day claims from
    different sources sit next to each other (ties ordered by document and offset)."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[c.measure].append(c)
    out = []
    for measure, cs in groups.items():
        if len(cs) < min_claims:
            continue
        cs.sort(key=_key)
        out.append(Series(measure=measure, claims=[c.id for c in cs], place=cs[0].place))
    out.sort(key=lambda s: (-len(s.claims), s.measure))
    return out
