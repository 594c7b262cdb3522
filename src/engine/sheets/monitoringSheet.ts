import { Analysis, SchoolOutcome } from '../analyze';
import { isListed } from '../indicators/evaluate';
import { MONITORING_COLUMNS } from '../indicators/monitoringColumns';
import { MonitoringEntry, MonitoringLayout, entriesBySchool } from '../indicators/readMonitoring';
import { parseYesNo } from '../settings';
import { CATEGORY, MONITORING_HEADERS, MONITORING_HINT, MONITORING_NOTE, MONITORING_STATUS, SHEETS } from '../strings';
import { Cell, cellText } from '../table';
import { fold } from '../text';
import { COLORS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';
import { categoryOf } from './shnorSheet';

export interface MonitoringChanges {
  /** Schools that got a new row. */
  added: string[];
  /** Schools of the list whose row said otherwise before. */
  entered: string[];
  /** Schools whose row said «в перечне» and that are no longer in the list. */
  left: string[];
  /** Rows kept at the bottom: schools not found in the registry, repeated rows. */
  orphaned: string[];
  /** Rows whose entries were carried over. */
  kept: number;
  /** Headers of the columns the working group added (kept as they are). */
  extraColumns: string[];
}

const FIXED = [MONITORING_HEADERS.code, MONITORING_HEADERS.name, MONITORING_HEADERS.category, MONITORING_HEADERS.status];

const CATEGORY_ORDER: Record<string, number> = { [CATEGORY.both]: 0, [CATEGORY.shnor]: 1, [CATEGORY.shnsu]: 2 };
const CATEGORY_COLOR: Record<string, string> = { [CATEGORY.both]: COLORS.both, [CATEGORY.shnor]: COLORS.shnor, [CATEGORY.shnsu]: COLORS.shnsu };

function statusOf(o: SchoolOutcome, previous: MonitoringEntry | undefined): string {
  if (isListed(o)) return MONITORING_STATUS.listed;
  const before = fold(previous?.status ?? '');
  return before === MONITORING_STATUS.listed || before === MONITORING_STATUS.left ? MONITORING_STATUS.left : MONITORING_STATUS.notListed;
}

/** A checkbox keeps what was ticked; «да»/«ИСТИНА» typed by hand become ticks, other text stays as typed. */
function checkValue(cell: Cell | undefined): Cell {
  if (cell === undefined || cellText(cell) === '') return false;
  const v = parseYesNo(cell);
  return v === null ? cell : v;
}

/**
 * «Мониторинг» (DESIGN §3.1): one row per school, ШНОР/ШНСУ first, a checkbox column per checklist
 * item and a column per number. Regenerating it from `previous` keeps every entry by school (code,
 * then name), every extra column, and rows of schools no longer known (at the bottom).
 */
export function monitoringSheet(a: Analysis, previous: MonitoringLayout | null, generatedAt: string, name: string = SHEETS.monitoring): { sheet: GeneratedSheet; changes: MonitoringChanges } {
  const { bySchool, duplicates, unmatched } = previous ? entriesBySchool(previous) : { bySchool: new Map<string, MonitoringEntry>(), duplicates: [], unmatched: [] };
  const extras = previous?.extras ?? [];
  const width = FIXED.length + MONITORING_COLUMNS.length + extras.length;
  const first = FIXED.length;
  const changes: MonitoringChanges = { added: [], entered: [], left: [], orphaned: [], kept: 0, extraColumns: extras.map((e) => e.header) };

  const b = new SheetBuilder(name, generatedAt, width);
  b.row([MONITORING_HINT]);
  const head = b.header([...FIXED, ...MONITORING_COLUMNS.map((c) => c.header), ...extras.map((e) => e.header)]);
  MONITORING_COLUMNS.forEach((c, i) => b.note(head, first + i, c.note));

  const byName = a.registry.schoolsByName();
  const rank = (o: SchoolOutcome, status: string) => (isListed(o) ? CATEGORY_ORDER[categoryOf(o) ?? ''] ?? 3 : status === MONITORING_STATUS.left ? 4 : 5);
  const rows = a.schools
    .map((o) => ({ o, entry: bySchool.get(o.school.id) }))
    .map((x) => ({ ...x, status: statusOf(x.o, x.entry) }))
    .sort((x, y) => rank(x.o, x.status) - rank(y.o, y.status) || byName(x.o.school, y.o.school));

  const writeRow = (fixed: Cell[], entry: MonitoringEntry | undefined, listed: boolean, categoryColor: string | null) => {
    const values: Cell[] = [...fixed];
    const bg: (string | null)[] = [null, null, categoryColor, null];
    for (const c of MONITORING_COLUMNS) {
      const cell = entry?.values.get(c.key);
      values.push(c.kind === 'check' ? checkValue(cell) : cell ?? '');
      bg.push(c.listedOnly && !listed ? COLORS.noData : null);
    }
    for (let i = 0; i < extras.length; i++) values.push(entry?.extras[i] ?? '');
    return b.row(values, { bg });
  };

  for (const { o, entry, status } of rows) {
    const category = categoryOf(o);
    if (!entry) {
      if (previous) changes.added.push(o.school.name);
    } else {
      changes.kept++;
      if (status === MONITORING_STATUS.listed && fold(entry.status) !== MONITORING_STATUS.listed) changes.entered.push(o.school.name);
      if (status === MONITORING_STATUS.left && fold(entry.status) === MONITORING_STATUS.listed) changes.left.push(o.school.name);
    }
    writeRow([o.school.code, o.school.name, category ?? '', status], entry, isListed(o), category ? CATEGORY_COLOR[category] : null);
  }
  const orphans = [...unmatched.map((e) => ({ e, status: MONITORING_STATUS.unknown })), ...duplicates.map((e) => ({ e, status: MONITORING_STATUS.duplicate }))].sort((x, y) => x.e.row - y.e.row);
  for (const { e, status } of orphans) {
    changes.kept++;
    changes.orphaned.push(e.name || e.code);
    const r = writeRow([e.code, e.name, '', status], e, true, null);
    b.highlight(r, 3, COLORS.warning);
  }

  const dataRows = rows.length + orphans.length;
  const checks = MONITORING_COLUMNS.filter((c) => c.kind === 'check').length;
  b.checkboxes(head + 1, first, dataRows, checks);
  b.freeze(head + 1);
  b.widths([90, 260, 110, 130, ...MONITORING_COLUMNS.map((c) => (c.kind === 'check' ? 120 : 110)), ...extras.map(() => 140)]);
  b.wrap(...Array.from({ length: width - 2 }, (_, i) => i + 2));
  b.print({ header: yearHeader(a.year), repeatColumns: { first: 0, last: 1 } });
  const sheet = b.build();
  // Unlike the other generated sheets it is an input: its first line must not say «перезаписывается».
  sheet.values[0][0] = MONITORING_NOTE(generatedAt);
  return { sheet, changes };
}
