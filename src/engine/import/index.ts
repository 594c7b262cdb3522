/** Paste import (issue #5): pasted ФИС ОКО and regional reports → rows of «Результаты ОП». */
export { detectLayout } from './detect';
export type { DetectedLayout } from './detect';
export { planImport, sameResult, rowRanges } from './plan';
export type { ImportAppend, ImportConflict, ImportInput, ImportNeed, ImportPlan } from './plan';
export { describeImport, importJournalSheet, importProcedureNames, importableSheets, planWorkbookImport, validateImportHints } from './workbook';
export type { ImportHints, LayoutKind } from './types';
