import { MENU, MonitoringChanges, PRODUCT_NAME, isListed, prepareMonitoring as prepareMonitoringSheet } from '../engine';
import { withLock } from './lock';
import { nowText, readInputs } from './pipeline';
import { transact } from './sheetsAdapter';

/** What «Подготовить лист мониторинга» did (crosses `google.script.run`: plain data only). */
export interface MonitoringResult extends MonitoringChanges {
  /** Name of the sheet written (for a link in the panel). */
  sheet: string;
  created: boolean;
  schools: number;
  /** Schools of the ШНОР/ШНСУ list. */
  listed: number;
  /** A Russian sentence or two for a toast or the panel. */
  message: string;
}

/**
 * «Подготовить лист мониторинга» from the panel: creates «Мониторинг», or rebuilds it for the
 * current list keeping every tick, number and added column by school. Returns what changed.
 */
export function prepareMonitoring(): MonitoringResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(() => {
    // «Мониторинг» is the working group's sheet: it is rebuilt, with every entry carried over by
    // school, all-or-nothing like the generated sheets, and never placed under another name.
    const { value: prep } = transact(ss, (tx) => {
      const p = prepareMonitoringSheet(readInputs(ss, {}, tx.index), nowText(ss));
      tx.stage(p.sheet, { replaceUserSheet: true });
      return p;
    });
    const c = prep.changes;
    return {
      sheet: prep.sheet.name,
      created: prep.created,
      schools: prep.analysis.schools.length,
      listed: prep.analysis.schools.filter(isListed).length,
      ...c,
      message: prep.message,
    };
  });
}

/** The same from the menu: prepares the sheet, opens it and says what changed. */
export function menuPrepareMonitoring(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const result = prepareMonitoring();
    ss.getSheetByName(result.sheet)?.activate();
    ui.alert(MENU.prepareMonitoring, result.message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
  }
}
