// Converts Natural Earth country boundaries (npm package world-atlas, TopoJSON) into the world map's one generated
// asset: src/UjDatabase.Web/Map/world-map.tsv. Run it only when the boundaries or the projection change; the app reads
// the generated file and never needs node or the network. See tools/map/README.md.
//
//   cd /tmp/mapbuild && npm install world-atlas@2.0.2 topojson-client@3.1.0
//   node /path/to/repo/tools/map/build-map.mjs /tmp/mapbuild/node_modules [/usr/share/iso-codes/json/iso_3166-1.json]
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const modules = process.argv[2];
if (!modules) {
  console.error("usage: node build-map.mjs NODE_MODULES_DIR [ISO_3166_1_JSON]");
  process.exit(2);
}
const isoPath = process.argv[3] ?? "/usr/share/iso-codes/json/iso_3166-1.json";
const require = createRequire(join(modules, "noop.js"));
const { feature } = require("topojson-client");
const atlas = (scale) => JSON.parse(readFileSync(join(modules, "world-atlas", `countries-${scale}.json`), "utf8"));

// Numeric ISO 3166-1 codes (world-atlas ids) to alpha-2 (the project's codes), from Debian's iso-codes, the same
// source as src/UjDatabase.Core/Vocabularies/countries.tsv.
const alpha2 = new Map(JSON.parse(readFileSync(isoPath, "utf8"))["3166-1"].map((c) => [c.numeric, c.alpha_2]));
// Shapes without an ISO number: Kosovo has its user-assigned code; the others are drawn with the state that ISO
// (and so the project's records) places them in.
const byName = { "Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO" };
// Not drawn: no record can name Antarctica as a forum, and it would take a fifth of the height.
const skipped = new Set(["AQ"]);

function codeOf(geometry) {
  if (geometry.id !== undefined) return alpha2.get(geometry.id);
  return byName[geometry.properties.name];
}

// Equal Earth (Šavrič, Patterson and Jenny, 2018): equal-area, so a large country does not look larger than it is.
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
function project([lon, lat]) {
  const l = (lon * Math.PI) / 180;
  const t = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = t * t, t6 = t2 * t2 * t2;
  const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x, -y];
}

const Width = 1000;
const left = project([-180, 0])[0], right = project([180, 0])[0];
const scale = Width / (right - left);

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

// Rings that touch the antimeridian (Russia, Fiji) jump from 180° to -180°, which would draw a band across the whole
// map. Each ring is made continuous, and where it runs past ±180° it is drawn twice, once on each edge of the map
// (the SVG's box clips what lies outside).
function unwrap(polygon) {
  const rings = polygon.map((ring) => {
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0];
      while (lon - out[i - 1][0] > 180) lon -= 360;
      while (lon - out[i - 1][0] < -180) lon += 360;
      out.push([lon, ring[i][1]]);
    }
    return out;
  });
  const lons = rings.flat().map((p) => p[0]);
  const copies = [rings];
  if (Math.max(...lons) > 180) copies.push(rings.map((r) => r.map(([lon, lat]) => [lon - 360, lat])));
  if (Math.min(...lons) < -180) copies.push(rings.map((r) => r.map(([lon, lat]) => [lon + 360, lat])));
  // The copy that lies mostly on the map first: it is the one a flow starts or ends at.
  const offset = (copy) => Math.abs(copy[0].reduce((sum, p) => sum + p[0], 0) / copy[0].length);
  return copies.sort((a, b) => offset(a) - offset(b));
}

const shapes = new Map(); // code -> { polygons: [[ring of [x, y]]] to draw, primary: the same without the copies }
function add(code, geometry) {
  const entry = shapes.get(code) ?? { polygons: [], primary: [] };
  for (const polygon of polygonsOf(geometry)) {
    const copies = unwrap(polygon).map((copy) => copy.map((ring) => ring.map(project)));
    entry.polygons.push(...copies);
    entry.primary.push(copies[0]);
  }
  shapes.set(code, entry);
}

const unmapped = [];
for (const f of feature(atlas("110m"), atlas("110m").objects.countries).features) {
  const code = codeOf(f);
  if (!code) { unmapped.push(f.properties.name); continue; }
  if (skipped.has(code)) continue;
  add(code, f.geometry);
}

// Countries too small for the 1:110m boundaries (Malta, Singapore, Bahrain, ...) get a point from the 1:50m ones, so
// that a forum there can still be drawn and clicked.
const points = new Map();
for (const f of feature(atlas("50m"), atlas("50m").objects.countries).features) {
  const code = codeOf(f);
  if (!code || skipped.has(code) || shapes.has(code)) continue;
  const polygons = polygonsOf(f.geometry).map((p) => p.map((ring) => ring.map(project)));
  if (polygons.length > 0) points.set(code, centre(polygons));
}

