import { HISTORY_TEXT, MENU, PRODUCT_NAME, RecordPlan, analyze, planRecordFor } from '../engine';
import { withLock } from './lock';
import { readInputs } from './pipeline';
import { transact } from './sheetsAdapter';

/** What «Зафиксировать перечень года» did (crosses `google.script.run`: plain data only). */
export interface RecordOutcome {
  recorded: boolean;
  year: string | null;
  schools: number;
  sheet: string;
  /** Russian: what was recorded, or why nothing was. */
  message: string;
}

/**
 * «Зафиксировать перечень года» (issue 13): appends the current year's list, as «Рассчитать» gives it
 * now, to «Перечни прошлых лет» (created with its header the first time) with the order's number and
 * date; a year already recorded is never replaced. All or nothing, under the document lock.
 * @param {string} order the order's number and date as the coordinator types them («№ 45 от 20.01.2024»), may be empty
 */
export function recordList(order: string): RecordOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(() => {
    const { value: plan } = transact(ss, (tx) => {
      const inputs = readInputs(ss, {}, tx.index);
      const p: RecordPlan = planRecordFor(inputs, analyze(inputs), typeof order === 'string' ? order : '');
      if (!p.ok) return p;
      if (tx.index.find(p.sheet)) tx.appendRows(p.sheet, p.startRow, p.values, { headerRow: p.startRow === 1 });
      else tx.createSheet(p.sheet, p.values, { columnWidths: [110, 100, 320, 140, 220] });
      return p;
    });
    if (!plan.ok) return { recorded: false, year: null, schools: 0, sheet: '', message: plan.message };
    return { recorded: true, year: plan.year, schools: plan.schools, sheet: plan.sheet, message: HISTORY_TEXT.recorded(plan.year, plan.schools, plan.sheet) };
  });
}

/** The same from the menu: asks for the order's number and date, records, says what happened. */
export function menuRecordList(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const inputs = readInputs(SpreadsheetApp.getActiveSpreadsheet());
    const year = analyze(inputs).year;
    if (!year) {
      ui.alert(MENU.recordList, HISTORY_TEXT.noYear, ui.ButtonSet.OK);
      return;
    }
    const answer = ui.prompt(MENU.recordList, HISTORY_TEXT.orderPrompt(year), ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) {
      ui.alert(MENU.recordList, HISTORY_TEXT.cancelled, ui.ButtonSet.OK);
      return;
    }
    const result = recordList(answer.getResponseText());
    if (result.recorded) SpreadsheetApp.getActiveSpreadsheet().getSheetByName(result.sheet)?.activate();
    ui.alert(MENU.recordList, result.message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
  }
}
