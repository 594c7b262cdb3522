import type { Analysis } from '../analyze';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder } from '../sheets/generated';
import { CATEGORY, HISTORY_TEXT, SHEETS, SUPPORT_LIST_NOTE } from '../strings';
import { historyCell } from '../summary/listChanges';
import { SchoolHistory } from './history';

const CATEGORY_COLOR: Record<string, string> = { [CATEGORY.both]: COLORS.both, [CATEGORY.shnor]: COLORS.shnor, [CATEGORY.shnsu]: COLORS.shnsu };

/** On the list now first (as «Перечень» orders them), then those that left, then the others; by name within. */
function rank(s: SchoolHistory): number {
  const now = s.entries[s.entries.length - 1]?.category ?? null;
  if (now === CATEGORY.both) return 0;
  if (now === CATEGORY.shnor) return 1;
  if (now === CATEGORY.shnsu) return 2;
  if (s.exit === 'leaving') return 3;
  if (s.exit === 'left') return 4;
  return 5;
}

/**
 * «История» (issue 13): per year how many ШНОР / ШНСУ / both, entered and left; then a row per school
 * with its category in every year (coloured; «утверждён» or «расчёт» under the year), years on the
 * list, years in a row without grounds and the exit status.
 */
export function historySheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const h = a.history;
  const width = Math.max(2 + h.years.length + 3, HISTORY_TEXT.perYearHeaders.length);
  const b = new SheetBuilder(SHEETS.history, generatedAt, width);
  b.row([HISTORY_TEXT.sheetTitle], { bold: true });
  b.row([`${HISTORY_TEXT.sheetNote} ${SUPPORT_LIST_NOTE}`]);
  if (h.years.length === 0) {
    b.row([HISTORY_TEXT.noYears]);
    return b.build();
  }
  b.blank();
  b.header([...HISTORY_TEXT.perYearHeaders]);
  const known = (n: number | null) => (n === null ? HISTORY_TEXT.noData : n);
  for (const y of h.perYear) {
    b.row([y.year, HISTORY_TEXT.sourceLabel[y.source], y.shnor, known(y.shnsu), known(y.both), y.onList, y.entered ?? '', y.left ?? ''], { formats: COUNT_FORMATS });
  }
  b.blank();
  const H = HISTORY_TEXT.headers;
  const first = 2;
  const top = b.header([H.code, H.name, ...h.years, H.years, H.clear, H.exit]);
  const sub = b.header(['', '', ...h.perYear.map((y) => HISTORY_TEXT.sourceLabel[y.source]), '', '', '']);
  b.merge(top, 0, 2, 1);
  b.merge(top, 1, 2, 1);
  for (let i = 0; i < 3; i++) b.merge(top, first + h.years.length + i, 2, 1);
  const byName = a.registry.schoolsByName();
  const schools = h.schools.slice().sort((x, y) => rank(x) - rank(y) || byName(x.school, y.school));
  for (const s of schools) {
    const cells = s.entries.map(historyCell);
    const at = b.row([s.school.code, s.school.name, ...cells, s.yearsOnList, s.clearYearsInRow, s.exit ? HISTORY_TEXT.exitLabel[s.exit] : '']);
    s.entries.forEach((e, i) => {
      if (e.category) b.highlight(at, first + i, CATEGORY_COLOR[e.category]);
    });
  }
  b.freeze(sub + 1);
  b.widths([90, 280, ...h.years.map(() => 110), 90, 110, 150]);
  b.wrap(1);
  return b.build();
}

const COUNT_FORMATS = [null, null, FORMATS.integer, FORMATS.integer, FORMATS.integer, FORMATS.integer, FORMATS.integer, FORMATS.integer];
