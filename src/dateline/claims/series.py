"""Series: the claims of one measure and place across documents, ordered by as_of."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Claim, Series
from .scope import NATIONWIDE, is_country


def _key(c: Claim) -> tuple[str, str, int]:
    return (c.as_of or "9999", c.evidence.doc if c.evidence else "", c.evidence.start if c.evidence else 0)


# counted nouns with no state: "people" gathers protesters, residents and crowds, "staff" any
# organisation's employees - different counts, not one figure moving over time
_GRAB_BAGS = {"people", "staff", "members"}


def place_key(place: str | None) -> str:
    """"The City's Main Hospital" and "city main hospital" are one place; an
    unplaced figure and a "nationwide" one are both the story-wide count."""
    if place == NATIONWIDE:
        return ""
    return re.sub(r"[^a-z]+", " ", (place or "").lower().replace("'s", "").replace("’s", "")).strip()


def build_series(claims: list[Claim], min_claims: int = 2) -> list[Series]:
    """One series per (measure, place) seen at least ``min_claims`` times; the measure is the
    normalised counted noun + state ("people killed": killed/dead/died/bodies/deaths all map
    to it), the place a separate key so "people killed" in one city and story-wide figures do
    not mix; the series' ``measure`` names the place ("people killed in <the city>"). Same-day claims from different sources sit next to each other (ties ordered by
    document and offset)."""
    # the story's own country (the most cited country place of its claims): "people killed in
    # <the home country>" and an unplaced "people killed" are one series; another country's is not
    countries = Counter(place_key(c.place) for c in claims if c.place and c.place != NATIONWIDE and is_country(c.place))
    home = countries.most_common(1)[0][0] if countries else None
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.measure in _GRAB_BAGS:
            continue
        key = place_key(c.place)
        groups[(c.measure, "" if key == home else key)].append(c)
    out = []
    for (measure, key), cs in groups.items():
        if len(cs) < min_claims:
            continue
        cs.sort(key=_key)
        place = next((c.place for c in cs if c.place and c.place != NATIONWIDE), None) if key else None
        if not key and home:
            place = next((c.place for c in cs if place_key(c.place) == home), None)
        # the label says the place: four series of "people killed" are told apart
        label = f"{measure} in {place}" if place else measure
        out.append(Series(measure=label, claims=[c.id for c in cs], place=place))
    out.sort(key=lambda s: (-len(s.claims), s.measure, s.place or ""))
    return out
