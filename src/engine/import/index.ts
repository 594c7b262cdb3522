/** Paste import (issue #5): pasted ФИС ОКО and regional reports → rows of «Результаты ОП». */
export { detectLayout } from './detect';
export type { DetectedLayout } from './detect';
export { planImport, sameResult, rowRanges } from './plan';
export type { ImportAppend, ImportConflict, ImportInput, ImportNeed, ImportPlan, PlanScale, ProtocolSummary } from './plan';
export { describeImport, importJournalSheet, importProcedureNames, importableSheets, planExternalImport, planWorkbookImport, validateImportHints } from './workbook';
export { formatScale, markOf, parseScale, scaleKey } from './scale';
export type { VprScale } from './scale';
export type { HeaderCells } from './target';
export type { ImportHints, LayoutKind } from './types';
