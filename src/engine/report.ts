import { AnalysisInput, Analysis, analyze } from './analyze';
import { indicatorsJson } from './indicators/toJson';
import { ResultJson, toJson } from './json';
import { GeneratedSheet, yearHeader } from './sheets/generated';
import { isbshSheet } from './sheets/isbshSheet';
import { contextSheet } from './sheets/contextSheet';
import { contextOf } from './context/analysis';
import { journalSheet } from './sheets/journalSheet';
import { listSheet, shnorSheet } from './sheets/shnorSheet';
import { programSheets } from './summary/programSheets';
import { historySheet } from './history/historySheet';
import { objectivitySheet } from './objectivity/sheet';
import type { ListChanges } from './summary/listChanges';
import { PlacementPlan, displacementMessage, placeSheets } from './sheets/placement';
import { CONTEXT_SHEET, PLACEMENT_TEXT, SHEETS } from './strings';

/** Every sheet «Рассчитать» writes, in workbook order (the shells place them beside the user's sheets). */
export const REPORT_SHEETS: readonly string[] = [SHEETS.isbsh, SHEETS.shnor, SHEETS.list, SHEETS.indicators, SHEETS.summary, CONTEXT_SHEET, SHEETS.history, SHEETS.objectivity, SHEETS.journal];

export interface Report {
  analysis: Analysis;
  /** Generated sheets in the order they appear in the workbook; the journal is last. */
  sheets: GeneratedSheet[];
  /** Built on first read. */
  readonly json: ResultJson;
  /** Where each sheet goes and which of our old sheets under another name are to be removed. */
  placement: PlacementPlan;
  /** The list of Y against Y−1, as «Сводка» shows it (the справка reads it from here). */
  listChanges: ListChanges | null;
}

/** Runs the analysis and lays out every generated sheet. `generatedAt` is the shell's local time text. */
export function buildReport(input: AnalysisInput, generatedAt: string): Report {
  const analysis = analyze(input);
  // The context adds its journal entries: before any sheet reads the journal.
  const context = contextOf(analysis);
  const sheets = [isbshSheet(analysis, generatedAt), shnorSheet(analysis, generatedAt), listSheet(analysis, generatedAt)];
  const program = programSheets(analysis, generatedAt);
  sheets.push(...program.sheets, contextSheet(analysis, generatedAt), historySheet(analysis, generatedAt));
  if (analysis.objectivity.entries.length > 0) sheets.push(objectivitySheet(analysis.objectivity, analysis.year, generatedAt));
  const placement = placeSheets([...sheets.map((s) => s.name), SHEETS.journal], input.existingSheets ?? []);
  for (const p of placement.placements) {
    if (p.displaced) analysis.journal.push({ level: 'warning', sheet: p.wanted, message: displacementMessage(p), action: PLACEMENT_TEXT.displacedAction });
  }
  sheets.push(journalSheet(analysis.journal, generatedAt));
  sheets.forEach((s, i) => (s.name = placement.placements[i].name));
  // Every printed page says which school year it is about (DESIGN §3.4).
  for (const s of sheets) s.print = { header: yearHeader(analysis.year), ...s.print };
  // The JSON is built when a shell asks for it (the CLI with --json): the add-on never does.
  let json: ResultJson | null = null;
  return {
    analysis,
    sheets,
    get json(): ResultJson {
      return (json ??= toJson(analysis, indicatorsJson(analysis.indicators), context));
    },
    placement,
    listChanges: program.listChanges,
  };
}
