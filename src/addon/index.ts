/**
 * Everything exported here becomes a top-level function of dist/Code.js (scripts/build.mjs):
 * menu entry points, the panel's server functions and the custom functions.
 */
export { onOpen, onInstall, menuOpenPanel, menuCalculate, menuCreateStructure, menuHelp } from './menu';
export { getPanelState, savePanelSettings, runCalculation, activateSheet } from './panel';
export { ISBSH, ISBSH_COUNTS, SHNSU_CUTOFF, LOW_RESULT } from './customFunctions';
export { getImportOptions, previewImport, applyImport } from './importPanel';
export { prepareMonitoring, menuPrepareMonitoring } from './monitoring';
export { prepareRoadmap, menuPrepareRoadmap } from './roadmap';
export { recordList, menuRecordList } from './history';
export { createQuestionnaireForm, refreshQuestionnaireForm, formMailing, getFormPanelState, menuCreateForm, menuRefreshForm, menuFormMailing } from './form';
export { createReportDocument, getReportDocuments, menuCreateReportDocument } from './document';
