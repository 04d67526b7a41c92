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
                pts = [project(lat, lon) for lon, lat in _ring(arcs, ring)]
                coords, last = [], None
                for x, y in pts:
                    p = f"{x:.{precision}f} {y:.{precision}f}"
                    if p != last:
                        coords.append(p)
                    last = p
                if len(coords) >= 3:
                    parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


if __name__ == "__main__":  # regenerate the bundled outline
    src = Path(sys.argv[1])
    dest = Path(__file__).with_name("static") / PATH_FILE
    dest.write_text(topojson_to_path(json.loads(src.read_text())) + "\n", encoding="utf-8")
    print(f"wrote {dest} ({dest.stat().st_size} bytes)")
