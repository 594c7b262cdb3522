/**
 * «Анкета для школ» in the built panel (headless Chromium; server code of dist/Code.js over an
 * in-memory spreadsheet and Google Forms — see test/sidebar/harness.ts).
 */
import { FORMS_SCOPE } from '../../src/addon/auth';
import type { MailingResult } from '../../src/addon/form';
import { EVIL, Panel, eventually, expectEnabled, loaded, openPanel, useBrowser } from '../sidebar/harness';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';
import { REGISTRY, answersFor, countsFor, formSheets, registrySchools, yearChoicesToday } from './formEnv';

useBrowser();

/** The example registry with a school whose name is HTML, and no answers yet. */
function sheetsWithEvilSchool(): SeedSheet[] {
  const sheets = formSheets();
  (sheets.find((s) => s.name === REGISTRY) as SeedSheet).rows.push(['sch666', EVIL, '', 'Северный район', 'село', '']);
  return sheets;
}

async function openFormSection(panel: Panel): Promise<void> {
  await loaded(panel);
  const toggle = panel.page.getByRole('button', { name: 'Анкета для школ' });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await panel.page.locator('#form-state .callout').waitFor();
}

test('create the form, see who has not answered, copy the list for a letter', async () => {
  const panel = await openPanel(sheetsWithEvilSchool(), (env) => env.auth.grant(FORMS_SCOPE));
  const { page, env } = panel;
  await panel.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1' });
  await openFormSection(panel);
  await expect(page.locator('#form-state').textContent()).resolves.toContain('Анкета ещё не создана.');
  await expect(page.locator('#form-state').textContent()).resolves.toContain('Школ в «Справочник ОО»: 22.');
  expect(await page.locator('#form-refresh').isHidden()).toBe(true);

  await page.getByRole('button', { name: 'Создать анкету для школ' }).click();
  await page.locator('#form-message').waitFor();
  await expect(page.locator('#form-message').textContent()).resolves.toContain('Создана анкета');
  const open = page.locator('#form-message a', { hasText: 'Открыть анкету' });
  expect(await open.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\//);
  expect(await open.getAttribute('target')).toBe('_blank');
  await page.waitForFunction(() => document.getElementById('form-state')?.textContent?.includes('Анкета создана.'));
  expect(await page.locator('#form-refresh').isVisible()).toBe(true);
  expect(env.forms.all()).toHaveLength(1);

  // Ten schools answer; «Кто не ответил» lists the other twelve, the HTML-named one as text.
  const formId = env.forms.all()[0].id;
  const [year] = yearChoicesToday();
  registrySchools(env)
    .slice(0, 10)
    .forEach((s, i) => env.forms.respond(formId, answersFor(s, year, countsFor(i)), new Date(Date.UTC(2026, 10, 2, 9, i))));
  await expectEnabled(page, 'Кто не ответил');
  await page.getByRole('button', { name: 'Кто не ответил' }).click();
  await page.locator('#form-counts').waitFor();
  const reply = panel.replies.get('formMailing') as MailingResult;
  expect(reply.counts).toEqual({ missing: 12, invalid: 0, accepted: 10 });
  const tiles = await page.locator('#form-counts .tile').evaluateAll((t) => t.map((x) => x.textContent));
  expect(tiles).toEqual(['12Нет ответа', '0С ошибками', '10Ответ принят']);
  expect(await page.locator('#form-pending li').count()).toBe(12);
  await expect(page.locator('#form-pending').textContent()).resolves.toContain(EVIL);
  expect(await page.locator('#form-pending img').count()).toBe(0);

  await page.getByRole('button', { name: 'Скопировать список' }).click();
  await eventually(() => page.locator('#form-copy-status').textContent(), 'Список скопирован: вставьте его в письмо.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(reply.letter);
  expect(copied).toContain(EVIL);

  await page.getByRole('button', { name: 'Перейти на лист «Рассылка анкеты»' }).click();
  await eventually(() => env.workbook.activeSheetName(), 'Рассылка анкеты');
  expect(panel.pageErrors).toEqual([]);
  expect(panel.dialogs).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('without the permission: the way to grant it, and the rest of the panel keeps working', async () => {
  const panel = await openPanel(formSheets());
  const { page, env } = panel;
  await openFormSection(panel);
  await page.getByRole('button', { name: 'Создать анкету для школ' }).click();
  await page.locator('#form-consent').waitFor();
  await expect(page.locator('#form-consent').textContent()).resolves.toContain('разрешите доступ в окне Google');
  expect(await page.locator('#alert').isHidden()).toBe(true);
  expect(env.auth.prompts).toEqual([[FORMS_SCOPE]]);
  expect(env.forms.all()).toHaveLength(0);
  await expectEnabled(page, 'Рассчитать');
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await page.locator('#run-status.done').waitFor();
});

test('without a registry: says a list of schools is needed and creates the sheet structure', async () => {
  const panel = await openPanel([{ name: 'Лист1', rows: [] }], (env) => env.auth.grant(FORMS_SCOPE));
  const { page, env } = panel;
  await openFormSection(panel);
  await expect(page.locator('#form-state').textContent()).resolves.toContain('анкете нужен список школ');
  await page.locator('#form-structure').click();
  await eventually(() => env.workbook.hasSheet(REGISTRY), true);
  await page.getByRole('button', { name: 'Создать анкету для школ' }).click();
  await page.locator('#form-message').waitFor();
  await expect(page.locator('#form-message').textContent()).resolves.toContain('нужен список школ');
  expect(env.forms.all()).toHaveLength(0);
});
