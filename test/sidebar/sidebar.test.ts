/**
 * The built panel (dist/sidebar.html) in headless Chromium, with google.script.run bridged to the
 * built server code (dist/Code.js in a vm over an in-memory spreadsheet): sources, settings,
 * «Рассчитать», results and journal. The harness is in harness.ts; «Импорт результатов» and the
 * monitoring sheet are in import.test.ts.
 */
import type { RunSummary } from '../../src/addon/panel';
import { AUTH_HINT, EVIL, eventually, expectEnabled, loaded, openPanel, settingValue, useBrowser } from './harness';

useBrowser();

test('loads the sources, saves the cut-off, calculates and shows the counts and generated sheets', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  const state = await loaded(panel);

  // Sources: questionnaire, results, registry, settings — with row counts, problems and a link.
  const roles = await page.locator('#sources li').evaluateAll((items) => items.map((li) => li.getAttribute('data-role')));
  expect(roles).toEqual(['questionnaire', 'results', 'registry', 'settings']);
  const form = state.sources.find((s) => s.role === 'questionnaire');
  expect(form?.sheet).toBe('Ответы на форму (1)');
  const formItem = page.locator('#sources li[data-role="questionnaire"]');
  await expect(formItem.textContent()).resolves.toContain(`${form?.rows}\u00a0ответ`);
  await expect(formItem.textContent()).resolves.toMatch(new RegExp(`${form?.problems}\\u00a0замечани`));
  await expect(page.locator('#sources li[data-role="settings"]').textContent()).resolves.toContain('не найден');
  await page.getByRole('button', { name: 'Перейти на лист «Результаты ОП»' }).first().click();
  await eventually(() => env.workbook.activeSheetName(), 'Результаты ОП');

  // Before any run: the preview, and the sheets do not exist yet.
  await expect(page.locator('#results').textContent()).resolves.toContain('Предварительно');
  expect(env.workbook.hasSheet('Перечень ШНОР и ШНСУ')).toBe(false);

  // Settings: the form shows what «Настройки» says; change the cut-off.
  expect(await page.getByLabel('Нижний квартиль').isChecked()).toBe(true);
  await expect(page.getByLabel('Порог низкого результата, %').inputValue()).resolves.toBe('30');
  await page.getByLabel('Нижний квинтиль').check();
  await page.getByRole('button', { name: 'Сохранить' }).waitFor();

  // «Рассчитать»: saves the change first, shows progress and stays disabled while the server works.
  const release = panel.hold('runCalculation');
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  const run = page.locator('#run');
  await page.waitForFunction(() => document.getElementById('run-status')?.textContent?.startsWith('Идёт расчёт'));
  expect(await run.isDisabled()).toBe(true);
  expect(await run.textContent()).toBe('Идёт расчёт…');
  expect(await page.locator('#progress').isVisible()).toBe(true);
  expect(await page.locator('#panel').getAttribute('aria-busy')).toBe('true');
  expect(await page.getByLabel('Нижний квинтиль').isDisabled()).toBe(true);
  await run.click({ force: true, trial: false }).catch(() => undefined); // a second click does nothing
  release();
  await page.locator('#run-status.done').waitFor();
  await expectEnabled(page, 'Рассчитать');
  expect(panel.calls.filter((c) => c === 'runCalculation')).toHaveLength(1);
  expect(panel.calls.slice(0, 3)).toEqual(['getPanelState', 'activateSheet', 'savePanelSettings']);
  expect(String(settingValue(env, 'Граница ШНСУ'))).toMatch(/квинтиль/);

  // Results: the counts the server computed, with the saved cut-off, and links to the new sheets.
  const summary = panel.replies.get('runCalculation') as RunSummary;
  expect(summary.cutoffLabel).toBe('нижний квинтиль');
  const tiles = await page.locator('#counts .tile').evaluateAll((t) => t.map((x) => x.textContent));
  expect(tiles).toEqual([`${summary.shnor}ШНОР`, `${summary.shnsu}ШНСУ`, `${summary.both}ШНОР и ШНСУ`]);
  expect(summary.shnor + summary.shnsu).toBeGreaterThan(0);
  await expect(page.locator('#results').textContent()).resolves.toContain('Граница ИСБШ (нижний квинтиль)');
  const links = await page.locator('#sheet-links button').evaluateAll((b) => b.map((x) => x.textContent));
  expect(links.slice().sort()).toEqual(summary.sheets.slice().sort());
  expect(links[0]).toBe('Перечень ШНОР и ШНСУ');
  for (const name of ['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Журнал проверки']) {
    expect(summary.sheets).toContain(name);
    expect(env.workbook.hasSheet(name)).toBe(true);
  }
  await page.locator('#sheet-links').getByRole('button', { name: 'Перейти на лист «Перечень ШНОР и ШНСУ»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Перечень ШНОР и ШНСУ');

  // Program indicators by status (what the server counted), with a link to «Показатели».
  const indicators = await page.locator('#indicators li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-status'), li.lastElementChild?.textContent]));
  expect(indicators).toEqual([
    ['reached', String(summary.indicators.reached)],
    ['notReached', String(summary.indicators.notReached)],
    ['noData', String(summary.indicators.noData)],
  ]);
  expect(summary.indicators.reached + summary.indicators.notReached + summary.indicators.noData).toBeGreaterThan(0);
  expect(summary.sheets).toEqual(expect.arrayContaining(['Показатели', 'Сводка']));
  await page.locator('#results .link-row').getByRole('button', { name: 'Перейти на лист «Показатели»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Показатели');

  // Journal: counts, the first problems, a link to the journal sheet.
  const journal = page.locator('#journal');
  await expect(journal.textContent()).resolves.toContain(`Ошибок: ${summary.errors}`);
  const problems = await page.locator('#problems > li').count();
  expect(problems).toBe(summary.problems.length);
  await journal.getByRole('button', { name: 'Перейти на лист «Журнал проверки»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Журнал проверки');

  // The sources are read again after the run: «Настройки» exists now.
  await page.waitForFunction(() => !document.querySelector('#sources li[data-role="settings"]')?.textContent?.includes('не найден'));

  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('a school name made of HTML is shown as text', async () => {
  const panel = await openPanel();
  const { page } = panel;
  await loaded(panel);
  const school = page.locator('#problems .problem-school', { hasText: EVIL });
  await school.first().waitFor();
  expect(await school.first().textContent()).toBe(EVIL);
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();
  expect(await page.locator('#problems .problem-school', { hasText: EVIL }).first().textContent()).toBe(EVIL);
  // Nothing was parsed as markup: no image, no handler ran, no request for «x».
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);
  expect(panel.dialogs).toEqual([]);
  expect(panel.refused).toEqual([]);
  expect(panel.pageErrors).toEqual([]);
  // And it is in the journal sheet as written.
  const journal = panel.env.dumpSheet('Журнал проверки').values;
  expect(journal.some((row) => row.includes(EVIL))).toBe(true);
});

test('a run that fails shows the message and gives the button back', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);

  // Another user is calculating: the document lock is held.
  env.locks.holdByAnotherUser('document');
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Расчёт не выполнен');
  expect(await alert.textContent()).toContain('Расчёт уже выполняется');
  await expectEnabled(page, 'Рассчитать');
  expect(await page.locator('#progress').isVisible()).toBe(false);
  expect(env.workbook.hasSheet('Перечень ШНОР и ШНСУ')).toBe(false);
  await expect(page.locator('#results').textContent()).resolves.toContain('Предварительно');

  // Signed in to several Google accounts: the known hint, with the original text under it.
  env.locks.releaseByAnotherUser('document');
  panel.fail('runCalculation', 'ScriptError: Authorisation is required to perform that action.');
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.waitForFunction((hint) => document.querySelector('[role="alert"]')?.textContent?.includes(hint), AUTH_HINT);
  expect(await page.locator('[role="alert"] .alert-detail').textContent()).toBe('ScriptError: Authorisation is required to perform that action.');
  await page.getByRole('button', { name: 'Закрыть сообщение' }).click();
  expect(await page.getByRole('alert').count()).toBe(0);

  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('a failure on opening says what to do', async () => {
  const panel = await openPanel();
  panel.fail('getPanelState', 'PERMISSION_DENIED');
  await panel.page.reload();
  await panel.page.getByRole('alert').waitFor();
  expect(await panel.page.getByRole('alert').textContent()).toContain(AUTH_HINT);
  expect(await panel.page.locator('#sources').textContent()).toContain('Не удалось прочитать таблицу');
});

test('keyboard and labels, a wrong threshold, 300 px without horizontal scrolling', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);

  // Every form control has a label.
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select')).filter((c) => !(c as HTMLInputElement).labels?.length).map((c) => c.id),
  );
  expect(unlabelled).toEqual([]);

  const threshold = page.getByLabel('Порог низкого результата, %');
  await threshold.fill('сто');
  await page.keyboard.press('Tab');
  await expect(page.locator('#threshold-error').textContent()).resolves.toContain('Введите число');
  expect(await threshold.getAttribute('aria-invalid')).toBe('true');
  await page.locator('#run').focus();
  await page.keyboard.press('Enter');
  expect(panel.calls).toEqual(['getPanelState']); // nothing sent
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'threshold');

  // A Russian decimal comma is fine; Enter in the form saves.
  await threshold.fill('27,5');
  await threshold.press('Enter');
  await page.waitForFunction(() => document.getElementById('settings-status')?.textContent === 'Сохранено в листе «Настройки»');
  expect(Number(settingValue(env, 'Порог низкого результата, %'))).toBe(27.5);

  // The run button works from the keyboard and keeps the focus.
  await page.locator('#run').focus();
  await page.keyboard.press('Enter');
  await page.locator('#run-status.done').waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.id), 'run');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});
