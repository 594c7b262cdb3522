/**
 * `npm run playground [-- <workbook.xlsx | folder-of-csv>] [--paste <report.tsv>] [--latency <ms>]
 *   [--screenshot <file.png>] [--screenshot-import <file.png>]`
 *
 * Serves the built sidebar (dist/sidebar.html) on http://127.0.0.1:$PORT (default 8080) next to a
 * view of the workbook, with google.script.run bridged to the built server code (dist/Code.js in a
 * vm over an in-memory spreadsheet, test/support/appsScriptVm.ts): the panel can be tried without
 * Google. The workbook is the bundled example (examples/municipality) unless a path is given; it is
 * only read, never written: the generated sheets live in memory until the playground stops.
 *
 * --paste <report.tsv>: adds a sheet «Вставка» (then «Вставка 2»…) holding a report as a coordinator
 * pastes it (tab-separated text, typed the way Sheets types it), for «Импорт результатов».
 *
 * --screenshot <file.png>: instead of serving, opens the panel in headless Chromium at 300 px,
 * presses «Рассчитать» and saves a picture of the whole panel (docs/sidebar.png is made this way).
 * --screenshot-import <file.png>: opens «Импорт результатов», checks the first pasted sheet and saves
 * a picture of that section (docs/sidebar-import.png:
 * `npm run playground -- --paste test/fixtures/paste/vpr-export.tsv --screenshot-import docs/sidebar-import.png`).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readWorkbookPath, typedValue } from '../src/cli/io';
import { AddonHandle, loadAddon, sheetsEnvironment } from '../test/support/appsScriptVm';
import type { SeedSheet } from '../test/support/fakeSpreadsheetApp';
import { answer, withBridge } from '../test/sidebar/bridge';
import { launchChromium } from '../test/sidebar/browser';

const root = path.resolve(__dirname, '..');
const CODE = path.join(root, 'dist/Code.js');
const SIDEBAR = path.join(root, 'dist/sidebar.html');
const RUN_PATH = '/api/run/';
/** Rows of a sheet shown in the workbook view (the panel itself sees everything). */
const VIEW_ROWS = 500;

interface Options {
  workbook: string;
  latencyMs: number;
  screenshot: string | null;
  screenshotImport: string | null;
  pastes: string[];
  port: number;
}

function usage(): string {
  return [
    'Использование: npm run playground -- [<книга.xlsx | папка с CSV>] [--paste <отчёт.tsv>] [--latency <мс>] [--screenshot <файл.png>] [--screenshot-import <файл.png>]',
    '  без пути — пример examples/municipality; порт — из переменной PORT (по умолчанию 8080).',
    '  --paste добавляет лист «Вставка» с отчётом (текст с табуляциями) для раздела «Импорт результатов».',
  ].join('\n');
}

