/**
 * Russian typography for what is printed and signed (the «Аналитическая справка» and its appendix):
 * «ёлочки» instead of straight quotes („лапки“ inside them), a no-break space after «№» and before
 * units (%, чел., кл., г.), a comma as the decimal separator before a unit, and a dash that never
 * starts a line. Every text of the document passes through here once, whichever shell renders it.
 */

export const NBSP = '\u00a0';

/** Units written after a number; the space before them must not break. */
const UNITS = ['%', '‰', 'чел\\.', 'кл\\.', 'гг\\.', 'г\\.', 'руб\\.', 'тыс\\.', 'п\\.\\s?п\\.', 'балл(?:а|ов)?'];
const NUMBER_UNIT = new RegExp(`(\\d)[ \\u00a0\\u202f]?(${UNITS.join('|')})(?![\\p{L}])`, 'gu');
/** «12.5 %» typed by a user: a decimal point right before a unit is a comma in Russian text. */
const POINT_BEFORE_UNIT = new RegExp(`(?<![\\d.,])(\\d+)\\.(\\d+)(?=[ \\u00a0]?(?:${UNITS.join('|')})(?![\\p{L}]))`, 'gu');

export function typography(text: string): string {
  if (text === '') return text;
  let s = quotes(text);
  s = s.replace(/\.{3}/g, '…');
  s = s.replace(/№\s*(?=[\p{L}\p{N}])/gu, `№${NBSP}`);
  s = s.replace(POINT_BEFORE_UNIT, '$1,$2');
  s = s.replace(NUMBER_UNIT, `$1${NBSP}$2`);
  // A spaced hyphen or dash is a dash, kept on the line of the word before it.
  s = s.replace(/[ \u00a0]+[-–—][ \u00a0]+/g, `${NBSP}— `);
  return s;
}

const OPENING_CONTEXT = /[\s(\[{«„\u00a0\-—–/]/;

/**
 * Straight double quotes become «» (an opening one at the start or after a space or bracket), and
 * quotes inside quotes become „“. Nesting is changed only when the text's quotes pair up: an
 * unbalanced text keeps its «» as they are rather than get a wrong „“.
 */
function quotes(text: string): string {
  const chars = [...text];
  const kinds: ('open' | 'close' | null)[] = chars.map((c, i) => {
    if (c === '«' || c === '„') return 'open';
    if (c === '»' || c === '“') return 'close';
    if (c !== '"') return null;
    const before = i === 0 ? ' ' : chars[i - 1];
    return OPENING_CONTEXT.test(before) ? 'open' : 'close';
  });
  let depth = 0;
  let balanced = true;
  for (const k of kinds) {
    if (k === 'open') depth++;
    else if (k === 'close' && --depth < 0) balanced = false;
  }
  if (depth !== 0) balanced = false;
  depth = 0;
  return chars
    .map((c, i) => {
      const k = kinds[i];
      if (k === null) return c;
      if (!balanced) return c === '"' ? (k === 'open' ? '«' : '»') : c;
      if (k === 'open') return ++depth > 1 ? '„' : '«';
      return depth-- > 1 ? '“' : '»';
    })
    .join('');
}
