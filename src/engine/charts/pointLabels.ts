/**
 * Names beside the marked points of a scatter, placed so that they do not cover each other or a point.
 * The spec fixes the plot's size and domains, so the engine knows where every point lands; text width is
 * estimated on the generous side (the renderer's font is narrower), so a placement that is free here is
 * free in the picture.
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below';

export interface PlacedLabel {
  index: number;
  side: LabelSide;
}

export interface Plot {
  width: number;
  height: number;
  x: { min: number; max: number };
  y: { min: number; max: number };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Pixels each side moves the text away from its point (the spec's dx / dy use the same numbers). */
export const LABEL_OFFSETS: Record<LabelSide, { dx: number; dy: number; align: 'left' | 'right' | 'center' }> = {
  right: { dx: 7, dy: 0, align: 'left' },
  left: { dx: -7, dy: 0, align: 'right' },
  above: { dx: 0, dy: -11, align: 'center' },
  below: { dx: 0, dy: 11, align: 'center' },
};
const SIDES: LabelSide[] = ['right', 'left', 'above', 'below'];
const CHAR_WIDTH = 6.2;
const LINE = 12;
const POINT_RADIUS = 5;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(b: Box, plot: Plot): number {
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  const inside = overlap(b, { x1: 0, y1: 0, x2: plot.width, y2: plot.height });
  return w * h - inside;
}

/**
 * For each label (point index and text) the first side, in the order right, left, above, below, where it
 * touches no label placed so far, no other point, no line and stays in the plot; failing that, the side
 * that covers least.
 */
export function placeLabels(
  plot: Plot,
  points: { x: number; y: number }[],
  labels: { index: number; text: string }[],
  lines: { x1: number; y1: number; x2: number; y2: number }[] = [],
): PlacedLabel[] {
  const px = (v: number) => ((v - plot.x.min) / (plot.x.max - plot.x.min || 1)) * plot.width;
  const py = (v: number) => plot.height - ((v - plot.y.min) / (plot.y.max - plot.y.min || 1)) * plot.height;
  const dot = (x: number, y: number, r: number): Box => ({ x1: x - r, y1: y - r, x2: x + r, y2: y + r });
  const dots: Box[] = points.map((p) => dot(px(p.x), py(p.y), POINT_RADIUS));
  // A line is an obstacle too: small boxes every few pixels along it.
  const strokes: Box[] = [];
  for (const l of lines) {
    const [x1, y1, x2, y2] = [px(l.x1), py(l.y1), px(l.x2), py(l.y2)];
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 4);
    for (let i = 0; i <= steps; i++) strokes.push(dot(x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps, 1.5));
  }
  const taken: Box[] = [];
  return labels.map(({ index, text }) => {
    const cx = px(points[index].x);
    const cy = py(points[index].y);
    const w = text.length * CHAR_WIDTH;
    let best: { side: LabelSide; box: Box; cost: number } | null = null;
    for (const side of SIDES) {
      const o = LABEL_OFFSETS[side];
      const x1 = o.align === 'left' ? cx + o.dx : o.align === 'right' ? cx + o.dx - w : cx - w / 2;
      const box = { x1, y1: cy + o.dy - LINE / 2, x2: x1 + w, y2: cy + o.dy + LINE / 2 };
      let cost = outside(box, plot) * 4;
      for (const t of taken) cost += overlap(box, t) * 2;
      dots.forEach((d, i) => {
        if (i !== index) cost += overlap(box, d);
      });
      for (const d of strokes) cost += overlap(box, d);
      if (!best || cost < best.cost) best = { side, box, cost };
      if (cost === 0) break;
    }
    const chosen = best as { side: LabelSide; box: Box };
    taken.push(chosen.box);
    return { index, side: chosen.side };
  });
}
