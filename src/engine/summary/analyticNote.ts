import { Analysis, SchoolOutcome } from '../analyze';
import { IndicatorResult, indicatorCounts, isListed } from '../indicators/evaluate';
import { categoryOf } from '../sheets/shnorSheet';
import { CATEGORY, SHEETS, SUPPORT_LIST_NOTE } from '../strings';
import { formatNumber, formatPercent, plural } from '../text';
import { ListChanges, ListComparison } from './listChanges';
import { nameList } from './nameList';
import { contextNote } from '../context/summary';

const schoolsWord = (n: number) => plural(n, 'школа', 'школы', 'школ');
const namesOf = (a: Analysis, list: SchoolOutcome[]) => {
  const byName = a.registry.schoolsByName();
  return nameList(list.map((o) => o.school).sort(byName).map((s) => s.name));
};

/** «1.1.2.1 «Динамика: ОГЭ математика» — 10,0 % при целевом значении 20 %». */
export function describeIndicator(r: IndicatorResult): string {
  const value = r.value === null ? 'нет данных' : formatPercent(r.value);
  return `${r.indicator.id} «${r.indicator.short}» — ${value} при целевом значении ${formatNumber(r.target, Number.isInteger(r.target) ? 0 : 1)} %`;
}

function listParagraph(a: Analysis): string {
  const listed = a.schools.filter(isListed);
  const by = (c: string) => a.schools.filter((o) => categoryOf(o) === c);
  const shnor = a.schools.filter((o) => o.shnor?.shnor === true);
  const shnsu = a.schools.filter((o) => o.shnsu);
  const both = by(CATEGORY.both);
  const period = a.year ? `По итогам ${a.year} учебного года` : 'По имеющимся данным';
  if (listed.length === 0) return `${period} школ, отвечающих критериям ШНОР или ШНСУ, не выявлено (всего школ: ${a.schools.length}).`;
  const parts = [`${period} в перечень для адресной поддержки включены ${listed.length} ${schoolsWord(listed.length)} из ${a.schools.length}: ШНОР — ${shnor.length}, ШНСУ — ${shnsu.length}, из них одновременно ШНОР и ШНСУ — ${both.length}.`];
  if (shnor.length) parts.push(`ШНОР: ${namesOf(a, shnor)}.`);
  if (shnsu.length) parts.push(`ШНСУ: ${namesOf(a, shnsu)}.`);
  if (!a.year) parts.push('Результатов оценочных процедур нет, поэтому ШНОР не определялись.');
  return parts.join(' ');
}

function changeText(label: string, c: ListComparison): string {
  if (!c.available) return `${label}: сравнение невозможно — ${c.reason}.`;
  if (c.entered.length === 0 && c.left.length === 0) return `${label}: состав не изменился.`;
  const parts = [];
  if (c.entered.length) parts.push(`вошли ${nameList(c.entered)}`);
  if (c.left.length) parts.push(`вышли ${nameList(c.left)}`);
  return `${label}: ${parts.join('; ')}.`;
}

function changesParagraph(ch: ListChanges): string {
  const long = ch.longOnList.length > 0 ? [`В перечне три года подряд и дольше: ${nameList(ch.longOnList)}.`] : [];
  return [`По сравнению с ${ch.previousYear} учебным годом.`, changeText('Перечень в целом', ch.list), changeText('ШНОР', ch.shnor), changeText('ШНСУ', ch.shnsu), ...long, ...ch.remarks].join(' ');
}

function indicatorsParagraph(results: IndicatorResult[]): string {
  const c = indicatorCounts(results);
  const parts = [`Из ${results.length} плановых показателей программы достигнуто ${c.reached}, не достигнуто ${c.notReached}, нет данных по ${c.noData}.`];
  const notReached = results.filter((r) => r.status === 'not-reached');
  if (notReached.length) parts.push(`Не достигнуты: ${notReached.map(describeIndicator).join('; ')}.`);
  const noData = results.filter((r) => r.status === 'no-data');
  if (noData.length) {
    const fromMonitoring = noData.some((r) => r.indicator.source.kind !== 'dynamics');
    parts.push(`Нет данных: ${noData.map((r) => r.indicator.id).join(', ')}${fromMonitoring ? ` — заполните лист «${SHEETS.monitoring}»` : ''}.`);
  }
  return parts.join(' ');
}

function attentionParagraph(a: Analysis): string {
  const items: string[] = [];
  const both = a.schools.filter((o) => categoryOf(o) === CATEGORY.both);
  if (both.length) items.push(`одновременно ШНОР и ШНСУ (низкие результаты в неблагоприятных социальных условиях) — ${namesOf(a, both)}`);
  const twoYears = a.schools.filter((o) => o.shnor?.criterion2 === true);
  if (twoYears.length) items.push(`низкие результаты два года подряд (критерий 2) — ${namesOf(a, twoYears)}`);
  const check = a.schools.filter((o) => o.shnor?.status === 'needs-check');
  if (check.length) items.push(`противоречивые результаты, вывод требует проверки — ${namesOf(a, check)}`);
  const noData = a.schools.filter((o) => o.shnor?.status === 'no-data');
  if (noData.length) items.push(`нет результатов оценочных процедур за два года — ${namesOf(a, noData)}`);
  const noIndex = a.schools.filter((o) => o.isbsh === null);
  if (noIndex.length) items.push(`анкета не заполнена или содержит ошибки, ИСБШ не рассчитан — ${namesOf(a, noIndex)}`);
  if (items.length === 0) return 'Школ, требующих особого внимания сверх перечня, не выявлено.';
  return `Особого внимания требуют школы: ${items.join('; ')}.`;
}

/**
 * «Аналитическая записка» (seed 000, 1.2): what was found, which targets were not reached, which
 * schools need attention — plain paragraphs a coordinator can paste into a report.
 */
export function analyticNote(a: Analysis, changes: ListChanges | null): string[] {
  const context = contextNote(a);
  return [listParagraph(a), ...(changes ? [changesParagraph(changes)] : []), indicatorsParagraph(a.indicators), attentionParagraph(a), ...(context ? [context] : []), SUPPORT_LIST_NOTE];
}