function area(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

// The centroid of the largest outer ring: where flows start and end (France's is in Europe, not French Guiana).
function centre(polygons) {
  let best = polygons[0][0], bestArea = 0;
  for (const polygon of polygons) {
    const a = Math.abs(area(polygon[0]));
    if (a > bestArea) { bestArea = a; best = polygon[0]; }
  }
  let cx = 0, cy = 0, a2 = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const cross = best[j][0] * best[i][1] - best[i][0] * best[j][1];
    cx += (best[j][0] + best[i][0]) * cross;
    cy += (best[j][1] + best[i][1]) * cross;
    a2 += cross;
  }
  if (Math.abs(a2) < 1e-12) return best[0];
  return [cx / (3 * a2), cy / (3 * a2)];
}

// One decimal in a 1000-unit-wide box: enough for a map drawn at up to about 1400 pixels, and a small file.
const top = Math.min(...[...shapes.values()].flatMap((s) => s.polygons.flat(2).map((p) => p[1])));
const bottom = Math.max(...[...shapes.values()].flatMap((s) => s.polygons.flat(2).map((p) => p[1])));
const Pad = 4;
const toBox = ([x, y]) => [Math.round((x - left) * scale * 10), Math.round(((y - top) * scale + Pad) * 10)];
const Height = Math.ceil((bottom - top) * scale + 2 * Pad);

function pathOf(polygons) {
  let d = "";
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let previous = null, part = "";
      let count = 0;
      for (const point of ring) {
        const [x, y] = toBox(point);
        if (previous === null) { part += `M${fmt(x)} ${fmt(y)}l`; }
        else {
          const dx = x - previous[0], dy = y - previous[1];
          if (dx === 0 && dy === 0) continue;
          part += `${count > 0 && dx >= 0 ? " " : ""}${fmt(dx)}${dy >= 0 ? " " : ""}${fmt(dy)}`;
          count++;
        }
        previous = [x, y];
      }
      if (count >= 2) d += part + "z";
    }
  }
  return d;
}

// Tenths written as decimals without a leading zero: 12 -> 1.2, -5 -> -.5, 30 -> 3.
function fmt(tenths) {
  const sign = tenths < 0 ? "-" : "";
  const a = Math.abs(tenths);
  const whole = Math.floor(a / 10), tenth = a % 10;
  if (tenth === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? "" : whole}.${tenth}`;
}

const lines = [
  "# The world map's countries: ISO 3166-1 alpha-2 code (XK Kosovo), label point x y, SVG path (empty: drawn as a point).",
  "# Generated by tools/map/build-map.mjs from Natural Earth 1:110m (points for smaller countries from 1:50m) via the npm",
  "# package world-atlas 2.0.2. Natural Earth is in the public domain; world-atlas is ISC-licensed. Equal Earth projection,",
  `# box ${Width} x ${Height}; Antarctica left out. Do not edit by hand: regenerate (see tools/map/README.md).`,
  `@box\t${Width}\t${Height}`,
];
// The enlarged part of the map, where most prosecuting states and many territories lie: Europe, North Africa and the
// Middle East (12°W–52°E, 28°N–71°N), as a box in the same coordinates.
const corners = [[-12, 71], [52, 71], [-12, 28], [52, 28]].map((p) => toBox(project(p)).map((v) => v / 10));
const [ix, iy] = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1]))];
const [iw, ih] = [Math.max(...corners.map((c) => c[0])) - ix, Math.max(...corners.map((c) => c[1])) - iy];
lines.push(`@inset\t${Math.round(ix)}\t${Math.round(iy)}\t${Math.round(iw)}\t${Math.round(ih)}`);
const fmtPoint = (p) => toBox(p).map(fmt).join(" ");
for (const code of [...shapes.keys()].sort()) {
  const d = pathOf(shapes.get(code).polygons);
  lines.push(`${code}\t${fmtPoint(centre(shapes.get(code).primary))}\t${d}`);
}
for (const code of [...points.keys()].sort()) {
  lines.push(`${code}\t${fmtPoint(points.get(code))}\t`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "UjDatabase.Web", "Map", "world-map.tsv");
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${shapes.size} shapes, ${points.size} points, ${lines.join("\n").length} characters -> ${out}`);
if (unmapped.length > 0) console.log(`left out (no code): ${unmapped.join(", ")}`);
