/**
 * «Изменения перечня» in the built panel (headless Chromium, google.script.run bridged to the built
 * bundle): who entered and who left since last year, and «Зафиксировать перечень года».
 */
import { sheets } from '../history/fixture';
import { eventually, loaded, openPanel, useBrowser } from './harness';

useBrowser();

test('shows entered and left since last year, records the list once with the order, then says it is recorded', async () => {
  const panel = await openPanel(sheets(false));
  const { page, env } = panel;
  await loaded(panel);
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();

  const facts = await page.locator('#history-facts li').evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
  // Without the approved list D is recomputed for 2021/2022 (not on it): B, D, E entered; C, F left; A stayed.
  expect(facts).toEqual(['Вошли в перечень3', 'Вышли из перечня2', 'Остались в перечне1', 'В перечне три года подряд и дольше1']);
  await expect(page.locator('#history').textContent()).resolves.toContain('Школа Б; Школа Г; Школа Д');
  await expect(page.locator('#record-state').textContent()).resolves.toContain('Перечень 2022/2023 ещё не зафиксирован');

  await page.getByLabel('Приказ (№, дата)').fill('№ 7 от 19.01.2023');
  await page.getByRole('button', { name: 'Зафиксировать перечень года' }).click();
  await eventually(async () => (await page.locator('#record-status').textContent())?.includes('записан в лист «Перечни прошлых лет»: 4 школы'), true);
  const recorded = env.dumpSheet('Перечни прошлых лет').values;
  expect(recorded.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
    ['2022/2023', 'sA', 'ШНОР и ШНСУ', '№ 7 от 19.01.2023'],
    ['2022/2023', 'sB', 'ШНОР', '№ 7 от 19.01.2023'],
    ['2022/2023', 'sE', 'ШНОР', '№ 7 от 19.01.2023'],
    ['2022/2023', 'sD', 'ШНСУ', '№ 7 от 19.01.2023'],
  ]);
  // After the refresh the year is recorded: the button goes, the state says so.
  await eventually(async () => (await page.locator('#record-state').textContent())?.includes('зафиксирован в листе «Перечни прошлых лет»'), true);
  expect(await page.getByRole('button', { name: 'Зафиксировать перечень года' }).isHidden()).toBe(true);
  expect(panel.pageErrors).toEqual([]);
});
