/**
 * Headless Chromium for the sidebar: playwright-core driving the browser that @sparticuz/chromium
 * ships inside its npm package (so `npm ci` is enough, nothing is downloaded).
 *
 * Fonts: the sidebar asks for Roboto, then Arial. Neither is on a bare Linux machine, so a
 * fontconfig file maps both to Open Sans (unpacked by @sparticuz/chromium next to the browser,
 * Cyrillic included) with the system fonts as fallback: screenshots look alike on every machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Route } from 'playwright-core';

function fontConfig(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-fonts-'));
  const bundled = path.join(os.tmpdir(), 'fonts');
  const aliases = ['Roboto', 'Arial', 'Helvetica', 'sans-serif']
    .map((family) => `  <alias binding="strong"><family>${family}</family><prefer><family>Open Sans</family><family>DejaVu Sans</family></prefer></alias>`)
    .join('\n');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${bundled}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
${aliases}
</fontconfig>
`,
  );
  return file;
}

export async function launchChromium(): Promise<Browser> {
  // Both are dev dependencies; loaded lazily so the playground starts without them.
  const { chromium: playwright } = await import('playwright-core');
  const module = (await import('@sparticuz/chromium')) as unknown as { default?: typeof import('@sparticuz/chromium').default };
  const sparticuz = module.default ?? (module as unknown as typeof import('@sparticuz/chromium').default);
  const executablePath = await sparticuz.executablePath();
  return playwright.launch({
    executablePath,
    args: [...sparticuz.args, '--disable-background-networking'],
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig() } as Record<string, string>,
  });
}

/**
 * Serves `html` at `url` from inside the browser and refuses every other request, so nothing the
 * page does can reach the network. Returns the list of refused URLs for the test to check.
 */
export async function serveOnly(context: BrowserContext, url: string, html: () => string): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', async (route: Route) => {
    const requested = route.request().url();
    if (requested === url) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html() });
      return;
    }
    if (!requested.endsWith('/favicon.ico')) refused.push(requested);
    await route.abort('blockedbyclient');
  });
  return refused;
}
