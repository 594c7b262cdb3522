/**
 * «Импорт результатов» and «Лист мониторинга» in the built panel (headless Chromium, server code of
 * dist/Code.js over an in-memory workbook; see harness.ts). Pastes are the fixtures of
 * test/fixtures/paste, typed the way Google Sheets types pasted text.
 */
import type { ImportOutcome, ImportPreview } from '../../src/addon/importPanel';
import type { MonitoringResult } from '../../src/addon/monitoring';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';
import { loadPaste, typed } from '../import/paste';
import { EVIL, Panel, eventually, exampleSheets, expectEnabled, loaded, openPanel, useBrowser } from './harness';

useBrowser();

const FIS_OKO = 'Вставка ФИС ОКО';
const UNTITLED = 'Без заголовка';
const EVIL_SHEET = '<img src=x onerror=alert(2)>Вставка';

/** The example workbook plus sheets holding pastes. */
function withPastes(): SeedSheet[] {
  const evilPaste = typed(loadPaste('students-untitled.tsv'));
  evilPaste.push([EVIL, 'Иванов Иван', 3]);
  return [
    ...exampleSheets(),
    { name: FIS_OKO, rows: typed(loadPaste('fis-oko-math5-2022.tsv')) },
    { name: UNTITLED, rows: typed(loadPaste('students-untitled.tsv')) },
    { name: EVIL_SHEET, rows: evilPaste },
  ];
}

/** Opens the panel with the FIS OKO paste as the active sheet (as right after pasting). */
async function openWithPastes(): Promise<Panel> {
  const panel = await openPanel(withPastes(), (env) => env.spreadsheet.getSheetByName(FIS_OKO)?.activate());
  await loaded(panel);
  return panel;
}

