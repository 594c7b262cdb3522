/**
 * «Аналитическая справка» in the built panel (headless Chromium, dist/Code.js over an in-memory
 * workbook; see test/sidebar/harness.ts): the permission on first use, the document made, its link.
 */
import type { ReportDocumentResult } from '../../src/addon/document';
import { DOCUMENTS_SCOPE } from '../support/fakeDocumentApp';
import { expectEnabled, loaded, openPanel, useBrowser } from '../sidebar/harness';

useBrowser();

test('asks for the permission first, then makes the document, links it and lists it', async () => {
  const panel = await openPanel();
  const { page, env } = panel;
  await loaded(panel);
  const toggle = page.getByRole('button', { name: 'Аналитическая справка', exact: true });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await page.locator('#document-hint').textContent()).toContain('приложением к приказу');
  const button = page.getByRole('button', { name: 'Создать документ справки' });

  // First use: Google ends the call with its consent screen; the panel says what to do.
  await button.click();
  await page.locator('#document-result .callout-warn').waitFor();
  expect(await page.locator('#document-result').textContent()).toContain('Разрешите доступ в открывшемся окне');
  expect(env.auth.prompts).toEqual([[DOCUMENTS_SCOPE]]);
  expect(env.documents.all()).toHaveLength(0);
  await expectEnabled(page, 'Создать документ справки');

  // The user allowed it: the document is made while the panel is locked.
  env.auth.grant(DOCUMENTS_SCOPE);
  const release = panel.hold('createReportDocument');
  await button.click();
  await page.waitForFunction(() => document.getElementById('document-run')?.textContent === 'Создание документа…');
  expect(await page.locator('#run').isDisabled()).toBe(true);
  release();
  await page.locator('#document-result .callout-ok').waitFor();
  const result = panel.replies.get('createReportDocument') as ReportDocumentResult;
  const [doc] = env.documents.all();
  expect(result.url).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
  const link = page.locator('#document-result a');
  expect(await link.getAttribute('href')).toBe(result.url);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.textContent()).toBe(result.name);
  expect(await page.locator('#document-result').textContent()).toContain('корне «Моего диска»');
  await page.locator('#document-recent li').first().waitFor();
  expect(await page.locator('#document-recent li a').getAttribute('href')).toBe(result.url);
  await expectEnabled(page, 'Рассчитать');
  expect(panel.pageErrors).toEqual([]);
  expect(panel.refused).toEqual([]);
});

test('a failure other than the permission is shown as such, and the panel stays usable', async () => {
  const panel = await openPanel();
  const { page } = panel;
  await loaded(panel);
  await page.getByRole('button', { name: 'Аналитическая справка', exact: true }).click();
  panel.fail('createReportDocument', 'Exception: Service Documents failed while accessing document with id doc0001.');
  await page.getByRole('button', { name: 'Создать документ справки' }).click();
  await page.locator('#alert:not([hidden])').waitFor();
  expect(await page.locator('#alert').textContent()).toContain('Документ не создан');
  expect(await page.locator('#document-result').textContent()).toBe('');
  await expectEnabled(page, 'Создать документ справки');
});
