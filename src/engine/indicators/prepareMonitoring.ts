import { Analysis, AnalysisInput, analyze } from '../analyze';
import { selectInputSheets } from '../inputs';
import { GeneratedSheet } from '../sheets/generated';
import { MonitoringChanges, monitoringSheet } from '../sheets/monitoringSheet';
import { SHEETS } from '../strings';
import { nameList } from '../summary/nameList';
import { plural } from '../text';
import { isListed } from './evaluate';
import { readMonitoringLayout } from './readMonitoring';

export interface MonitoringPreparation {
  sheet: GeneratedSheet;
  /** True when there was no «Мониторинг» before. */
  created: boolean;
  changes: MonitoringChanges;
  analysis: Analysis;
  /** What happened, in Russian, for a toast or the CLI. */
  message: string;
}

/**
 * «Подготовить лист мониторинга»: the list of the current analysis laid out as «Мониторинг», with
 * everything the working group entered before carried over by school.
 */
export function prepareMonitoring(input: AnalysisInput, generatedAt: string): MonitoringPreparation {
  const analysis = analyze(input);
  const name = selectInputSheets(input.sheetNames, analysis.settings).monitoring;
  const table = name ? input.tables[name] ?? null : null;
  const layout = table ? readMonitoringLayout(table, analysis.registry) : null;
  const previous = layout && layout.headerRow >= 0 ? layout : null;
  const { sheet, changes } = monitoringSheet(analysis, previous, generatedAt, name ?? SHEETS.monitoring);
  const created = !name;
  return { sheet, created, changes, analysis, message: preparationMessage(analysis, changes, created, sheet.name) };
}

function preparationMessage(a: Analysis, c: MonitoringChanges, created: boolean, name: string): string {
  const listed = a.schools.filter(isListed).length;
  const n = a.schools.length;
  const parts = [`Лист «${name}» ${created ? 'создан' : 'обновлён'}: ${n} ${plural(n, 'школа', 'школы', 'школ')}, из них в перечне ШНОР и ШНСУ — ${listed}.`];
  if (!created) {
    parts.push(`Сохранены отметки и числа по ${c.kept} ${plural(c.kept, 'строке', 'строкам', 'строкам')}.`);
    if (c.added.length) parts.push(`Добавлены: ${nameList(c.added, '; ')}.`);
    if (c.entered.length) parts.push(`Вошли в перечень: ${nameList(c.entered, '; ')}.`);
    if (c.left.length) parts.push(`Выбыли из перечня: ${nameList(c.left, '; ')}.`);
    if (c.orphaned.length) parts.push(`Строки школ, которых нет в справочнике, и повторные строки оставлены внизу: ${nameList(c.orphaned, '; ')}.`);
    if (c.extraColumns.length) parts.push(`Дополнительные столбцы сохранены: ${c.extraColumns.map((h) => (h ? `«${h}»` : 'без заголовка')).join(', ')}.`);
  }
  return parts.join(' ');
}