async function openImport(panel: Panel): Promise<void> {
  const { page } = panel;
  const toggle = page.getByRole('button', { name: 'Импорт результатов' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('#import-body').isVisible()).toBe(false);
  // From the keyboard: the section opens with Enter on its heading button.
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await expectEnabled(page, 'Проверить');
}

async function check(panel: Panel): Promise<ImportPreview> {
  const before = panel.calls.filter((c) => c === 'previewImport').length;
  await panel.page.getByRole('button', { name: 'Проверить' }).click();
  await eventually(() => panel.calls.filter((c) => c === 'previewImport').length, before + 1);
  await expectEnabled(panel.page, 'Проверить');
  return panel.replies.get('previewImport') as ImportPreview;
}

function kv(panel: Panel, label: string): Promise<string | null> {
  return panel.page.locator('#import-recognized li', { has: panel.page.locator('.kv-label', { hasText: label }) }).locator('.kv-value').textContent();
}

const tiles = (panel: Panel) => panel.page.locator('#import-counts .tile').evaluateAll((t) => t.map((x) => x.textContent));
const resultsRows = (panel: Panel) => panel.env.dumpSheet('Результаты ОП').values.length;

test('import: recognise a FIS OKO paste, correct its year, ask for procedure and year, append once', async () => {
  const panel = await openWithPastes();
  const { page, env } = panel;
  await openImport(panel);

  // The sheets that may hold a paste, the active one chosen.
  const select = page.getByLabel('Лист со вставкой');
  expect(await select.inputValue()).toBe(FIS_OKO);
  const offered = await select.locator('option').evaluateAll((o) => o.map((x) => x.textContent));
  expect(offered).toEqual([FIS_OKO, UNTITLED, EVIL_SHEET]);
  const apply = page.locator('#import-apply');
  expect(await apply.textContent()).toBe('Добавить в «Результаты ОП»');
  expect(await apply.isDisabled()).toBe(true);

  // «Проверить»: what was recognised. The example already has these results with other numbers.
  const rowsBefore = resultsRows(panel);
  let p = await check(panel);
  expect(p).toMatchObject({ layout: 'fis-oko-marks', procedure: 'ВПР математика 5 кл.', year: '2021/2022', schools: 4, toAppend: 0, skippedCount: 4, canApply: false });
  expect(await kv(panel, 'Лист')).toBe(FIS_OKO);
  expect(await kv(panel, 'Формат')).toBe(p.layoutLabel);
  expect(await kv(panel, 'Процедура')).toBe('ВПР математика 5 кл.');
  expect(await kv(panel, 'Учебный год')).toBe('2021/2022');
  expect(await tiles(panel)).toEqual(['0к добавлению', '0уже есть', '4школы']);
  // Conflicts and skipped rows: the first three, then «и ещё N».
  expect(await page.locator('#import-conflicts > li').evaluateAll((l) => l.map((x) => x.textContent))).toEqual([
    expect.stringContaining(`строка ${p.conflicts[0].row}`),
    expect.stringContaining(p.conflicts[1].school),
    expect.stringContaining(`Во вставке: ${p.conflicts[2].imported}`),
    'и ещё 1',
  ]);
  const skipped = await page.locator('#import-skipped > li').evaluateAll((l) => l.map((x) => x.textContent));
  expect(skipped).toEqual([`строка 9${p.skipped[0].reason}`, `строка 10${p.skipped[1].reason}`, `строка 11${p.skipped[2].reason}`, 'и ещё 1']);
  expect(await apply.isDisabled()).toBe(true);
  expect(await page.locator('#import-apply-hint').textContent()).toBe('Новых строк нет: добавлять нечего.');

  // What the paste says is proposed in the fields; a different year makes «Добавить» wait for a check.
  expect(await page.getByLabel('Процедура', { exact: true }).inputValue()).toBe('ВПР математика 5 кл.');
  const year = page.getByLabel('Учебный год', { exact: true });
  expect(await year.inputValue()).toBe('2021/2022');
  expect(await page.locator('#import-hints-note').textContent()).toContain('Прочитано во вставке: «ВПР математика 5 класс», 2021/2022');
  expect(await page.locator('#import-ask').isHidden()).toBe(true);
  await year.fill('2023/2024');
  expect(await page.locator('#import-apply-hint').textContent()).toContain('нажмите «Проверить» ещё раз');
  await year.press('Enter'); // Enter in the form checks again
  await eventually(() => panel.calls.filter((c) => c === 'previewImport').length, 2);
  await expectEnabled(page, 'Проверить');
  p = panel.replies.get('previewImport') as ImportPreview;
  expect(p).toMatchObject({ year: '2023/2024', toAppend: 4, canApply: true });
  expect(await kv(panel, 'Учебный год')).toBe('2023/2024');
  await expectEnabled(page, 'Добавить в «Результаты ОП»');
  expect(await page.locator('#import-apply-hint').textContent()).toBe('4\u00a0строки будут дописаны в конец листа «Результаты ОП»; имеющиеся строки не изменятся.');
  expect(resultsRows(panel)).toBe(rowsBefore); // a check writes nothing

  // Another sheet: the untitled student paste says neither procedure nor year — the panel asks.
  await select.selectOption(UNTITLED);
  expect(await apply.isDisabled()).toBe(true);
  expect(await page.locator('#import-preview').textContent()).toBe('');
  p = await check(panel);
  expect(p.needs).toEqual(['procedure', 'year']);
  expect(await page.locator('#import-ask').textContent()).toBe('Во вставке не указаны процедура и учебный год. Выберите процедуру, укажите год и нажмите «Проверить».');
  expect(await kv(panel, 'Процедура')).toBe('не указана во вставке');
  expect(await apply.isDisabled()).toBe(true);
  const procedure = page.getByLabel('Процедура', { exact: true });
  expect(await procedure.inputValue()).toBe('');
  const choices = await procedure.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(choices).toEqual(['', ...(panel.replies.get('getImportOptions') as { procedures: string[] }).procedures]);

  // «Проверить» without them: the field says what is missing, nothing is sent.
  await page.getByRole('button', { name: 'Проверить' }).click();
  expect(await page.locator('#import-procedure-error').textContent()).toBe('Выберите процедуру из списка.');
  expect(await procedure.getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'import-procedure');
  expect(panel.calls.filter((c) => c === 'previewImport')).toHaveLength(3);

  // A year the server does not understand: its Russian message, next to the form.
  await procedure.selectOption('ОГЭ русский язык');
  await year.fill('двадцать третий');
  await page.getByRole('button', { name: 'Проверить' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('«двадцать третий» не является учебным годом (пример: 2022/2023).');
  await expectEnabled(page, 'Проверить');
  expect(await apply.isDisabled()).toBe(true);

  await year.fill('2023/2024');
  p = await check(panel);
  expect(p).toMatchObject({ needs: [], procedure: 'ОГЭ русский язык', year: '2023/2024', toAppend: 2, canApply: true });
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.locator('#import-ask').isHidden()).toBe(true);
  expect(await page.locator('#import-hints-note').textContent()).toBe('Указано вами. Можно изменить и нажать «Проверить» снова.');

  // «Добавить»: the rows are under the last row of «Результаты ОП», the outcome links to both sheets.
  const sourcesBefore = await page.locator('#sources li[data-role="results"] .source-rows').textContent();
  await page.getByRole('button', { name: 'Добавить в «Результаты ОП»' }).click();
  await page.locator('#import-result').waitFor();
  const outcome = panel.replies.get('applyImport') as ImportOutcome;
  expect(outcome).toMatchObject({ appended: 2, journalSheet: 'Журнал импорта', resultsSheet: 'Результаты ОП' });
  expect(await page.locator('#import-result .callout-title').textContent()).toBe('Добавлено 2\u00a0строки в конец листа «Результаты ОП». Имеющиеся строки не изменены.');
  const values = env.dumpSheet('Результаты ОП').values;
  expect(values).toHaveLength(rowsBefore + 2);
  expect(values.slice(-2).map((r) => [r[0], r[3]])).toEqual([
    ['2023/2024', 'ОГЭ русский язык'],
    ['2023/2024', 'ОГЭ русский язык'],
  ]);
  expect(env.workbook.hasSheet('Журнал импорта')).toBe(true);
  expect(await tiles(panel)).toEqual(['2добавлено', '0уже есть', '2школы']);
  expect(await apply.isDisabled()).toBe(true);
  // The focus stays next to what happened; the sources were read again.
  await eventually(() => page.evaluate(() => document.activeElement?.closest('#import-result') !== null), true);
  await page.waitForFunction(
    (before) => document.querySelector('#sources li[data-role="results"] .source-rows')?.textContent !== before,
    sourcesBefore,
  );
  expect(await page.locator('#sources li[data-role="results"] .source-rows').textContent()).toBe(`${rowsBefore + 1}\u00a0строк`);
  await page.locator('#import-result').getByRole('button', { name: 'Перейти на лист «Журнал импорта»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Журнал импорта');
  await page.locator('#import-result').getByRole('button', { name: 'Перейти на лист «Результаты ОП»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Результаты ОП');

  // Again: everything is already there, nothing to add.
  p = await check(panel);
  expect(p).toMatchObject({ toAppend: 0, alreadyThere: 2, canApply: false });
  expect(await page.locator('#import-result').count()).toBe(0);
  expect(await tiles(panel)).toEqual(['0к добавлению', '2уже есть', '2школы']);
  expect(await apply.isDisabled()).toBe(true);
  expect(await page.locator('#import-apply-hint').textContent()).toBe('Новых строк нет: все результаты вставки уже есть в листе «Результаты ОП».');
  expect(resultsRows(panel)).toBe(rowsBefore + 2);
  expect(panel.calls.filter((c) => c === 'applyImport')).toHaveLength(1);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('import: an HTML-looking sheet name and school name are shown as text', async () => {
  const panel = await openWithPastes();
  const { page } = panel;
  await openImport(panel);
  const select = page.getByLabel('Лист со вставкой');
  await select.selectOption(EVIL_SHEET);
  await check(panel);
  await page.getByLabel('Процедура', { exact: true }).selectOption('ОГЭ русский язык');
  await page.getByLabel('Учебный год', { exact: true }).fill('2023/2024');
  const p = await check(panel);
  expect(p.skipped).toEqual([{ row: 7, reason: expect.stringContaining(EVIL) }]);

  expect(await select.locator('option', { hasText: 'Вставка' }).last().textContent()).toBe(EVIL_SHEET);
  expect(await kv(panel, 'Лист')).toBe(EVIL_SHEET);
  expect(await page.locator('#import-skipped > li').first().textContent()).toBe(`строка 7${p.skipped[0].reason}`);
  // Applied too: the outcome names the sheets, the journal holds the name as written.
  await page.getByRole('button', { name: 'Добавить в «Результаты ОП»' }).click();
  await page.locator('#import-result').waitFor();
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);
  expect(panel.dialogs).toEqual([]);
  expect(panel.refused).toEqual([]);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.env.dumpSheet('Журнал импорта').values.some((row) => row.some((v) => String(v).includes(EVIL)))).toBe(true);
});

test('import: no sheet with a paste, and a failure that gives the controls back', async () => {
  const panel = await openPanel();
  const { page } = panel;
  await loaded(panel);
  await page.getByRole('button', { name: 'Импорт результатов' }).click();
  await page.waitForFunction(() => document.getElementById('import-sheet')?.textContent === 'Нет листов со вставкой');
  expect(await page.getByLabel('Лист со вставкой').isDisabled()).toBe(true);
  expect(await page.locator('#import-check').isDisabled()).toBe(true);
  expect(await page.locator('#import-sheet-hint').textContent()).toContain('нажмите «Обновить список»');

  // The coordinator pastes into a new sheet, then «Обновить список».
  panel.env.workbook.addSheet({ name: 'Лист7', rows: typed(loadPaste('vpr-export.tsv')) });
  await page.getByRole('button', { name: 'Обновить список' }).click();
  await page.waitForFunction(() => (document.getElementById('import-sheet') as HTMLSelectElement).value === 'Лист7');
  await expectEnabled(page, 'Проверить');
  expect(await page.locator('#import-sheet-hint').isHidden()).toBe(true);

  // A flat VPR export names procedure and year on every row: nothing to ask.
  const p = await check(panel);
  expect(p).toMatchObject({ layout: 'vpr-export', perRow: { procedure: true, year: true }, needs: [], canApply: true });
  expect(await page.locator('#import-hints').isHidden()).toBe(true);
  expect(await kv(panel, 'Процедура')).toBe(`по строкам: ${p.procedures.join('; ')}`);

  // A run first: after the import, the results say they are out of date.
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();
  expect(await page.locator('#results-changed').count()).toBe(0);

  // Another import or run holds the document: the server's message, and «Добавить» usable again.
  const rows = resultsRows(panel);
  panel.env.locks.holdByAnotherUser('document');
  await page.getByRole('button', { name: 'Добавить в «Результаты ОП»' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('Импорт не выполнен');
  expect(await page.getByRole('alert').textContent()).toContain('уже выполняется');
  await expectEnabled(page, 'Добавить в «Результаты ОП»');
  expect(resultsRows(panel)).toBe(rows);

  panel.env.locks.releaseByAnotherUser('document');
  await page.getByRole('button', { name: 'Добавить в «Результаты ОП»' }).click();
  await page.locator('#import-result').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(resultsRows(panel)).toBe(rows + p.toAppend);
  expect(await page.locator('#results-changed').textContent()).toBe('После расчёта в результаты добавлены строки: нажмите «Рассчитать» ещё раз.');
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.waitForFunction(() => document.getElementById('results-changed') === null);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('monitoring: «Подготовить лист мониторинга» creates the sheet, says what it did, links to it', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);
  const toggle = page.getByRole('button', { name: 'Лист мониторинга', exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(env.workbook.hasSheet('Мониторинг')).toBe(false);

  const release = panel.hold('prepareMonitoring');
  await page.getByRole('button', { name: 'Подготовить лист мониторинга' }).click();
  await page.waitForFunction(() => document.getElementById('monitoring-run')?.textContent === 'Подготовка листа…');
  expect(await page.locator('#run').isDisabled()).toBe(true);
  release();
  await page.locator('#monitoring-result .callout').waitFor();
  const result = panel.replies.get('prepareMonitoring') as MonitoringResult;
  expect(result).toMatchObject({ sheet: 'Мониторинг', created: true });
  expect(await page.locator('#monitoring-result .callout-title').textContent()).toBe(result.message);
  expect(result.message).toMatch(/^Лист «Мониторинг» создан/);
  expect(env.workbook.hasSheet('Мониторинг')).toBe(true);
  await expectEnabled(page, 'Подготовить лист мониторинга');
  await expectEnabled(page, 'Рассчитать');

  await page.locator('#monitoring-result').getByRole('button', { name: 'Перейти на лист «Мониторинг»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Мониторинг');
  // The sources list the monitoring sheet once it exists.
  await page.locator('#sources li[data-role="monitoring"]').waitFor();

  // Again: the sheet is updated, what the working group entered is kept.
  await page.getByRole('button', { name: 'Подготовить лист мониторинга' }).click();
  await page.waitForFunction(() => document.querySelector('#monitoring-result .callout-title')?.textContent?.startsWith('Лист «Мониторинг» обновлён'));
  expect(panel.calls.filter((c) => c === 'prepareMonitoring')).toHaveLength(2);

  // A failure: the message next to the button.
  panel.fail('prepareMonitoring', 'Импорт или расчёт уже выполняется. Дождитесь окончания и повторите.');
  await page.getByRole('button', { name: 'Подготовить лист мониторинга' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('Лист мониторинга не подготовлен');
  await expectEnabled(page, 'Подготовить лист мониторинга');

  // Every control has a label; nothing scrolls sideways with both sections open.
  await page.getByRole('button', { name: 'Импорт результатов' }).click();
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select')).filter((c) => !(c as HTMLInputElement).labels?.length).map((c) => c.id),
  );
  expect(unlabelled).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