function parseArgs(argv: string[]): Options {
  const options: Options = { workbook: path.join(root, 'examples/municipality'), latencyMs: 0, screenshot: null, screenshotImport: null, pastes: [], port: 8080 };
  const portText = process.env.PORT;
  if (portText !== undefined && portText !== '') {
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${portText}: ожидается номер порта от 0 до 65535.`);
    options.port = port;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (arg === '--latency') {
      const ms = Number(argv[++i]);
      if (!Number.isFinite(ms) || ms < 0) throw new Error('--latency: ожидается число миллисекунд.');
      options.latencyMs = ms;
    } else if (arg === '--screenshot') {
      const file = argv[++i];
      if (!file) throw new Error('--screenshot: укажите файл, например docs/sidebar.png.');
      options.screenshot = path.resolve(file);
    } else if (arg === '--screenshot-import') {
      const file = argv[++i];
      if (!file) throw new Error('--screenshot-import: укажите файл, например docs/sidebar-import.png.');
      options.screenshotImport = path.resolve(file);
    } else if (arg === '--paste') {
      const file = argv[++i];
      if (!file) throw new Error('--paste: укажите файл отчёта, например test/fixtures/paste/vpr-export.tsv.');
      options.pastes.push(path.resolve(file));
    } else if (arg.startsWith('-')) {
      throw new Error(`Неизвестный параметр ${arg}.\n${usage()}`);
    } else {
      options.workbook = path.resolve(arg);
    }
  }
  if (options.screenshotImport && options.pastes.length === 0) throw new Error('--screenshot-import: добавьте отчёт параметром --paste <отчёт.tsv>.');
  return options;
}

/** The workbook's sheets as a spreadsheet would hold them: CSV text typed the way Sheets types it. */
async function seedSheets(file: string): Promise<SeedSheet[]> {
  const input = await readWorkbookPath(file);
  return input.sheets.map((sheet) => ({
    name: sheet.name,
    rows: input.kind === 'csv' ? sheet.rows.map((row) => row.map(typedValue)) : sheet.rows,
  }));
}

/** A report as a coordinator pastes it: tab-separated lines, each cell typed as Sheets types pasted text. */
function pasteSheet(file: string, name: string): SeedSheet {
  if (!fs.existsSync(file)) throw new Error(`--paste: файл ${file} не найден.`);
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return { name, rows: text.split('\n').map((line) => line.split('\t').map((v) => (v === '' ? null : typedValue(v)))) };
}

const PASTE_SHEET = 'Вставка';

async function startAddon(file: string, pastes: string[] = []): Promise<AddonHandle> {
  if (!fs.existsSync(CODE) || !fs.existsSync(SIDEBAR)) throw new Error('Нет dist/Code.js или dist/sidebar.html: сначала выполните npm run build.');
  const sheets = await seedSheets(file);
  pastes.forEach((paste, i) => sheets.push(pasteSheet(paste, i === 0 ? PASTE_SHEET : `${PASTE_SHEET} ${i + 1}`)));
  const env = sheetsEnvironment({ sheets, spreadsheetName: path.basename(file).replace(/\.xlsx$/i, '') });
  // As after pasting: the (first) pasted sheet is the active one.
  if (pastes.length) env.spreadsheet.getSheetByName(PASTE_SHEET)?.activate();
  return loadAddon(CODE, env);
}

// ---------------------------------------------------------------------------------------------
// HTTP

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 1_000_000) req.destroy(new Error('too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workbookView(addon: AddonHandle): unknown {
  const wb = addon.env.workbook;
  const active = wb.activeSheetName();
  const dump = wb.dumpSheet(active);
  return {
    name: addon.env.spreadsheet.getName(),
    active,
    sheets: wb.sheetNames(),
    rows: dump.lastRow,
    columns: dump.lastColumn,
    values: dump.displayValues.slice(0, VIEW_ROWS),
    bold: dump.fontWeights.slice(0, VIEW_ROWS).map((row) => row.map((w) => w === 'bold')),
    backgrounds: dump.backgrounds.slice(0, VIEW_ROWS),
  };
}

export function createServer(addon: AddonHandle, options: Pick<Options, 'latencyMs'>): http.Server {
  const server = http.createServer((req, res) => {
    void (async () => {
      const port = (server.address() as AddressInfo).port;
      // Only this machine, by name: a web page elsewhere cannot reach the playground through DNS tricks.
      if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', PLAYGROUND_HTML);
      if (req.method === 'GET' && url.pathname === '/sidebar') {
        return send(res, 200, 'text/html; charset=utf-8', withBridge(fs.readFileSync(SIDEBAR, 'utf8'), { post: RUN_PATH }));
      }
      if (req.method === 'GET' && url.pathname === '/api/workbook') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(workbookView(addon)));
      if (req.method === 'POST' && url.pathname.startsWith(RUN_PATH)) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'JSON only');
        const name = decodeURIComponent(url.pathname.slice(RUN_PATH.length));
        const args = await readBody(req);
        if (options.latencyMs > 0) await sleep(options.latencyMs);
        const started = Date.now();
        const reply = answer((fn, a) => addon.call(fn, ...a), name, args);
        console.log(`google.script.run.${name} — ${Date.now() - started} мс${reply.startsWith('{"ok":false') ? `: ${(JSON.parse(reply) as { message: string }).message}` : ''}`);
        return send(res, 200, 'application/json; charset=utf-8', reply);
      }
      if (req.method === 'POST' && url.pathname === '/api/activate') {
        const name = await readBody(req);
        return send(res, 200, 'application/json; charset=utf-8', answer((fn, a) => addon.call(fn, ...a), 'activateSheet', JSON.stringify([name])));
      }
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(e));
    });
  });
  return server;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`Порт ${port} занят. Укажите другой: PORT=8081 npm run playground`) : e),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

// ---------------------------------------------------------------------------------------------
// Screenshot

type Scene = 'run' | 'import';

async function screenshot(origin: string, file: string, scene: Scene): Promise<void> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 1, locale: 'ru-RU', reducedMotion: 'reduce' });
    // Nothing leaves this machine: only the playground itself answers.
    await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${origin}/sidebar`);
    await page.locator('#sources li[data-role]').first().waitFor();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (scene === 'run') {
      await page.getByRole('button', { name: 'Рассчитать' }).click();
      await page.locator('#run-status.done').waitFor({ timeout: 60_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: file, fullPage: true });
    } else {
      await page.getByRole('button', { name: 'Импорт результатов' }).click();
      await page.waitForFunction((name) => (document.getElementById('import-sheet') as HTMLSelectElement | null)?.value === name, PASTE_SHEET);
      await page.getByRole('button', { name: 'Проверить' }).click();
      await page.locator('#import-recognized').waitFor({ timeout: 60_000 });
      await page.mouse.move(0, 0);
      // The section across the whole 300 px of the panel, its margins included.
      const box = await page.locator('#import-section').boundingBox();
      if (!box) throw new Error('Раздел «Импорт результатов» не виден.');
      const scroll = await page.evaluate(() => window.scrollY);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: box.y + scroll, width: 300, height: Math.ceil(box.height) + 12 } });
    }
    if (problems.length) throw new Error(`Ошибки на странице: ${problems.join('; ')}`);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

