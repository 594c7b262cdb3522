import { Analysis } from '../analyze';
import { INDICATOR_GROUPS } from '../indicators/catalogue';
import { IndicatorResult, IndicatorStatus, STATUS_TEXT, indicatorCounts, isListed } from '../indicators/evaluate';
import { previousSchoolYear } from '../parse';
import { nameList } from '../summary/nameList';
import { INDICATOR_HEADERS, POPULATION_LABELS, SHEETS } from '../strings';
import { COLORS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';

export const STATUS_COLORS: Record<IndicatorStatus, string> = {
  reached: COLORS.reached,
  'not-reached': COLORS.notReached,
  'no-data': COLORS.noData,
};

const TARGET_FORMAT = '0%';
const VALUE_FORMAT = '0.0%';

/** «школ ШНОР и ШНСУ: 13 из 20; не учтены (2): нет результатов за 2021/2022 — A, B». */
export function indicatorDetail(r: IndicatorResult): string {
  const base = `${POPULATION_LABELS[r.indicator.population]}: ${r.numerator} из ${r.denominator}`;
  if (r.leftOut.length === 0) return base;
  const byReason = new Map<string, string[]>();
  for (const l of r.leftOut) {
    const list = byReason.get(l.reason);
    if (list) list.push(l.school);
    else byReason.set(l.reason, [l.school]);
  }
  // Nobody counted for one reason (no sheet, no column): the names would only repeat the school list.
  if (r.denominator === 0 && byReason.size === 1) return `${base}; не учтены все (${r.leftOut.length}): ${r.leftOut[0].reason}`;
  return `${base}; не учтены (${r.leftOut.length}): ${[...byReason].map(([reason, names]) => `${reason} — ${nameList(names, ', ', 20)}`).join('; ')}`;
}

/** «Показатели» (DESIGN §3.2): each indicator with its target, numbers, value and status, grouped as in the program. */
export function indicatorsSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const width = INDICATOR_HEADERS.length;
  const b = new SheetBuilder(SHEETS.indicators, generatedAt, width);
  const listed = a.schools.filter(isListed).length;
  const dynamics = a.settings.dynamics === 'mean' ? 'средний балл в году анализа выше, чем в предыдущем' : 'доля не справившихся в году анализа ниже, чем в предыдущем';
  const years = a.year ? `${previousSchoolYear(a.year)} → ${a.year}` : 'год анализа не определён';
  b.row([`Показатели муниципальной программы (раздел 5, «Мониторинг реализации программы»). В перечне ШНОР и ШНСУ — ${listed} ${listed === 1 ? 'школа' : 'школ'}. Динамика (${years}): ${dynamics}.`]);
  b.row([`Чек-лист и численность педагогов — лист «${SHEETS.monitoring}»; динамика — результаты оценочных процедур. Школы без данных не входят в знаменатель: они перечислены в столбце «${INDICATOR_HEADERS[7]}» и в журнале. «Нет данных» — знаменатель равен нулю.`]);
  b.blank();
  const head = b.header([...INDICATOR_HEADERS]);
  for (const g of INDICATOR_GROUPS) {
    const gr = b.row([`${g.id} ${g.title}`], { bold: true, bg: COLORS.header });
    b.merge(gr, 0, 1, width);
    for (const r of a.indicators.filter((x) => x.indicator.group === g.id)) {
      const row = b.row([r.indicator.id, r.indicator.text, r.target / 100, r.numerator, r.denominator, r.value ?? '', STATUS_TEXT[r.status], indicatorDetail(r)], {
        formats: [null, null, TARGET_FORMAT, '0', '0', VALUE_FORMAT],
      });
      b.highlight(row, 5, STATUS_COLORS[r.status]);
      b.highlight(row, 6, STATUS_COLORS[r.status]);
    }
  }
  b.blank();
  const c = indicatorCounts(a.indicators);
  b.row([`Итого из ${a.indicators.length}: ${STATUS_TEXT.reached} — ${c.reached}, ${STATUS_TEXT['not-reached']} — ${c.notReached}, ${STATUS_TEXT['no-data']} — ${c.noData}.`], { bold: true });
  b.freeze(head + 1);
  b.widths([70, 460, 90, 80, 90, 80, 110, 420]);
  b.wrap(1, 7);
  b.print({ header: yearHeader(a.year) });
  return b.build();
}
