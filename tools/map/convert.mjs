// Regenerates assets/map/americas.json from the npm package world-atlas
// (Natural Earth 1:50m countries as TopoJSON). See assets/map/README.md.
//
// Usage (from a scratch dir with the two packages installed):
//   npm install world-atlas@2.0.2 topojson-client@3
//   node /path/to/tools/map/convert.mjs > americas.json
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const topo = require("world-atlas/countries-50m.json");
const version = require("world-atlas/package.json").version;

const BOX = [-170, -60, -30, 75];  // countries touching this box are kept
const PART_MAX_LAT = 84;           // ...and their parts up to here (Arctic islands, Greenland)
const TOLERANCE = 0.05;            // Douglas–Peucker tolerance, degrees
const MIN_AREA = 0.02;             // drop rings smaller than this (square degrees)...
                                   // ...but always keep each country's largest ring
const EXCLUDE = new Set(["620"]);  // Portugal: only the Azores' westernmost islets reach -30°

// The 21 republics: ISO 3166 numeric -> [game id, US embassy city in 1960 as [lon, lat]].
const REPUBLICS = {
  "032": ["argentina", [-58.38, -34.6]],          // Buenos Aires
  "068": ["bolivia", [-68.15, -16.5]],            // La Paz
  "076": ["brazil", [-43.17, -22.91]],            // Rio de Janeiro (not Brasília)
  "152": ["chile", [-70.67, -33.45]],             // Santiago
  "170": ["colombia", [-74.07, 4.71]],            // Bogotá
  "188": ["costa_rica", [-84.09, 9.93]],          // San José
  "192": ["cuba", [-82.37, 23.13]],               // Havana
  "214": ["dominican_republic", [-69.93, 18.49]], // Ciudad Trujillo (Santo Domingo)
  "218": ["ecuador", [-78.47, -0.18]],            // Quito
  "222": ["el_salvador", [-89.19, 13.69]],        // San Salvador
  "320": ["guatemala", [-90.51, 14.63]],          // Guatemala City
  "332": ["haiti", [-72.34, 18.54]],              // Port-au-Prince
  "340": ["honduras", [-87.21, 14.07]],           // Tegucigalpa
  "484": ["mexico", [-99.13, 19.43]],             // Mexico City
  "558": ["nicaragua", [-86.25, 12.14]],          // Managua
  "591": ["panama", [-79.52, 8.98]],              // Panama City
  "600": ["paraguay", [-57.58, -25.26]],          // Asunción
  "604": ["peru", [-77.04, -12.05]],              // Lima
  "858": ["uruguay", [-56.16, -34.9]],            // Montevideo
  "862": ["venezuela", [-66.9, 10.48]],           // Caracas
  "840": ["united_states", [-77.04, 38.91]],      // Washington
};

const r2 = (v) => Math.round(v * 100) / 100;
const bbox = (pts) => pts.reduce(([a, b, c, d], [x, y]) =>
  [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)], [Infinity, Infinity, -Infinity, -Infinity]);
const area = (ring) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
};

// Douglas–Peucker on an open polyline (iterative, keeps endpoints).
function simplify(pts, tol) {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a], [bx, by] = pts[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let maxD = -1, idx = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay)
                          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > maxD) { maxD = d; idx = i; }
    }
    if (maxD > tol) { keep[idx] = 1; stack.push([a, idx], [idx, b]); }
  }
  return pts.filter((_, i) => keep[i]);
}

// Simplify a closed ring, round to 2 decimals, drop repeated points; null if < 4 points.
function cleanRing(ring, tol) {
  const out = [];
  for (const [x, y] of simplify(ring, tol)) {
    const p = [r2(x), r2(y)], q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (out.length < 4) return null; // (still closed: first point == last point)
  // A thin island flattened into a sliver: redo it with a finer tolerance.
  if (tol > 0.01 && area(out) < 0.5 * area(ring)) return cleanRing(ring, tol / 4);
  return out;
}

// Is this polygon part (outer ring) one to draw on a map of the Americas?
function partWanted(outer) {
  const [x0, y0, x1, y1] = bbox(outer);
  if (x0 < BOX[0]) return false;                 // Aleutians west of -170, Chukotka, antimeridian pieces
  if (x1 < -120 && y1 < 30) return false;        // mid-Pacific: Hawaii, Polynesia, ...
  return x0 <= BOX[2] && x1 >= BOX[0] && y0 <= PART_MAX_LAT && y1 >= BOX[1];
}

const countries = [];
for (const f of feature(topo, topo.objects.countries).features) {
  const g = f.geometry;
  if (!g || EXCLUDE.has(f.id)) continue;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const touches = polys.some((p) => {
    const [x0, y0, x1, y1] = bbox(p[0]);
    return x0 <= BOX[2] && x1 >= BOX[0] && y0 <= BOX[3] && y1 >= BOX[1];
  });
  if (!touches) continue;
  // Holes are not kept apart: every ring (outer or inner) is a polygon to fill.
  const rings = polys.filter((p) => partWanted(p[0])).flat();
  if (!rings.length) continue;
  const largest = rings.reduce((m, r) => (area(r) > area(m) ? r : m));
  const kept = [];
  for (const ring of rings) {
    const big = area(ring) >= MIN_AREA;
    if (!big && ring !== largest) continue;
    // Small country or islet: fall back to the unsimplified ring if DP collapses it.
    const c = cleanRing(ring, TOLERANCE) ?? (ring === largest ? cleanRing(ring, 0) : null);
    if (c) kept.push(c);
  }
  if (!kept.length) continue;
  const rep = REPUBLICS[f.id];
  countries.push({
    id: rep ? rep[0] : null,
    name: f.properties.name,
    iso_n3: f.id ?? null,
    capital: rep ? rep[1] : null,
    rings: kept,
  });
}
countries.sort((a, b) => a.name.localeCompare(b.name));

const all = countries.flatMap((c) => c.rings.flat());
const bounds = bbox(all);
process.stdout.write(JSON.stringify({
  source: `Natural Earth via world-atlas countries-50m.json (npm world-atlas@${version})`,
  bounds,
  countries,
}) + "\n");
