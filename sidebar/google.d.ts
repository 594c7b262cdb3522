// The server's types (PanelState…) are imported from src/addon/panel.ts, which tsc checks as well,
// so it needs the Apps Script server declarations; the sidebar code itself never touches them.
/// <reference types="google-apps-script" />
// The client side of google.script.run as the sidebar uses it (HtmlService, IFRAME sandbox).
// Server functions are the top-level functions of dist/Code.js (src/addon/panel.ts, importPanel.ts, monitoring.ts).
import type { ImportOptions, ImportOutcome, ImportPreview } from '../src/addon/importPanel';
import type { MonitoringResult } from '../src/addon/monitoring';
import type { PanelSettings, PanelState, RunSummary } from '../src/addon/panel';

/** Procedure and school year chosen in «Импорт результатов» when the paste does not say them (or says them wrong). */
export interface ImportHints {
  procedure?: string;
  year?: string;
}

/** What the sidebar may call on the server, with what each returns. */
export interface ServerFunctions {
  getPanelState(): PanelState;
  savePanelSettings(settings: PanelSettings): PanelState;
  runCalculation(): RunSummary;
  activateSheet(name: string): boolean;
  getImportOptions(): ImportOptions;
  previewImport(sheetName: string, hints: ImportHints): ImportPreview;
  applyImport(sheetName: string, hints: ImportHints): ImportOutcome;
  prepareMonitoring(): MonitoringResult;
}

/** google.script.run: every call returns void; results arrive in the success handler. */
export type ScriptRun = {
  withSuccessHandler(handler: (value: any, userObject?: any) => void): ScriptRun;
  withFailureHandler(handler: (error: Error, userObject?: any) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
} & { [K in keyof ServerFunctions]: (...args: Parameters<ServerFunctions[K]>) => void };

declare global {
  // eslint-disable-next-line no-var
  var google: { script: { run: ScriptRun } };
}
