/**
 * The panel says where the results went when the coordinator has a sheet of her own named like a
 * generated one, and what a failed run means (issue 9): the built panel in headless Chromium over the
 * built server code, through the same harness as sidebar.test.ts.
 */
import type { RunSummary } from '../../src/addon/panel';
import { WRITE_TEXT } from '../../src/engine/strings';
import { expectEnabled, exampleSheets, loaded, openPanel, useBrowser } from './harness';

useBrowser();

test('a sheet «Сводка» of the user’s: the panel names the sheet the result goes to, before and after the run; a failed run keeps the results', async () => {
  const panel = await openPanel([...exampleSheets(), { name: 'Сводка', rows: [['Моя сводка для главы']] }]);
  const { page, env } = panel;
  await loaded(panel);
  const said = WRITE_TEXT.displaced('Сводка', 'Сводка (расчёт)');
  await expect(page.locator('#displaced').textContent()).resolves.toContain(said);

  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();
  const summary = panel.replies.get('runCalculation') as RunSummary;
  expect(summary.displaced).toEqual([{ wanted: 'Сводка', name: 'Сводка (расчёт)' }]);
  await expect(page.locator('#displaced').textContent()).resolves.toContain(said);
  const links = await page.locator('#sheet-links button').evaluateAll((b) => b.map((x) => x.textContent));
  expect(links).toContain('Сводка (расчёт)');
  expect(links).not.toContain('Сводка');
  expect(env.dumpSheet('Сводка').values).toEqual([['Моя сводка для главы']]);

  // The next run fails midway: the panel shows the add-on's Russian message, the sheets stay as they were.
  const before = env.workbook.sheetNames().map((n) => env.dumpSheet(n));
  env.faults.failOn('Range.setValues', 3);
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#alert:not([hidden])').waitFor();
  await expect(page.locator('#alert .alert-text').textContent()).resolves.toMatch(/^Листы не записаны: .*Прежние результаты и ваши листы не изменены/);
  await expectEnabled(page, 'Рассчитать');
  expect(env.workbook.sheetNames().map((n) => env.dumpSheet(n))).toEqual(before);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
