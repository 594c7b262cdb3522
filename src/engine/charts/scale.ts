/** Axis ranges that start near the data rather than at 0, so that differences between schools show. */

export interface AxisRange {
  min: number;
  max: number;
}

/** ИСБШ lies in [0, 100] by construction (85 + 15h − 20s − 65r with shares in [0, 1]). */
export const ISBSH_BOUNDS: AxisRange = { min: 0, max: 100 };

/**
 * The smallest range on multiples of `step` that holds every value with a margin of 5 % of their spread
 * (at least one unit), kept inside `bounds` unless the data themselves lie outside them.
 */
export function axisRangeNear(values: number[], bounds: AxisRange = ISBSH_BOUNDS, step = 5): AxisRange {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return { ...bounds };
  const pad = Math.max((hi - lo) * 0.05, 1);
  let min = Math.floor((lo - pad) / step) * step;
  let max = Math.ceil((hi + pad) / step) * step;
  if (lo >= bounds.min) min = Math.max(min, bounds.min);
  if (hi <= bounds.max) max = Math.min(max, bounds.max);
  if (max <= min) max = min + step;
  return { min, max };
}

const NICE_STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50];

/** The smallest customary bin width that cuts `range` into at most `maxBins` bins. */
export function niceStep(range: AxisRange, maxBins: number): number {
  const span = range.max - range.min;
  return NICE_STEPS.find((s) => span / s <= maxBins) ?? NICE_STEPS[NICE_STEPS.length - 1];
}
