import { JournalEntry, levelLabel } from '../journal';
import { HEADERS, JOURNAL_TRUNCATED, MAX_JOURNAL_ROWS, SHEETS } from '../strings';
import { COLORS, GeneratedSheet, SheetBuilder } from './generated';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const LEVEL_BG: Record<'error' | 'warning' | 'info', string[] | null> = { error: [COLORS.error], warning: [COLORS.warning], info: null };

/** «Журнал проверки»: every problem, errors first, in the order found within a level. */
export function journalSheet(entries: JournalEntry[], generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.journal, generatedAt, HEADERS.journal.length);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const e of entries) counts[e.level]++;
  b.row([`Ошибок: ${counts.error}, предупреждений: ${counts.warning}, сообщений: ${counts.info}.`]);
  const head = b.header([...HEADERS.journal]);
  const sorted = entries.map((e, i) => ({ e, i })).sort((x, y) => ORDER[x.e.level] - ORDER[y.e.level] || x.i - y.i);
  for (const { e } of sorted.slice(0, MAX_JOURNAL_ROWS)) {
    b.row([levelLabel(e.level), e.sheet, e.row ?? '', e.school ?? '', e.message, e.action ?? ''], { bg: LEVEL_BG[e.level] });
  }
  if (entries.length === 0) b.row(['', '', '', '', 'Проблем в данных не найдено.']);
  if (entries.length > MAX_JOURNAL_ROWS) b.row(['', '', '', '', JOURNAL_TRUNCATED(entries.length - MAX_JOURNAL_ROWS)], { bold: true });
  b.freeze(head + 1);
  b.widths([120, 160, 60, 220, 480, 300]);
  b.wrap(3, 4, 5);
  return b.build();
}
