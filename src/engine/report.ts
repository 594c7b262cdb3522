import { AnalysisInput, Analysis, analyze } from './analyze';
import { indicatorsJson } from './indicators/toJson';
import { ResultJson, toJson } from './json';
import { GeneratedSheet } from './sheets/generated';
import { isbshSheet } from './sheets/isbshSheet';
import { contextSheet } from './sheets/contextSheet';
import { contextOf } from './context/analysis';
import { journalSheet } from './sheets/journalSheet';
import { listSheet, shnorSheet } from './sheets/shnorSheet';
import { programSheets } from './summary/programSheets';
import { PlacementPlan, displacementMessage, placeSheets } from './sheets/placement';
import { PLACEMENT_TEXT, SHEETS } from './strings';

export interface Report {
  analysis: Analysis;
  /** Generated sheets in the order they appear in the workbook; the journal is last. */
  sheets: GeneratedSheet[];
  json: ResultJson;
  /** Where each sheet goes and which of our old sheets under another name are to be removed. */
  placement: PlacementPlan;
}

/** Runs the analysis and lays out every generated sheet. `generatedAt` is the shell's local time text. */
export function buildReport(input: AnalysisInput, generatedAt: string): Report {
  const analysis = analyze(input);
  // The context adds its journal entries: before any sheet reads the journal.
  const context = contextOf(analysis);
  const sheets = [isbshSheet(analysis, generatedAt), shnorSheet(analysis, generatedAt), listSheet(analysis, generatedAt)];
  sheets.push(...programSheets(analysis, generatedAt));
  sheets.push(contextSheet(analysis, generatedAt));
  const placement = placeSheets([...sheets.map((s) => s.name), SHEETS.journal], input.existingSheets ?? []);
  for (const p of placement.placements) {
    if (p.displaced) analysis.journal.push({ level: 'warning', sheet: p.wanted, message: displacementMessage(p), action: PLACEMENT_TEXT.displacedAction });
  }
  sheets.push(journalSheet(analysis.journal, generatedAt));
  sheets.forEach((s, i) => (s.name = placement.placements[i].name));
  return { analysis, sheets, json: toJson(analysis, indicatorsJson(analysis.indicators), context), placement };
}
