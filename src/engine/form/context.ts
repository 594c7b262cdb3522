import { selectInputSheets, settingsSheetName } from '../inputs';
import { Journal } from '../journal';
import { municipalityName } from '../municipality';
import { School, SchoolRegistry, readRegistry } from '../schools/registry';
import { Settings, readSettings } from '../settings';
import { Table } from '../table';

/** What «Создать анкету» and «Обновить список школ» need from the spreadsheet: settings and schools. */
export interface FormContext {
  settings: Settings;
  /** «Настройки» as read (null when the sheet is absent): its cells are edited, never rewritten. */
  settingsTable: Table | null;
  settingsSheet: string | null;
  registrySheet: string | null;
  schools: School[];
  municipality: string | null;
  /** Problems of the registry (duplicate codes…), which «Рассчитать» reports in its journal. */
  registryErrors: number;
}

/** The two sheets to read, given the sheet names and «Настройки» (which may name other sheets). */
export function formContextSheets(sheetNames: string[], settings: Settings): { settings: string | null; registry: string | null } {
  const sel = selectInputSheets(sheetNames, settings);
  return { settings: settingsSheetName(sheetNames) ?? null, registry: sel.registry ?? null };
}

export function formContext(sheetNames: string[], settingsTable: Table | null, registryTable: Table | null): FormContext {
  const journal = new Journal();
  const settings = readSettings(settingsTable, new Journal()).settings;
  const sheets = formContextSheets(sheetNames, settings);
  const registry = registryTable ? readRegistry(registryTable, journal) : new SchoolRegistry(false);
  return {
    settings,
    settingsTable,
    settingsSheet: sheets.settings,
    registrySheet: sheets.registry,
    schools: registry.all(),
    municipality: municipalityName(settings, registry),
    registryErrors: journal.count('error'),
  };
}
