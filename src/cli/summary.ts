import { Report, CATEGORY, CUTOFF_LABELS, SHEETS, formatNumber, indicatorCounts } from '../engine';

/** The short Russian summary the CLI prints after `analyze`. */
export function summaryText(report: Report, outputs: string[]): string {
  const a = report.analysis;
  const count = (f: (o: (typeof a.schools)[number]) => boolean) => a.schools.filter(f).length;
  const errors = a.journal.filter((e) => e.level === 'error').length;
  const warnings = a.journal.filter((e) => e.level === 'warning').length;
  const lines = [
    `Учебный год анализа: ${a.year ?? 'не определён (нет результатов)'}`,
    `Школ: ${a.schools.length}, ИСБШ рассчитан: ${count((o) => o.isbsh !== null)}`,
    a.cutoff !== null ? `Граница ШНСУ (${CUTOFF_LABELS[a.settings.cutoff]}): ${formatNumber(a.cutoff, 2)}` : 'Граница ШНСУ не рассчитана',
    `${CATEGORY.shnor}: ${count((o) => o.shnor?.shnor === true)}; ${CATEGORY.shnsu}: ${count((o) => o.shnsu)}; ${CATEGORY.both}: ${count((o) => o.shnsu && o.shnor?.shnor === true)}`,
  ];
  const needsCheck = count((o) => o.shnor?.status === 'needs-check');
  const noData = count((o) => o.shnor?.status === 'no-data');
  if (needsCheck || noData) lines.push(`Требуют проверки: ${needsCheck}; нет данных о результатах: ${noData}`);
  const ind = indicatorCounts(a.indicators);
  lines.push(`Показатели программы (лист «${SHEETS.indicators}»): достигнуто ${ind.reached}, не достигнуто ${ind.notReached}, нет данных ${ind.noData}`);
  lines.push(`Журнал проверки: ошибок ${errors}, предупреждений ${warnings} (лист «${SHEETS.journal}»)`);
  for (const o of outputs) lines.push(`Записано: ${o}`);
  return lines.join('\n');
}
