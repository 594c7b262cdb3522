import { Analysis, AnalysisInput, analyze } from '../analyze';
import { previousSchoolYear } from '../parse';
import { GeneratedSheet } from '../sheets/generated';
import { indicatorsSheet } from '../sheets/indicatorsSheet';
import { summarySheet } from '../sheets/summarySheet';
import { compareLists } from './listChanges';

/**
 * «Показатели» and «Сводка». The list of Y−1 for the comparison is recomputed by the same rules:
 * the same inputs analysed with year = Y−1.
 */
export function programSheets(input: AnalysisInput, analysis: Analysis, generatedAt: string): GeneratedSheet[] {
  const previous = analysis.year ? analyze({ ...input, overrides: { ...input.overrides, year: previousSchoolYear(analysis.year) } }) : null;
  return [indicatorsSheet(analysis, generatedAt), summarySheet(analysis, compareLists(analysis, previous), generatedAt)];
}
