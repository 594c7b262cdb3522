import { Analysis, CATEGORY, CLI_SUMMARY, CUTOFF_LABELS, JournalEntry, LEVEL_LABELS, Report, SHEETS, formatNumber, indicatorCounts, previousSchoolYear } from '../engine';

/** How many school names the summary lists per category, and how many journal errors it quotes. */
export const MAX_NAMES = 20;
export const MAX_ERRORS = 3;
/** A journal message longer than this is cut in the console (the sheet has it whole). */
const MAX_MESSAGE = 300;

/** Whether the run determined ШНСУ and ШНОР, and if not, why (issue 9, item 7). */
export interface Determination {
  shnsu: boolean;
  shnor: boolean;
  shnsuWhy: string | null;
  shnorWhy: string | null;
}

/**
 * ШНСУ are determined when a cut-off exists (some school has an index); ШНОР when some school's
 * verdict rests on results (status other than «нет данных»). Anything else is «not determined»,
 * never an empty list that looks real.
 */
export function determination(a: Analysis): Determination {
  const shnsu = a.cutoff !== null;
  const shnor = a.schools.some((o) => o.shnor !== null && o.shnor.status !== 'no-data');
  return { shnsu, shnor, shnsuWhy: shnsu ? null : whyNoShnsu(a), shnorWhy: shnor ? null : whyNoShnor(a) };
}

function source(a: Analysis, role: Analysis['sources'][number]['role']): Analysis['sources'][number] | undefined {
  return a.sources.find((s) => s.role === role);
}

function whyNoShnsu(a: Analysis): string {
  const sheet = source(a, 'questionnaire')?.sheet ?? null;
  const q = a.questionnaire;
  if (!sheet || !q) return a.settings.questionnaireSheet ? CLI_SUMMARY.whyNoQuestionnaireNamed(a.settings.questionnaireSheet) : CLI_SUMMARY.whyNoQuestionnaire;
  if (q.missingColumns.length > 0) return CLI_SUMMARY.whyMissingColumns(sheet, q.missingColumns);
  if (q.rowCount === 0) return CLI_SUMMARY.whyNoRows(sheet);
  if (a.schools.length === 0) return CLI_SUMMARY.whyNoSchools;
  return CLI_SUMMARY.whyNoValidResponse(sheet, q.rowCount);
}

function whyNoShnor(a: Analysis): string {
  const sheet = source(a, 'results')?.sheet ?? null;
  const r = a.results;
  if (!sheet || !r) return CLI_SUMMARY.whyNoResults(a.settings.resultsSheet || SHEETS.results);
  if (r.missingColumns.length > 0) return CLI_SUMMARY.whyMissingColumns(sheet, r.missingColumns);
  if (r.rowCount === 0) return CLI_SUMMARY.whyNoRows(sheet);
  if (!a.year) return CLI_SUMMARY.whyNoYear;
  const prev = previousSchoolYear(a.year);
  if (!r.years.includes(a.year) && !r.years.includes(prev)) return CLI_SUMMARY.whyNoDataForYears(prev, a.year, r.years);
  if (a.schools.length === 0) return CLI_SUMMARY.whyNoSchools;
  return CLI_SUMMARY.whyNoUsableResults(prev, a.year);
}

/** The Russian summary the CLI prints after `analyze` (issue 11: names, first errors, «Мониторинг»). */
export function summaryText(report: Report, monitoringCommand: string): string {
  const a = report.analysis;
  const d = determination(a);
  const count = (f: (o: Analysis['schools'][number]) => boolean) => a.schools.filter(f).length;
  const lines = [CLI_SUMMARY.year(a.year), CLI_SUMMARY.schools(a.schools.length, count((o) => o.isbsh !== null))];
  if (a.cutoff !== null) lines.push(CLI_SUMMARY.cutoff(CUTOFF_LABELS[a.settings.cutoff], formatNumber(a.cutoff, 2)));

  const shnor = a.schools.filter((o) => o.shnor?.shnor === true);
  const shnsu = a.schools.filter((o) => o.shnsu);
  if (d.shnor && d.shnsu) lines.push(CLI_SUMMARY.counts(shnor.length, shnsu.length, count((o) => o.shnsu && o.shnor?.shnor === true)));
  if (!d.shnor && !d.shnsu) lines.push(CLI_SUMMARY.nothingDetermined);
  if (d.shnor) lines.push(...nameList(CATEGORY.shnor, shnor.map((o) => o.school.name)));
  else lines.push(CLI_SUMMARY.notDetermined(CATEGORY.shnor, d.shnorWhy as string));
  if (d.shnsu) lines.push(...nameList(CATEGORY.shnsu, shnsu.map((o) => o.school.name)));
  if (d.shnsu && a.year && a.questionnaire?.year && a.questionnaire.year !== a.year) lines.push(CLI_SUMMARY.questionnaireYear(a.questionnaire.year, a.year));
  if (!d.shnsu) lines.push(CLI_SUMMARY.notDetermined(CATEGORY.shnsu, d.shnsuWhy as string));

  const needsCheck = count((o) => o.shnor?.status === 'needs-check');
  const noData = count((o) => o.shnor?.status === 'no-data');
  if (d.shnor && (needsCheck || noData)) lines.push(CLI_SUMMARY.needsCheck(needsCheck, noData));

  const ind = indicatorCounts(a.indicators);
  lines.push(CLI_SUMMARY.indicators(ind.reached, ind.notReached, ind.noData));
  if (!source(a, 'monitoring')?.sheet) lines.push(CLI_SUMMARY.noMonitoring(monitoringCommand));

  for (const p of report.placement.placements) if (p.displaced) lines.push(CLI_SUMMARY.displaced(p.wanted, p.name));

  const errors = a.journal.filter((e) => e.level === 'error');
  lines.push(CLI_SUMMARY.journal(errors.length, a.journal.filter((e) => e.level === 'warning').length));
  if (errors.length > 0) {
    lines.push(CLI_SUMMARY.firstErrors(Math.min(MAX_ERRORS, errors.length), errors.length));
    errors.slice(0, MAX_ERRORS).forEach((e, i) => lines.push(`  ${i + 1}. ${journalLine(e)}`));
  }
  return lines.join('\n');
}

function nameList(category: string, names: string[]): string[] {
  if (names.length === 0) return [CLI_SUMMARY.noneListed(category)];
  const lines = [CLI_SUMMARY.listHeading(category, names.length), ...names.slice(0, MAX_NAMES).map((n) => `  ${oneLine(n)}`)];
  if (names.length > MAX_NAMES) lines.push(`  ${CLI_SUMMARY.more(names.length - MAX_NAMES)}`);
  return lines;
}

/** «Результаты ОП», строка 14, МБОУ «СОШ № 5»: сообщение → что сделано. */
export function journalLine(e: JournalEntry): string {
  const where = [e.sheet ? `«${e.sheet}»` : '', e.row !== undefined ? `строка ${e.row}` : '', e.school ? oneLine(e.school) : ''].filter(Boolean).join(', ');
  const text = `${where ? `${where}: ` : ''}${e.message}${e.action ? ` → ${e.action}` : ''}`;
  return cut(oneLine(text), MAX_MESSAGE) || LEVEL_LABELS[e.level];
}

function oneLine(text: string): string {
  return cut(text.replace(/\s+/g, ' ').trim(), MAX_MESSAGE);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
