/**
 * The harness of the browser tests: the built panel (dist/sidebar.html) in headless Chromium, with
 * google.script.run bridged to the built server code (dist/Code.js in a vm over an in-memory
 * spreadsheet). `npm test` builds first. Nothing reaches the network: the page is served from
 * inside the browser and every other request is refused (and must not happen).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PanelState } from '../../src/addon/panel';
import { readCsvFolder, typedValue } from '../../src/cli/io';
import { AddonHandle, AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';
import { answer, withBridge } from './bridge';
import { launchChromium, serveOnly } from './browser';

export const root = path.resolve(__dirname, '../..');
const SIDEBAR = path.join(root, 'dist/sidebar.html');
const CODE = path.join(root, 'dist/Code.js');
const PAGE = 'http://127.0.0.1/sidebar';
const BINDING = '__shnorMonitorRun';
export const EVIL = '<img src=x onerror=alert(1)>Школа';
export const AUTH_HINT = 'Похоже, в браузере выполнен вход в несколько аккаунтов Google. Откройте таблицу в окне инкогнито или выйдите из других аккаунтов и повторите.';

/** The bundled example as a spreadsheet holds it, plus a response whose school name is HTML. */
export function exampleSheets(): SeedSheet[] {
  const sheets = readCsvFolder(path.join(root, 'examples/municipality')).map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(typedValue)) }));
  const form = sheets.find((s) => s.name.startsWith('Ответы на форму'));
  if (!form) throw new Error('В examples/municipality нет листа «Ответы на форму…»');
  form.rows.push(['16.01.2023 10:00:00', '', EVIL, '2022/2023', 100, 10, 10, 10]);
  return sheets;
}

export interface Panel {
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

/** One Chromium for the tests of a file: call at the top level of the test file. */
export function useBrowser(): void {
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
}

/**
 * Opens the panel over a workbook seeded with `sheets` (the bundled example by default);
 * `prepare` may change the workbook before the page loads (e.g. make a pasted sheet active).
 */
export async function openPanel(sheets: SeedSheet[] = exampleSheets(), prepare?: (env: AppsScriptEnvironment) => void): Promise<Panel> {
  const env = sheetsEnvironment({ sheets, spreadsheetName: 'Мониторинг 2023' });
  prepare?.(env);
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

export async function loaded(panel: Panel): Promise<PanelState> {
  await panel.page.locator('#sources li[data-role]').first().waitFor();
  await expectEnabled(panel.page, 'Рассчитать');
  return panel.replies.get('getPanelState') as PanelState;
}

export async function expectEnabled(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === n && !b.disabled), name);
}

/** Waits (up to 5 s) until `read` gives `expected`; fails with the last value otherwise. */
export async function eventually<T>(read: () => T | Promise<T>, expected: T): Promise<void> {
  const until = Date.now() + 5000;
  let last = await read();
  while (last !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
  expect(last).toBe(expected);
}

export function settingValue(env: AppsScriptEnvironment, label: string): unknown {
  const row = env.dumpSheet('Настройки').values.find((r) => r[0] === label);
  return row?.[1];
}
