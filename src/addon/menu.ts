import { CATEGORY, DOCUMENT_TEXT, FORM_MENU, HEADERS, MENU, REGISTRY_EMAIL_HEADER, MESSAGES, PRODUCT_NAME, ROADMAP_MENU, SHEETS, WRITE_TEXT, defaultSettings, settingsTable } from '../engine';
import { withLock } from './lock';
import { runCalculation, summarize } from './panel';
import { transact } from './sheetsAdapter';

/**
 * Builds the add-on menu. Runs in AuthMode.NONE on open, so it touches no spreadsheet data.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU.openPanel, 'menuOpenPanel')
    .addItem(MENU.calculate, 'menuCalculate')
    .addSeparator()
    .addItem(MENU.createStructure, 'menuCreateStructure')
    .addItem(MENU.prepareMonitoring, 'menuPrepareMonitoring')
    .addItem(ROADMAP_MENU, 'menuPrepareRoadmap')
    .addItem(MENU.recordList, 'menuRecordList')
    .addItem(DOCUMENT_TEXT.menu, 'menuCreateReportDocument')
    .addSeparator()
    .addItem(FORM_MENU.create, 'menuCreateForm')
    .addItem(FORM_MENU.refresh, 'menuRefreshForm')
    .addItem(FORM_MENU.mailing, 'menuFormMailing')
    .addSeparator()
    .addItem(MENU.help, 'menuHelp')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuOpenPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(PRODUCT_NAME);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** «Рассчитать» from the menu: the whole job, then a toast and a short alert with the outcome. */
export function menuCalculate(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let s: ReturnType<typeof summarize>;
  try {
    s = runCalculation();
  } catch (e) {
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
    return;
  }
  ss.toast(`${CATEGORY.shnor}: ${s.shnor}, ${CATEGORY.shnsu}: ${s.shnsu}. Ошибок в данных: ${s.errors}.`, MESSAGES.done, 10);
  const lines = [
    s.year ? `Учебный год анализа: ${s.year}.` : 'Результатов оценочных процедур нет: ШНОР не определены.',
    `Школ: ${s.schools}. ${CATEGORY.shnor}: ${s.shnor}, ${CATEGORY.shnsu}: ${s.shnsu}, ${CATEGORY.both}: ${s.both}.`,
    s.needsCheck ? `Требуют проверки данных: ${s.needsCheck}.` : '',
    `Показатели программы: достигнуто ${s.indicators.reached}, не достигнуто ${s.indicators.notReached}, нет данных ${s.indicators.noData} — см. лист «${s.indicatorsSheet}».`,
    `Журнал: ошибок ${s.errors}, предупреждений ${s.warnings} — см. лист «${s.journalSheet}».`,
    `Сформированы листы: ${s.sheets.join(', ')}.`,
    ...s.displaced.map((d) => WRITE_TEXT.displaced(d.wanted, d.name)),
    ...s.notices,
  ].filter(Boolean);
  ui.alert(MESSAGES.done, lines.join('\n'), ui.ButtonSet.OK);
}

/**
 * Creates the input sheets that are missing, with their headers, all or none. Existing sheets are
 * never touched (names compare without regard to case, as Sheets does).
 */
export function menuCreateStructure(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const wanted: [string, string[][]][] = [
    [SHEETS.registry, [['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)', 'Муниципалитет', 'Местность', REGISTRY_EMAIL_HEADER]]],
    [SHEETS.results, [[...HEADERS.results]]],
    [SHEETS.settings, settingsTable(defaultSettings()) as string[][]],
  ];
  let created: string[];
  try {
    created = withLock(
      () =>
        transact(ss, (tx) => {
          const missing = wanted.filter(([name]) => !tx.index.find(name));
          for (const [name, rows] of missing) tx.createSheet(name, rows);
          return missing.map(([name]) => name);
        }).value,
    );
  } catch (e) {
    SpreadsheetApp.getUi().alert(PRODUCT_NAME, (e as Error).message, SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  ss.toast(MESSAGES.structureCreated(created), PRODUCT_NAME, 8);
}

export function menuHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(PRODUCT_NAME, MESSAGES.help, ui.ButtonSet.OK);
}
