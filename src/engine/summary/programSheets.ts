import { Analysis } from '../analyze';
import { GeneratedSheet } from '../sheets/generated';
import { indicatorsSheet } from '../sheets/indicatorsSheet';
import { summarySheet } from '../sheets/summarySheet';
import { ListChanges, compareLists } from './listChanges';

/**
 * «Показатели» and «Сводка», and the list's changes «Сводка» shows (the справка repeats them from
 * the report: one computation for both). The list of Y−1 comes from the same analysis.
 */
export function programSheets(analysis: Analysis, generatedAt: string): { sheets: GeneratedSheet[]; listChanges: ListChanges | null } {
  const listChanges = compareLists(analysis);
  return { sheets: [indicatorsSheet(analysis, generatedAt), summarySheet(analysis, listChanges, generatedAt)], listChanges };
}
