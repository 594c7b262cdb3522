import { OBJECTIVITY_GROUPS, sameGroup } from '../objectivity/counts';
import { Candidate, Numbers } from './candidate';

/** Decimal places of a percentage as written (10,71 → 2). */
function decimals(value: number): number {
  const text = String(value);
  return text.includes('.') ? Math.min(text.length - text.indexOf('.') - 1, 8) : 0;
}

function percentOf(n: Numbers): number | null {
  if (n.failed !== null && n.participants !== null && n.participants > 0) return (n.failed / n.participants) * 100;
  return n.percent;
}

/** Same result: the same counts, or the same share to the precision the percentage was written with. */
export function sameResult(a: Numbers, b: Numbers): boolean {
  if (a.participants !== b.participants) return false;
  if (a.mean !== null && b.mean !== null && Math.abs(a.mean - b.mean) > 1e-9) return false;
  if (a.failed !== null && b.failed !== null) return a.failed === b.failed;
  const pa = percentOf(a);
  const pb = percentOf(b);
  if (pa === null || pb === null) return pa === pb;
  const given = [a, b].filter((n) => n.failed === null && n.percent !== null).map((n) => decimals(n.percent as number));
  const digits = Math.min(...given, 8);
  const round = (v: number) => Math.round(v * 10 ** digits);
  return round(pa) === round(pb);
}

/** Two rows of one paste say the same: the same result and the same objectivity counts. */
export function sameCandidate(a: Candidate, b: Candidate): boolean {
  if (!sameResult(a, b)) return false;
  if (!a.objectivity || !b.objectivity) return a.objectivity === b.objectivity;
  return OBJECTIVITY_GROUPS.every((g) => sameGroup(a.objectivity as NonNullable<typeof a.objectivity>, b.objectivity as NonNullable<typeof b.objectivity>, g));
}
