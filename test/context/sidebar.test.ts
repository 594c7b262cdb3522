/**
 * «Пары для сетевой поддержки» in the built panel (dist/sidebar.html) in headless Chromium, bridged to
 * the built server code in a vm: the preview before a run, then the pairs of «Рассчитать» with a link
 * to «Контекст». Names from the data are text, never HTML.
 */
import type { RunSummary } from '../../src/addon/panel';
import { eventually, loaded, openPanel, useBrowser } from '../sidebar/harness';

useBrowser();

test('shows the model, the counts and the pairs «ШНОР → школа-лидер», and opens «Контекст»', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);
  // Before a run: the preview of what a run would find, and no link to a sheet that does not exist yet.
  await expect(page.locator('#context-model').textContent()).resolves.toMatch(/^Ожидаемая доля не справившихся по ИСБШ: p̂ = 0,\d+ − 0,\d+ × ИСБШ \(R² = 0,\d+, школ: \d+\)\.$/);
  await expect(page.locator('#context').textContent()).resolves.toContain('после расчёта');

  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();
  const summary = panel.replies.get('runCalculation') as RunSummary;
  const c = summary.context;
  expect(c.pairCount).toBeGreaterThan(0);
  const items = await page.locator('#context-pairs li').evaluateAll((li) => li.map((x) => [x.querySelector('.pair-school .pair-name')?.textContent, x.querySelector('.pair-leader .pair-name')?.textContent ?? x.querySelector('.pair-leader')?.textContent]));
  expect(items).toEqual(c.pairs.map((p) => [p.shnor.name, p.leader ? p.leader.name : `→ ${p.reason}`]));
  // The example: МКОУ "Старосельская ООШ" is ШНОР without an index, so it has no pair.
  expect(items.at(-1)).toEqual(['МКОУ "Старосельская ООШ"', '→ нет ИСБШ (анкета не заполнена / содержит ошибки)']);
  const facts = await page.locator('#context-facts li').evaluateAll((li) => li.map((x) => x.textContent));
  expect(facts).toContain(`Пары «ШНОР → школа-лидер»${c.pairCount}`);
  expect(facts).toContain(`Резильентные школы${c.resilient}`);
  await page.locator('#context').getByRole('button', { name: 'Перейти на лист «Контекст»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Контекст');
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
