/**
 * Plain SVG paths for locality boundaries, projected at build time. The areas are small, so an
 * equirectangular projection scaled by cos(latitude) keeps shapes true enough without d3-geo.
 */
export interface MapFeature {
  readonly code: string;
  readonly name: string;
  /** Rings of [longitude, latitude]; the first ring of each polygon is its outline. */
  readonly rings: readonly (readonly (readonly [number, number])[])[];
}

export interface MapShape {
  readonly code: string;
  readonly name: string;
  readonly d: string;
  /** Where to put the label: the centroid of the shape's largest ring. */
  readonly labelX: number;
  readonly labelY: number;
}

export function projectFeatures(features: readonly MapFeature[], width: number, height: number, padding = 8): MapShape[] {
  const points = features.flatMap((f) => f.rings.flat());
  if (points.length === 0) return [];
  const lats = points.map((p) => p[1]);
  const meanLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p[0] * kx);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const scale = Math.min((width - 2 * padding) / (x1 - x0 || 1), (height - 2 * padding) / (y1 - y0 || 1));
  const offsetX = (width - (x1 - x0) * scale) / 2;
  const offsetY = (height - (y1 - y0) * scale) / 2;
  const project = ([lon, lat]: readonly [number, number]): [number, number] => [
    round(offsetX + (lon * kx - x0) * scale),
    round(offsetY + (y1 - lat) * scale),
  ];
  return features.map((f) => {
    const projected = f.rings.map((ring) => ring.map(project));
    const d = projected.map((ring) => `M${ring.map(([x, y]) => `${x},${y}`).join('L')}Z`).join('');
    const [labelX, labelY] = centroid(projected);
    return { code: f.code, name: f.name, d, labelX: round(labelX), labelY: round(labelY) };
  });
}

/**
 * Area-weighted centroid of the largest ring (shoelace formula): for the irregular shapes of
 * localities it sits inside the shape more often than the bounding box's centre does.
 */
function centroid(rings: readonly (readonly [number, number])[][]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const ring of rings) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    const area = Math.abs(a / 2);
    if (area > bestArea && a !== 0) {
      bestArea = area;
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  if (bestArea < 0) {
    const all = rings.flat();
    best = [all.reduce((t, p) => t + p[0], 0) / all.length, all.reduce((t, p) => t + p[1], 0) / all.length];
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
