import { Analysis } from '../analyze';
import { GeneratedSheet } from '../sheets/generated';
import { indicatorsSheet } from '../sheets/indicatorsSheet';
import { summarySheet } from '../sheets/summarySheet';
import { compareLists } from './listChanges';

/** «Показатели» and «Сводка»; the list of Y−1 for the comparison comes from the same analysis. */
export function programSheets(analysis: Analysis, generatedAt: string): GeneratedSheet[] {
  return [indicatorsSheet(analysis, generatedAt), summarySheet(analysis, compareLists(analysis), generatedAt)];
}
