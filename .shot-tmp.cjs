const chromium = require('@sparticuz/chromium');
const { chromium: pw } = require('playwright-core');
(async () => {
  const browser = await pw.launch({ executablePath: await chromium.default ? await chromium.default.executablePath() : await chromium.executablePath(), args: chromium.args ?? chromium.default.args, headless: true });
  const page = await browser.newPage({ viewport: { width: 900, height: 560 } });
  await page.goto('file://' + process.argv[2]);
  await page.screenshot({ path: process.argv[3] });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
