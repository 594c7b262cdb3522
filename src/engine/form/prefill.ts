/**
 * Prefilled links to the form, one per school. Google's `toPrefilledUrl()` names each answer by an
 * «entry.<n>» parameter whose number is not the item's id, so the add-on asks Google once for a link
 * with known answers, finds their parameters here, and builds every school's link from it: the
 * number of calls to FormApp does not depend on the number of schools.
 */

export interface PrefillTemplate {
  /** The link without the school's and the year's parameters. */
  base: string;
  schoolParam: string;
  yearParam: string | null;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * Reads a prefilled link Google made with `school` (and `year`) as the answers. Returns null when
 * the school's answer is not among its parameters (then no per-school link can be built).
 */
export function prefillTemplate(url: string, school: string, year: string | null): PrefillTemplate | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const params = url.slice(q + 1).split('&').filter(Boolean);
  let schoolParam: string | null = null;
  let yearParam: string | null = null;
  const rest: string[] = [];
  for (const p of params) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? p : p.slice(0, eq);
    const value = eq < 0 ? '' : decode(p.slice(eq + 1));
    if (/^entry\.\d+$/.test(key) && schoolParam === null && value === school) schoolParam = key;
    else if (/^entry\.\d+$/.test(key) && year !== null && yearParam === null && value === year) yearParam = key;
    else rest.push(p);
  }
  if (schoolParam === null) return null;
  return { base: `${url.slice(0, q)}?${rest.join('&')}`, schoolParam, yearParam };
}

/** The link that opens the form with this school (and year) already chosen. */
export function prefilledLink(t: PrefillTemplate, school: string, year: string | null): string {
  const parts = [`${t.schoolParam}=${encodeURIComponent(school)}`];
  if (t.yearParam && year) parts.push(`${t.yearParam}=${encodeURIComponent(year)}`);
  const sep = t.base.endsWith('?') ? '' : '&';
  return `${t.base}${sep}${parts.join('&')}`;
}
