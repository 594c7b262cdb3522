import { isbsh, percentileInc, sharesProblem } from './isbsh/formula';
import { parseNumber } from './parse';
import { MIN_THRESHOLD, Settings, defaultSettings, parseCutoff, CUTOFF_P } from './settings';
import { isLow } from './shnor/judge';
import { Cell, cellText } from './table';
import { formatNumber, quote } from './text';

/**
 * The logic of the custom functions (DESIGN §4): a single value or a whole range in, the same shape
 * out, one message per bad cell. The add-on shell only forwards its arguments here.
 */
export type Arg = Cell | Cell[][] | undefined;
export type Out = Cell | Cell[][];

export class CustomFunctionError extends Error {}

function shapeOf(a: Arg): [number, number] | null {
  return Array.isArray(a) ? [a.length, a[0]?.length ?? 0] : null;
}

/** Applies `fn` cell by cell over arguments that are each a scalar or a range of one common shape. */
export function broadcast(args: Arg[], names: string[], fn: (values: Cell[]) => Cell): Out {
  const shapes = args.map(shapeOf);
  const shape = shapes.find((s) => s !== null) ?? null;
  shapes.forEach((s, i) => {
    if (s && shape && (s[0] !== shape[0] || s[1] !== shape[1])) {
      throw new CustomFunctionError(`Диапазон «${names[i]}» размером ${s[0]}×${s[1]}, а должен быть ${shape[0]}×${shape[1]}, как остальные.`);
    }
  });
  const at = (a: Arg, r: number, c: number): Cell => (Array.isArray(a) ? a[r][c] ?? null : a ?? null);
  if (!shape) return fn(args.map((a) => at(a, 0, 0)));
  const out: Cell[][] = [];
  for (let r = 0; r < shape[0]; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < shape[1]; c++) row.push(fn(args.map((a) => at(a, r, c))));
    out.push(row);
  }
  return out;
}

const blank = (values: Cell[]) => values.every((v) => cellText(v) === '');

function share(value: Cell, name: string): number | string {
  const n = parseNumber(value);
  if (!n) return `Ошибка: ${name} «${quote(cellText(value))}» — не число`;
  const v = n.percent ? n.value / 100 : n.value;
  if (v < 0 || v > 1) return `Ошибка: ${name} = ${formatNumber(v, 3)} вне диапазона 0–1`;
  return v;
}

function count(value: Cell, name: string): number | string {
  const n = parseNumber(value);
  if (!n || n.percent) return `Ошибка: ${name} «${quote(cellText(value))}» — не число`;
  if (!Number.isInteger(n.value) || n.value < 0) return `Ошибка: ${name} = ${quote(cellText(value))} — нужно целое неотрицательное число`;
  return n.value;
}

/** ISBSH(h; s; r) */
export function isbshFromShares(h: Arg, s: Arg, r: Arg, weights: Settings['weights'] = defaultSettings().weights): Out {
  return broadcast([h, s, r], ['h', 's', 'r'], (v) => {
    if (blank(v)) return '';
    const parsed = [share(v[0], 'h'), share(v[1], 's'), share(v[2], 'r')];
    const bad = parsed.find((p) => typeof p === 'string');
    if (bad !== undefined) return bad;
    return isbsh({ h: parsed[0] as number, s: parsed[1] as number, r: parsed[2] as number }, weights);
  });
}

/** ISBSH_COUNTS(N; H; S; R) */
export function isbshFromCounts(n: Arg, h: Arg, s: Arg, r: Arg, weights: Settings['weights'] = defaultSettings().weights): Out {
  return broadcast([n, h, s, r], ['N', 'H', 'S', 'R'], (v) => {
    if (blank(v)) return '';
    const parsed = [count(v[0], 'N'), count(v[1], 'H'), count(v[2], 'S'), count(v[3], 'R')];
    const bad = parsed.find((p) => typeof p === 'string');
    if (bad !== undefined) return bad;
    const [N, H, S, R] = parsed as number[];
    if (N <= 0) return 'Ошибка: N должно быть больше нуля';
    for (const [name, x] of [['H', H], ['S', S], ['R', R]] as const) if (x > N) return `Ошибка: ${name} = ${x} больше N = ${N}`;
    const shares = { h: H / N, s: S / N, r: R / N };
    const problem = sharesProblem(shares);
    return problem ? `Ошибка: ${problem}` : isbsh(shares, weights);
  });
}

/** SHNSU_CUTOFF(range; [p]): PERCENTILE.INC of the numbers in the range; p = 0,25 / 0,2 / «квартиль» / «квинтиль». */
export function shnsuCutoff(range: Arg, p?: Arg): number {
  let level = CUTOFF_P.quartile;
  if (p !== undefined && p !== null && !Array.isArray(p) && cellText(p) !== '') {
    const n = parseNumber(p);
    const named = parseCutoff(cellText(p));
    if (n && !n.percent && n.value > 0 && n.value < 1) level = n.value;
    else if (named) level = CUTOFF_P[named];
    else throw new CustomFunctionError(`Параметр p «${quote(cellText(p))}» должен быть числом от 0 до 1 (0,25 — квартиль, 0,2 — квинтиль).`);
  }
  const values: number[] = [];
  const cells = Array.isArray(range) ? range.flat() : [range ?? null];
  for (const c of cells) {
    if (typeof c === 'number') values.push(c);
    else if (typeof c === 'string' && c.trim() !== '') {
      const n = parseNumber(c);
      if (n && !n.percent) values.push(n.value);
    }
  }
  if (values.length === 0) throw new CustomFunctionError('В диапазоне нет ни одного числа ИСБШ.');
  return percentileInc(values, level);
}

/** LOW_RESULT(P; F; [threshold]): TRUE when F/P ≥ threshold %, compared exactly; «нет данных» when P = 0. */
export function lowResult(p: Arg, f: Arg, threshold?: Arg, defaultThreshold = defaultSettings().threshold): Out {
  let t = defaultThreshold;
  if (threshold !== undefined && threshold !== null && !Array.isArray(threshold) && cellText(threshold) !== '') {
    const n = parseNumber(threshold);
    if (!n || n.value < MIN_THRESHOLD || n.value > 100) throw new CustomFunctionError(`Порог «${quote(cellText(threshold))}» должен быть числом от 0 до 100 (в процентах).`);
    t = n.value;
  }
  return broadcast([p, f], ['P', 'F'], (v) => {
    if (blank(v)) return '';
    const P = count(v[0], 'P');
    if (typeof P === 'string') return P;
    if (P === 0) return 'нет данных';
    const F = count(v[1], 'F');
    if (typeof F === 'string') return F;
    if (F > P) return `Ошибка: F = ${F} больше P = ${P}`;
    return isLow({ participants: P, failed: F, percent: null }, t);
  });
}
