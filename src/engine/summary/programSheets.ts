import { Analysis, AnalysisInput, analyze } from '../analyze';
import { previousSchoolYear } from '../parse';
import { GeneratedSheet } from '../sheets/generated';
import { indicatorsSheet } from '../sheets/indicatorsSheet';
import { summarySheet } from '../sheets/summarySheet';
import { ListChanges, compareLists } from './listChanges';

/**
 * «Показатели» and «Сводка», and the list's changes «Сводка» shows (the справка repeats them: one
 * computation for both). The list of Y−1 for the comparison is recomputed by the same rules: the
 * same inputs analysed with year = Y−1.
 */
export function programSheets(input: AnalysisInput, analysis: Analysis, generatedAt: string): { sheets: GeneratedSheet[]; listChanges: ListChanges | null } {
  const previous = analysis.year ? analyze({ ...input, overrides: { ...input.overrides, year: previousSchoolYear(analysis.year) } }) : null;
  const listChanges = compareLists(analysis, previous);
  return { sheets: [indicatorsSheet(analysis, generatedAt), summarySheet(analysis, listChanges, generatedAt)], listChanges };
}
