import { selectInputSheets, workbookSettings } from '../inputs';
import { parseSchoolYear } from '../parse';
import { PROCEDURES, matchProcedure, procedureByName } from '../shnor/procedures';
import { Settings } from '../settings';
import { GeneratedSheet } from '../sheets/generated';
import { journalSheet } from '../sheets/journalSheet';
import { IMPORT_JOURNAL_SHEET, IMPORT_TEXT, MESSAGES, PROTOCOL_TEXT, SHEETS } from '../strings';
import { SheetData, Table } from '../table';
import { fold } from '../text';
import { ImportPlan, planImport } from './plan';
import { formatScale, parseScale } from './scale';
import { ImportHints } from './types';

/** Sheets that may hold a paste: every sheet but the inputs the product reads and the sheets it writes. */
export function importableSheets(sheetNames: string[], settings: Settings): string[] {
  const sel = selectInputSheets(sheetNames, settings);
  const taken = new Set(
    [sel.settings, sel.registry, sel.results, sel.questionnaire, sel.monitoring, ...Object.values(SHEETS), IMPORT_JOURNAL_SHEET]
      .filter((n): n is string => !!n)
      .map(fold),
  );
  return sheetNames.filter((n) => !taken.has(fold(n)));
}

/**
 * The whole import on a workbook: `read` is called once per sheet it needs («Настройки»,
 * «Справочник ОО», «Результаты ОП», the paste). Throws a Russian message for a sheet that is not a paste.
 */
export function planWorkbookImport(sheetNames: string[], read: (name: string) => Table, pasteSheet: string, hints: ImportHints = {}): ImportPlan {
  const cache = new Map<string, Table>();
  const once = (name: string): Table => {
    if (!cache.has(name)) cache.set(name, read(name));
    return cache.get(name) as Table;
  };
  const settings = workbookSettings(sheetNames, once);
  if (!sheetNames.includes(pasteSheet)) throw new Error(MESSAGES.noSheet(pasteSheet));
  if (!importableSheets(sheetNames, settings).includes(pasteSheet)) throw new Error(IMPORT_TEXT.notPasteSheet(pasteSheet));
  return planInto(sheetNames, once, { name: pasteSheet, rows: once(pasteSheet) }, hints);
}

/**
 * The same with the paste taken from elsewhere (the CLI's `--from`: a protocol file of ФИС ОКО),
 * appended to this workbook's «Результаты ОП».
 */
export function planExternalImport(sheetNames: string[], read: (name: string) => Table, paste: SheetData, hints: ImportHints = {}): ImportPlan {
  return planInto(sheetNames, read, paste, hints);
}

function planInto(sheetNames: string[], read: (name: string) => Table, paste: SheetData, hints: ImportHints): ImportPlan {
  const settings = workbookSettings(sheetNames, read);
  const sel = selectInputSheets(sheetNames, settings);
  return planImport({
    paste,
    results: sel.results ? { name: sel.results, rows: read(sel.results) } : null,
    resultsSheet: settings.resultsSheet,
    registry: sel.registry ? read(sel.registry) : null,
    settings,
    hints,
  });
}

/** «Журнал импорта»: what the last import did and skipped (rewritten by every import). */
export function importJournalSheet(plan: ImportPlan, generatedAt: string): GeneratedSheet {
  return { ...journalSheet(plan.journal, generatedAt), name: IMPORT_JOURNAL_SHEET };
}

/** A short Russian account of an import, for the CLI and the sidebar. */
export function describeImport(plan: ImportPlan, applied: boolean): string[] {
  const several = (list: string[]) => (list.length > 1 ? `${IMPORT_TEXT.several}: ${list.join('; ')}` : list[0] ?? '—');
  const lines = [IMPORT_TEXT.summaryLayout(plan.sheet, plan.layoutLabel)];
  if (plan.layout === null) return [...lines, ...plan.journal.filter((e) => e.level === 'error').map((e) => e.message)];
  const procedure = plan.procedure ? `«${plan.procedure}»` : plan.procedures.length ? several(plan.procedures) : IMPORT_TEXT.procedureUnknown;
  lines.push(IMPORT_TEXT.summaryProcedureYear(procedure, plan.year ?? (plan.years.length ? several(plan.years) : IMPORT_TEXT.yearUnknown)));
  if (plan.scale?.value && plan.scale.source) {
    lines.push(PROTOCOL_TEXT.scaleUsed(PROTOCOL_TEXT.scaleShown(plan.scale.value.three, plan.scale.value.four, plan.scale.value.five), PROTOCOL_TEXT.scaleFrom[plan.scale.source]));
  }
  if (plan.needs.includes('procedure')) lines.push(IMPORT_TEXT.needProcedure);
  if (plan.needs.includes('year')) lines.push(IMPORT_TEXT.needYear);
  if (plan.scale?.problem) lines.push(plan.scale.problem);
  else if (plan.needs.includes('scale') && plan.procedure && plan.year) lines.push(PROTOCOL_TEXT.needScale(plan.procedure, plan.year));
  if (plan.students && plan.needs.length === 0) lines.push(PROTOCOL_TEXT.studentsLine(plan.students));
  if (plan.blocked) lines.push(plan.blocked);
  const rows = plan.append ? plan.rows.length : 0;
  lines.push(IMPORT_TEXT.summaryCounts(applied, { schools: plan.schools, rows, alreadyThere: plan.alreadyThere, conflicts: plan.conflicts.length, skipped: plan.skipped.length }));
  if (rows > 0 && plan.objectivityRows > 0) lines.push(PROTOCOL_TEXT.objectivityRows(plan.objectivityRows));
  return lines;
}

/** The catalogue names a coordinator chooses from when the paste does not say its procedure. */
export function importProcedureNames(): string[] {
  return PROCEDURES.map((p) => p.name);
}

/** Checks hints from the sidebar or the command line; throws a Russian message for a bad one. */
export function validateImportHints(input: unknown): ImportHints {
  const o = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const hints: ImportHints = {};
  const p = text(o.procedure);
  if (p) {
    const procedure = procedureByName(p) ?? matchProcedure(p);
    if (!procedure) throw new Error(IMPORT_TEXT.badHintProcedure(p));
    hints.procedure = procedure.name;
  }
  const y = text(o.year);
  if (y) {
    const year = parseSchoolYear(y);
    if (!year) throw new Error(IMPORT_TEXT.badHintYear(y));
    hints.year = year.year;
  }
  const sc = text(o.scale);
  if (sc) {
    const scale = parseScale(sc);
    if (!scale) throw new Error(PROTOCOL_TEXT.badScaleHint(sc));
    hints.scale = formatScale(scale);
  }
  return hints;
}
