import { JournalEntry, levelLabel } from '../journal';
import { HEADERS, SHEETS } from '../strings';
import { COLORS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** «Журнал проверки»: every problem, errors first, in the order found within a level. */
export function journalSheet(entries: JournalEntry[], generatedAt: string, year?: string | null): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.journal, generatedAt, HEADERS.journal.length);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const e of entries) counts[e.level]++;
  b.row([`Ошибок: ${counts.error}, предупреждений: ${counts.warning}, сообщений: ${counts.info}.`]);
  const head = b.header([...HEADERS.journal]);
  const sorted = entries.map((e, i) => ({ e, i })).sort((x, y) => ORDER[x.e.level] - ORDER[y.e.level] || x.i - y.i);
  for (const { e } of sorted) {
    const r = b.row([levelLabel(e.level), e.sheet, e.row ?? '', e.school ?? '', e.message, e.action ?? '']);
    if (e.level === 'error') b.highlight(r, 0, COLORS.error);
    if (e.level === 'warning') b.highlight(r, 0, COLORS.warning);
  }
  if (entries.length === 0) b.row(['', '', '', '', 'Проблем в данных не найдено.']);
  b.freeze(head + 1);
  b.widths([120, 160, 60, 220, 480, 300]);
  b.wrap(3, 4, 5);
  b.print({ header: yearHeader(year) });
  return b.build();
}