export async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  const shots: [string, Scene][] = [];
  if (options.screenshot) shots.push([options.screenshot, 'run']);
  if (options.screenshotImport) shots.push([options.screenshotImport, 'import']);
  if (shots.length) {
    // Each picture starts from the workbook as given: an import must not show up in the run's picture.
    for (const [file, scene] of shots) {
      const server = createServer(await startAddon(options.workbook, options.pastes), options);
      const port = await listen(server, 0);
      try {
        await screenshot(`http://127.0.0.1:${port}`, file, scene);
      } finally {
        server.close();
      }
      console.log(`Снимок панели: ${path.relative(process.cwd(), file) || file}`);
    }
    return;
  }
  const addon = await startAddon(options.workbook, options.pastes);
  const server = createServer(addon, options);
  const port = await listen(server, options.port);
  console.log(`Книга: ${options.workbook}`);
  console.log(`Панель «Мониторинг ШНОР и ШНСУ»: http://127.0.0.1:${port}/`);
  console.log('Остановить: Ctrl+C. Сформированные листы живут только в памяти.');
}

// The workbook view around the panel. Data goes in with textContent only.
const PLAYGROUND_HTML = `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Песочница — Мониторинг ШНОР и ШНСУ</title>
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font: 13px/1.4 Roboto, Arial, sans-serif; color: #202124; background: #f8f9fa; }
  header { display: flex; align-items: baseline; gap: 12px; padding: 10px 16px; background: #fff; border-bottom: 1px solid #dadce0; }
  header h1 { margin: 0; font-size: 18px; font-weight: 400; }
  header span { color: #5f6368; }
  .main { flex: 1; display: flex; min-height: 0; }
  .book { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .grid { flex: 1; overflow: auto; background: #fff; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { position: sticky; top: 0; background: #f8f9fa; color: #5f6368; font-weight: 400; z-index: 1; }
  td.n { background: #f8f9fa; color: #5f6368; text-align: right; position: sticky; left: 0; }
  .tabs { display: flex; gap: 2px; padding: 0 8px; overflow-x: auto; background: #f1f3f4; border-top: 1px solid #dadce0; }
  .tabs button { border: 0; background: none; padding: 8px 14px; font: inherit; color: #3c4043; cursor: pointer; white-space: nowrap; }
  .tabs button[aria-current="true"] { background: #fff; color: #188038; font-weight: 600; box-shadow: inset 0 -3px 0 #188038; }
  .more { padding: 6px 10px; color: #5f6368; }
  aside { width: 300px; display: flex; flex-direction: column; background: #fff; border-left: 1px solid #dadce0; }
  aside .title { display: flex; align-items: center; height: 48px; padding: 0 16px; font-size: 16px; border-bottom: 1px solid #dadce0; }
  aside iframe { flex: 1; width: 300px; border: 0; }
</style>
</head>
<body>
<header><h1>Песочница надстройки</h1><span id="book"></span></header>
<div class="main">
  <div class="book"><div class="grid" id="grid"></div><nav class="tabs" id="tabs" aria-label="Листы"></nav></div>
  <aside><div class="title">Мониторинг ШНОР и ШНСУ</div><iframe src="/sidebar" title="Панель надстройки"></iframe></aside>
</div>
<script>
(function () {
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function letters(n) { var s = ''; for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; }
  function render(w) {
    document.getElementById('book').textContent = w.name + ' — листов: ' + w.sheets.length;
    var tabs = document.getElementById('tabs');
    tabs.replaceChildren.apply(tabs, w.sheets.map(function (name) {
      var b = el('button', name);
      b.type = 'button';
      if (name === w.active) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', function () { fetch('/api/activate', { method: 'POST', body: name }).then(refresh); });
      return b;
    }));
    var table = el('table'), head = el('tr');
    head.appendChild(el('th', ''));
    for (var c = 0; c < w.columns; c++) head.appendChild(el('th', letters(c)));
    table.appendChild(head);
    w.values.forEach(function (row, r) {
      var tr = el('tr');
      var n = el('td', String(r + 1)); n.className = 'n'; tr.appendChild(n);
      row.forEach(function (v, c) {
        var td = el('td', v); td.title = v;
        if (w.bold[r] && w.bold[r][c]) td.style.fontWeight = '600';
        var bg = w.backgrounds[r] && w.backgrounds[r][c];
        if (bg && /^#[0-9a-f]{6}$/i.test(bg) && bg.toLowerCase() !== '#ffffff') td.style.background = bg;
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    var grid = document.getElementById('grid');
    grid.replaceChildren(table);
    if (w.rows > w.values.length) grid.appendChild(el('div', 'Показаны первые ' + w.values.length + ' строк из ' + w.rows + '.')).className = 'more';
  }
  function refresh() { return fetch('/api/workbook').then(function (r) { return r.json(); }).then(render); }
  window.addEventListener('message', function (e) { if (e.data && e.data.type === 'shnor-monitor:call') refresh(); });
  refresh();
})();
</script>
</body>
</html>
`;

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
