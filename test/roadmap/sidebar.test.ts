/** The panel's section «Дорожная карта» in headless Chromium over the built server code (test/sidebar/harness.ts). */
import type { RoadmapResult } from '../../src/addon/roadmap';
import { eventually, expectEnabled, loaded, openPanel, useBrowser } from '../sidebar/harness';

useBrowser();

test('«Подготовить дорожную карту» creates the sheet; the section then shows what is incomplete, school by school', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);
  const toggle = page.getByRole('button', { name: 'Дорожная карта', exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await page.locator('#roadmap-status').textContent()).toBe('Дорожной карты ещё нет: нажмите «Подготовить дорожную карту».');

  const release = panel.hold('prepareRoadmap');
  await page.getByRole('button', { name: 'Подготовить дорожную карту' }).click();
  await page.waitForFunction(() => document.getElementById('roadmap-run')?.textContent === 'Подготовка дорожной карты…');
  expect(await page.locator('#run').isDisabled()).toBe(true);
  release();
  await page.locator('#roadmap-result .callout').waitFor();
  const result = panel.replies.get('prepareRoadmap') as RoadmapResult;
  expect(result).toMatchObject({ sheet: 'Дорожная карта', created: true, rows: { 1: 7, 2: 6, 3: 3 } });
  expect(await page.locator('#roadmap-result .callout-title').textContent()).toBe(result.message);
  expect(env.workbook.hasSheet('Дорожная карта')).toBe(true);
  await expectEnabled(page, 'Подготовить дорожную карту');

  // The panel reads the workbook again: the roadmap is a source and its completeness is shown.
  await page.locator('#sources li[data-role="roadmap"]').waitFor();
  await page.locator('#roadmap-facts').waitFor();
  const facts = await page.locator('#roadmap-facts li').allTextContents();
  expect(facts.slice(0, 4)).toEqual(['Мер (по трекам)16 (1: 7, 2: 6, 3: 3)', 'Школ без полной меры13', 'Мер заполнено не полностью16', 'Сроки не читаются0']);
  const schools = await page.locator('#roadmap-schools li').allTextContents();
  expect(schools).toHaveLength(9);
  expect(schools[0]).toBe('МБОУ "СОШ № 2" трек 1, строка 6');
  expect(schools[8]).toBe('и ещё 5 — в журнале проверки');

  // The working group fills the measure of «СОШ № 2»; «Рассчитать» checks again.
  const sheet = env.spreadsheet.getSheetByName('Дорожная карта')!;
  sheet.getRange(6, 6, 1, 3).setValues([['март 2030', 'Иванова И. И.', 'Программа утверждена']]);
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.waitForFunction(() => document.querySelector('#roadmap-facts li:nth-child(2)')?.textContent === 'Школ без полной меры12');
  expect(await page.locator('#roadmap-schools li').first().textContent()).toBe('МБОУ "СОШ № 8" трек 1, строка 7');
  env.spreadsheet.getSheets()[0].activate();
  await page.locator('#roadmap-status').getByRole('button', { name: 'Перейти на лист «Дорожная карта»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Дорожная карта');
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
