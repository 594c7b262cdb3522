// The panel reaches the server only through google.script.run; here each call becomes a promise.
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

export function call<K extends keyof ServerFunctions>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
