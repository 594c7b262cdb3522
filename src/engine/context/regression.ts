/** The least-squares line y = a + b·x and how well it fits (what =INTERCEPT, =SLOPE and =RSQ return). */
export interface Line {
  a: number;
  b: number;
  n: number;
  /** R² of the line (=RSQ); null when every y is the same (Sheets answers #DIV/0!). */
  r2: number | null;
}

/**
 * Ordinary least squares over paired values, in two passes (means first, then centred sums), which is
 * what spreadsheets do and keeps the sums small: a naive Σx² − n·x̄² loses every digit at ИСБШ ≈ 80.
 * The caller has ruled out n < 2 and equal x.
 */
export function leastSquares(xs: readonly number[], ys: readonly number[]): Line {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const b = sxy / sxx;
  return { a: my - b * mx, b, n, r2: syy === 0 ? null : (sxy * sxy) / (sxx * syy) };
}
