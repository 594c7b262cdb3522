/**
 * The built panel (dist/sidebar.html) in headless Chromium, with google.script.run bridged to the
 * built server code (dist/Code.js in a vm over an in-memory spreadsheet). `npm test` builds first.
 * Nothing reaches the network: the page is served from inside the browser and every other request
 * is refused (and must not happen).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PanelState, RunSummary } from '../../src/addon/panel';
import { readCsvFolder, typedValue } from '../../src/cli/io';
import { AddonHandle, AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';
import { answer, withBridge } from './bridge';
import { launchChromium, serveOnly } from './browser';

const root = path.resolve(__dirname, '../..');
const SIDEBAR = path.join(root, 'dist/sidebar.html');
const CODE = path.join(root, 'dist/Code.js');
const PAGE = 'http://127.0.0.1/sidebar';
const BINDING = '__shnorMonitorRun';
const EVIL = '<img src=x onerror=alert(1)>Школа';
const AUTH_HINT = 'Похоже, в браузере выполнен вход в несколько аккаунтов Google. Откройте таблицу в окне инкогнито или выйдите из других аккаунтов и повторите.';

/** The bundled example as a spreadsheet holds it, plus a response whose school name is HTML. */
function exampleSheets(): SeedSheet[] {
  const sheets = readCsvFolder(path.join(root, 'examples/municipality')).map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(typedValue)) }));
  const form = sheets.find((s) => s.name.startsWith('Ответы на форму'));
  if (!form) throw new Error('В examples/municipality нет листа «Ответы на форму…»');
  form.rows.push(['16.01.2023 10:00:00', '', EVIL, '2022/2023', 100, 10, 10, 10]);
  return sheets;
}

interface Panel {
  page: Page;
  context: BrowserContext;
  env: AppsScriptEnvironment;
  addon: AddonHandle;
  /** Server functions called by the page, in order. */
  calls: string[];
  /** Replies of the server by function name (the last one). */
  replies: Map<string, unknown>;
  /** Requests the page tried to make other than the page itself: must stay empty. */
  refused: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Make the next call of a function wait until the returned function is called. */
  hold(name: string): () => void;
  /** Make every call of a function fail with this message, as google.script.run would. */
  fail(name: string, message: string): void;
}

let browser: Browser;
let html: string;

beforeAll(async () => {
  for (const file of [SIDEBAR, CODE]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} не найден: сначала выполните npm run build (npm test делает это сам).`);
  }
  html = fs.readFileSync(SIDEBAR, 'utf8');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openPanel(sheets: SeedSheet[] = exampleSheets()): Promise<Panel> {
  const env = sheetsEnvironment({ sheets, spreadsheetName: 'Мониторинг 2023' });
  const addon = loadAddon(CODE, env);
  // Contexts stay open until the browser closes: with --single-process (the @sparticuz/chromium
  // flags), closing one takes the browser down.
  const context = await browser.newContext({ viewport: { width: 300, height: 700 }, locale: 'ru-RU' });
  const refused = await serveOnly(context, PAGE, () => withBridge(html, { binding: BINDING }));
  const page = await context.newPage();
  const panel: Panel = {
    page,
    context,
    env,
    addon,
    calls: [],
    replies: new Map(),
    refused,
    pageErrors: [],
    dialogs: [],
    hold(name) {
      let release = () => undefined as void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      holds.set(name, gate);
      return () => release();
    },
    fail(name, message) {
      faults.set(name, message);
    },
  };
  const holds = new Map<string, Promise<void>>();
  const faults = new Map<string, string>();
  page.on('pageerror', (e) => panel.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    panel.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction(BINDING, async (name: string, args: string) => {
    panel.calls.push(name);
    const gate = holds.get(name);
    if (gate) {
      holds.delete(name);
      await gate;
    }
    const fault = faults.get(name);
    if (fault !== undefined) return JSON.stringify({ ok: false, message: fault });
    const reply = answer((fn, a) => addon.call(fn, ...a), name, args);
    const parsed = JSON.parse(reply) as { ok: boolean; value?: unknown };
    if (parsed.ok) panel.replies.set(name, parsed.value);
    return reply;
  });
  await page.goto(PAGE);
  return panel;
}

async function loaded(panel: Panel): Promise<PanelState> {
  await panel.page.locator('#sources li[data-role]').first().waitFor();
  await expectEnabled(panel.page, 'Рассчитать');
  return panel.replies.get('getPanelState') as PanelState;
}

async function expectEnabled(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === n && !b.disabled), name);
}

/** Waits (up to 5 s) until `read` gives `expected`; fails with the last value otherwise. */
async function eventually<T>(read: () => T | Promise<T>, expected: T): Promise<void> {
  const until = Date.now() + 5000;
  let last = await read();
  while (last !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
  expect(last).toBe(expected);
}

function settingValue(env: AppsScriptEnvironment, label: string): unknown {
  const row = env.dumpSheet('Настройки').values.find((r) => r[0] === label);
  return row?.[1];
}

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
