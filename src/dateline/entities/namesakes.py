"""A town name several places share, read by the story's own map: when the town ``geo.resolve`` chose
(a world city, the most populous reading) lies far from every other town the story names while a
namesake of it in another country lies right beside one of them ("Wellington" in a story that names Telford: the English
town beside it, not the capital of New Zealand), the namesake is the one meant. News names the places of
one event together; a reading that sits alone on the other side of the world is the odd one out.

Only towns (GeoNames cities) are re-read and only towns anchor: a country or a US state is too large to
say which of two towns is near it, and a building borrows its town's point.
"""

from __future__ import annotations

from ..model import Entity, GeoPoint
from . import geo
from .names import key

NEAR_STORY_KM = 40.0  # a namesake this close to another town of the story is beside it
FAR_KM = 500.0  # ... and the chosen reading this far from all of them is the odd one out


def _towns(entities: list[Entity]) -> list[Entity]:
    index = geo.geonames_index()
    out = []
    for e in entities:
        gid = e.geo.gazetteer_id if e.geo is not None else None
        if e.type not in ("GPE", "LOC", "FAC") or not gid or not gid.startswith("geonames:"):
            continue
        if any(p.gazetteer_id == gid and p.kind == "city" for p in index.get(key(e.name), [])):
            out.append(e)
    return out


def prefer_near(entities: list[Entity]) -> None:
    """Move a town to the namesake beside the story's other towns (see the module docstring)."""
    towns = _towns(entities)
    if len(towns) < 2:
        return
    index = geo.geonames_index()
    for e in towns:
        assert e.geo is not None
        others = [o.geo for o in towns if o is not e and o.geo is not None and o.geo.gazetteer_id != e.geo.gazetteer_id]
        if not others:
            continue

        def gap(lat: float, lon: float, pts: list[GeoPoint] = others) -> float:
            return min(geo._km(lat, lon, p.lat, p.lon) for p in pts)

        if gap(e.geo.lat, e.geo.lon) <= FAR_KM:
            continue
        k = key(e.name)
        # another country's namesake only: within one country the text's own cue (a state written after
        # the town, "Springfield, Missouri") outweighs the neighbourhood ("Springfield" beside "New York")
        rivals = [p for p in index.get(k, []) if p.kind == "city" and index.is_main(k, p)
                  and p.country != e.geo.country and gap(p.lat, p.lon) <= NEAR_STORY_KM]
        if not rivals:
            continue
        best = max(rivals, key=lambda p: (p.population, p.gazetteer_id))
        e.geo = GeoPoint(lat=best.lat, lon=best.lon, gazetteer_id=best.gazetteer_id, country=best.country)
        e.attrs["namesake_by"] = "nearby towns of the story"
