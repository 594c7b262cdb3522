import { AnalysisInput, Analysis, analyze } from './analyze';
import { indicatorsJson } from './indicators/toJson';
import { ResultJson, toJson } from './json';
import { GeneratedSheet } from './sheets/generated';
import { isbshSheet } from './sheets/isbshSheet';
import { journalSheet } from './sheets/journalSheet';
import { listSheet, shnorSheet } from './sheets/shnorSheet';
import { programSheets } from './summary/programSheets';

export interface Report {
  analysis: Analysis;
  /** Generated sheets in the order they appear in the workbook; the journal is last. */
  sheets: GeneratedSheet[];
  json: ResultJson;
}

/** Runs the analysis and lays out every generated sheet. `generatedAt` is the shell's local time text. */
export function buildReport(input: AnalysisInput, generatedAt: string): Report {
  const analysis = analyze(input);
  const sheets = [isbshSheet(analysis, generatedAt), shnorSheet(analysis, generatedAt), listSheet(analysis, generatedAt)];
  sheets.push(...programSheets(input, analysis, generatedAt));
  sheets.push(journalSheet(analysis.journal, generatedAt));
  return { analysis, sheets, json: toJson(analysis, indicatorsJson(analysis.indicators)) };
}
