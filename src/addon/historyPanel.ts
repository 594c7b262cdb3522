import { Analysis, SHEETS } from '../engine';

/** Names listed in the panel for each change; the rest are on «История». */
export const PANEL_NAMES = 8;

/** The panel's view of the history (plain data: it crosses google.script.run). */
export interface PanelHistory {
  /** The sheet to link to (under the name it was written, when the run wrote it). */
  sheet: string;
  /** «Перечни прошлых лет», when the workbook has it. */
  approvedSheet: string | null;
  year: string | null;
  /** The analysis year's list is recorded in «Перечни прошлых лет» (it is approved). */
  recorded: boolean;
  years: number;
  /** null without results for the year before. */
  changes: { previousYear: string; entered: number; left: number; stayed: number; enteredNames: string[]; leftNames: string[] } | null;
  longOnList: number;
}

/** `sheet`: the name «История» is (or will be) written under. */
export function panelHistory(a: Analysis, sheet: string): PanelHistory {
  const h = a.history;
  const c = h.changes;
  return {
    sheet,
    approvedSheet: a.approved?.sheet ?? null,
    year: a.year,
    recorded: a.year !== null && (a.approved?.rowsOfYear.has(a.year) ?? false),
    years: h.years.length,
    changes: c
      ? {
          previousYear: c.previousYear,
          entered: c.entered.length,
          left: c.left.length,
          stayed: c.stayed.length,
          enteredNames: c.entered.slice(0, PANEL_NAMES).map((s) => s.name),
          leftNames: c.left.slice(0, PANEL_NAMES).map((s) => s.name),
        }
      : null,
    longOnList: h.longOnList.length,
  };
}

export const HISTORY_SHEET = SHEETS.history;
