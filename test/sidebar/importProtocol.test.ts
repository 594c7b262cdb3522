/**
 * «Импорт результатов» with a student-level ВПР protocol in the built panel (headless Chromium over
 * dist/Code.js; see harness.ts): the panel asks for the procedure, then for the scale of marks, and
 * imports the protocol with the journal comparison into «Результаты ОП».
 */
import type { ImportOutcome, ImportPreview } from '../../src/addon/importPanel';
import { HEADERS } from '../../src/engine/strings';
import { loadProtocol, typed } from '../import/paste';
import { Panel, eventually, exampleSheets, expectEnabled, loaded, openPanel, useBrowser } from './harness';

useBrowser();

const PROTOCOL = 'Протокол ВПР';

async function check(panel: Panel): Promise<ImportPreview> {
  const before = panel.calls.filter((c) => c === 'previewImport').length;
  await panel.page.getByRole('button', { name: 'Проверить' }).click();
  await eventually(() => panel.calls.filter((c) => c === 'previewImport').length, before + 1);
  await expectEnabled(panel.page, 'Проверить');
  return panel.replies.get('previewImport') as ImportPreview;
}

const kv = (panel: Panel, label: string) => panel.page.locator('#import-recognized li', { has: panel.page.locator('.kv-label', { hasText: label }) });
const facts = (panel: Panel) => panel.page.locator('#import-preview .facts li').evaluateAll((l) => l.map((x) => x.textContent));

test('a pasted protocol: the procedure, then the scale, then the import with the journal comparison', async () => {
  const panel = await openPanel([...exampleSheets(), { name: PROTOCOL, rows: typed(loadProtocol('protocol-sheet-math5-2021.tsv')) }], (env) => env.spreadsheet.getSheetByName(PROTOCOL)?.activate());
  await loaded(panel);
  const { page, env } = panel;
  await page.getByRole('button', { name: 'Импорт результатов' }).click();
  await expectEnabled(page, 'Проверить');
  expect(await page.getByLabel('Лист со вставкой').inputValue()).toBe(PROTOCOL);

  // The protocol names no procedure; its upload dates give the year. The scale field is there, not yet required.
  let p = await check(panel);
  expect(p).toMatchObject({ layout: 'vpr-protocol', needs: ['procedure'], year: '2020/2021' });
  expect(await page.locator('#import-ask').textContent()).toBe('Во вставке не указана процедура. Выберите её и нажмите «Проверить».');
  const scale = page.getByLabel('Шкала: минимальные баллы для «3», «4», «5»');
  expect(await scale.isVisible()).toBe(true);
  expect(await scale.getAttribute('aria-required')).toBe('false');
  expect(await kv(panel, 'Шкала').locator('.kv-value').textContent()).toBe('не указана');

  // The procedure chosen: now the scale is asked for, by name of its settings row in the summary.
  await page.getByLabel('Процедура', { exact: true }).selectOption('ВПР математика 6 кл.');
  p = await check(panel);
  expect(p).toMatchObject({ needs: ['scale'], procedure: 'ВПР математика 6 кл.', canApply: false });
  expect(await page.locator('#import-ask').textContent()).toBe('Во вставке протокол ВПР: баллы переводятся в отметки по шкале. Укажите минимальные баллы для «3», «4», «5» и нажмите «Проверить».');
  expect(await scale.getAttribute('aria-required')).toBe('true');
  expect(await kv(panel, 'Шкала').getAttribute('class')).toBe('attention');
  expect(await page.locator('#import-apply').isDisabled()).toBe(true);
  expect(await page.locator('#import-apply-hint').textContent()).toBe('Укажите шкалу перевода баллов в отметки выше и нажмите «Проверить».');

  // «Проверить» with the field empty: the field says so, nothing is sent.
  await page.getByRole('button', { name: 'Проверить' }).click();
  expect(await page.locator('#import-scale-error').textContent()).toBe('Укажите три минимальных балла для «3», «4», «5», например 7; 11; 15.');
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'import-scale');
  expect(panel.calls.filter((c) => c === 'previewImport')).toHaveLength(2);

  // A «5» above the maximum of the work (20): the server says why, next to the field.
  await scale.fill('7; 11; 25');
  p = await check(panel);
  expect(p.needs).toEqual(['scale']);
  expect(await page.locator('#import-scale-error').textContent()).toBe('Минимальный балл для «5» (25) больше максимального балла работы (20 — сумма максимумов заданий): проверьте шкалу.');
  expect(await page.locator('#import-apply').isDisabled()).toBe(true);

  await scale.fill('7,11,15');
  expect(await page.locator('#import-apply-hint').textContent()).toContain('нажмите «Проверить» ещё раз');
  p = await check(panel);
  expect(p).toMatchObject({ needs: [], toAppend: 2, canApply: true, students: { participants: 11, absent: 1, noJournalMark: 1 }, objectivityRows: 2 });
  expect(await scale.inputValue()).toBe('7; 11; 15');
  expect(await kv(panel, 'Шкала').locator('.kv-value').textContent()).toBe('«3» от 7, «4» от 11, «5» от 15 (указана вами)');
  expect(await facts(panel)).toEqual(expect.arrayContaining(['Участников с баллом11', 'Отсутствовали1', 'Без отметки по журналу1', 'Строк со сравнением с журналом2']));
  // The example's «Результаты ОП» has the ten columns of before: the panel says which are added.
  expect(await page.locator('#import-added-columns').textContent()).toBe(
    'В лист «Результаты ОП» будут добавлены столбцы «Понизили», «Подтвердили», «Повысили», «Ровно минимум «3»», «Минимум «3» − 1», «Ровно минимум «4»», «Минимум «4» − 1» — справа от имеющихся.',
  );

  const before = env.dumpSheet('Результаты ОП').values.length;
  await page.getByRole('button', { name: 'Добавить в «Результаты ОП»' }).click();
  await page.locator('#import-result').waitFor();
  expect(panel.replies.get('applyImport') as ImportOutcome).toMatchObject({ appended: 2 });
  const values = env.dumpSheet('Результаты ОП').values;
  expect(values[0]).toEqual([...HEADERS.results]);
  expect(values).toHaveLength(before + 2);
  expect(values.slice(-2).map((r) => [r[1], r[3], r[4], r[5], ...r.slice(10, 13)])).toEqual([
    ['sch240103', 'ВПР математика 6 кл.', 5, 0, 1, 2, 1],
    ['sch240104', 'ВПР математика 6 кл.', 6, 2, 2, 4, 0],
  ]);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
