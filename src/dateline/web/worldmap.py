"""The bundled world outline and the projection used to place points on it.

``static/world-land.path`` holds one SVG path (equirectangular, viewBox 0 0 360 180:
x = lon + 180, y = 90 - lat) of the land polygons of Natural Earth 1:110m (public
domain), converted from ``land-110m.json`` of the npm package ``world-atlas`` 2.0.2
(ISC licence, Natural Earth 4.1.0) by ``python -m dateline.web.worldmap land-110m.json``.
No library draws an offline vector map from Python without pulling in GEOS/GDAL, so the
TopoJSON decoding (delta-encoded, quantized arcs) is done here in a few lines.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

WIDTH, HEIGHT = 360.0, 180.0
PATH_FILE = "world-land.path"


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection into the 360x180 viewBox of the outline."""
    return (max(0.0, min(WIDTH, lon + 180.0)), max(0.0, min(HEIGHT, 90.0 - lat)))


@lru_cache(maxsize=1)
def land_path() -> str:
    """SVG path data of the world's land (read once from the package)."""
    return resources.files("dateline.web").joinpath("static", PATH_FILE).read_text(encoding="utf-8").strip()


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], idx: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def topojson_to_path(topo: dict, obj: str = "land", precision: int = 1) -> str:
    """Build SVG path data from a TopoJSON object of polygons (e.g. world-atlas land-110m)."""
    arcs = _decode_arcs(topo)
    geoms = topo["objects"][obj]
    geoms = geoms.get("geometries", [geoms])
    parts = []
    for g in geoms:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for poly in polys:
            for ring in poly:
                for piece in split_at_antimeridian(_ring(arcs, ring)):
                    coords, last = [], None
                    for lon, lat in piece:
                        x, y = project(lat, lon)
                        p = f"{x:.{precision}f} {y:.{precision}f}"
                        if p != last:
                            coords.append(p)
                        last = p
                    if len(coords) >= 3:
                        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a (lon, lat) ring where it crosses lon ±180, so no edge spans the whole map.

    A ring crossing twice (Chukotka, Fiji) becomes one piece per side, each closed along
    the map's edge; a ring crossing once encloses a pole (Antarctica) and is closed
    along the map's top or bottom.
    """
    crossings = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if not crossings:
        return [ring]
    pieces: list[list[tuple[float, float]]] = [[]]
    for i, (lon, lat) in enumerate(ring):
        if i in crossings:
            plon, plat = ring[i - 1]
            edge = 180.0 if plon > 0 else -180.0
            span = (360 - abs(lon - plon)) or 1.0
            t = (180 - abs(plon)) / span
            clat = plat + (lat - plat) * t
            pieces[-1].append((edge, clat))
            pieces.append([(-edge, clat)])
        pieces[-1].append((lon, lat))
    if len(crossings) % 2 == 1:  # around a pole: close along the map's top or bottom
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        whole = pieces[-1] + pieces[0]
        whole = whole + [(whole[-1][0], pole), (whole[0][0], pole)]
        return [whole, *pieces[1:-1]]
    # the ring starts somewhere in a piece: join the last piece to the first (same side)
    pieces[0] = pieces[-1] + pieces[0]
    return pieces[:-1]


if __name__ == "__main__":  # regenerate the bundled outline
    src = Path(sys.argv[1])
    dest = Path(__file__).with_name("static") / PATH_FILE
    dest.write_text(topojson_to_path(json.loads(src.read_text())) + "\n", encoding="utf-8")
    print(f"wrote {dest} ({dest.stat().st_size} bytes)")
