/**
 * The coordinator's spreadsheet for the questionnaire-form tests: the example municipality's
 * registry (with an «Эл. почта» column) and results, but no answers yet — the schools answer
 * through the in-memory Google Form.
 */
import fs from 'node:fs';
import { FORMS_SCOPE } from '../../src/addon/auth';
import { schoolYearChoices } from '../../src/engine/form/spec';
import { AddonHandle, AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS, exampleSheets } from '../support/exampleWorkbook';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';

export const REGISTRY = 'Справочник ОО';
export const Q = {
  school: 'Образовательная организация',
  year: 'Учебный год',
  total: 'Всего обучающихся в школе (N)',
  higher: 'Обучающихся, у которых оба родителя имеют высшее образование (H)',
  single: 'Обучающихся из неполных семей (S)',
  register: 'Обучающихся, состоящих на учёте (R)',
  email: 'Адрес электронной почты для связи',
  comment: 'Комментарий',
} as const;

/** Registry rows of the example plus e-mails for the first schools; no «Ответы на форму». */
export function formSheets(): SeedSheet[] {
  const sheets = exampleSheets().filter((s) => !s.name.startsWith('Ответы на форму'));
  const registry = sheets.find((s) => s.name === REGISTRY) as SeedSheet;
  registry.rows = registry.rows.map((row, i) => [...row, i === 0 ? 'Эл. почта' : i <= 3 ? `school${i}@edu.example.ru` : '']);
  return sheets;
}

export function startAddon(sheets: SeedSheet[] = formSheets(), grantForms = true): { env: AppsScriptEnvironment; addon: AddonHandle } {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' } });
  if (grantForms) env.auth.grant(FORMS_SCOPE);
  return { env, addon: loadAddon(CODE_JS, env) };
}

/** Registry schools as (code, name), in sheet order. */
export function registrySchools(env: AppsScriptEnvironment): { code: string; name: string }[] {
  return env
    .dumpSheet(REGISTRY)
    .values.slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => ({ code: String(r[0]), name: String(r[1]) }));
}

/** The choice text the form shows for a school. */
export const choiceOf = (s: { code: string; name: string }): string => `${s.name} (код ${s.code})`;

/** The school years the form offers today (Moscow time, the fake spreadsheet's zone). */
export function yearChoicesToday(): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return schoolYearChoices({ year, month });
}

/** Deterministic counts per school (index i), all valid. */
export function countsFor(i: number): { N: number; H: number; S: number; R: number } {
  const N = 120 + 37 * i;
  return { N, H: (13 * i + 7) % 60, S: (7 * i + 3) % 40, R: (3 * i) % 9 };
}

export function expectedIsbsh(c: { N: number; H: number; S: number; R: number }): number {
  return 85 + (15 * c.H) / c.N - (20 * c.S) / c.N - (65 * c.R) / c.N;
}

export function answersFor(school: { code: string; name: string }, year: string, c: { N: number; H: number; S: number; R: number }): Record<string, string> {
  return { [Q.school]: choiceOf(school), [Q.year]: year, [Q.total]: String(c.N), [Q.higher]: String(c.H), [Q.single]: String(c.S), [Q.register]: String(c.R) };
}

/** Rows of a generated sheet below its header row (the row whose first cell is «Код ОО»), by code. */
export function tableByCode(env: AppsScriptEnvironment, sheet: string): { header: string[]; rows: Map<string, unknown[]> } {
  const { values } = env.dumpSheet(sheet);
  const head = values.findIndex((r) => r[0] === 'Код ОО');
  const header = values[head] as string[];
  const rows = new Map<string, unknown[]>();
  for (const r of values.slice(head + 1)) if (r[0] !== '') rows.set(String(r[0]), r);
  return { header, rows };
}

/** Calls of FormApp and its objects, by service. */
export function formCalls(env: AppsScriptEnvironment): Record<string, number> {
  const snapshot = env.calls.snapshot();
  const services = ['FormApp.', 'Form.', 'Item.', 'ListItem.', 'TextItem.', 'ParagraphTextItem.', 'TextValidationBuilder.', 'FormResponse.', 'ItemResponse.', 'Choice.'];
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => services.some((s) => k.startsWith(s))));
}
