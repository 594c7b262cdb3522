/**
 * Printing a .docx the way a person would: LibreOffice converts it to PDF, poppler reads the pages
 * back as text (pdftotext) or pictures (pdftoppm). Both come from Debian's packages
 * (`apt-get install libreoffice-writer poppler-utils fonts-liberation`); where they are missing the
 * tests that need them are skipped with a message saying so. Each conversion uses a profile of its
 * own, so parallel test files (and other engineers' soffice runs) do not collide.
 *
 * (The xlsx engineer writes the same kind of helper for workbooks in test/support/libreoffice.ts:
 * the two can be merged; this one is named for what it converts.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why printing cannot be checked here, or null when LibreOffice and poppler are installed. */
export function printToolsMissing(): string | null {
  const missing = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'].filter((c) => !onPath(c));
  return missing.length ? `не найдены ${missing.join(', ')}: установите libreoffice-writer и poppler-utils (apt-get install libreoffice-writer poppler-utils fonts-liberation)` : null;
}

/** Converts a .docx to PDF beside it (or into `outDir`) and returns the PDF's path. */
export function docxToPdf(docx: string, outDir = path.dirname(docx)): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice не создал ${pdf}`);
  return pdf;
}

/** The text of every page (pdftotext separates pages with a form feed). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** Page size in points of the first page: A4 portrait is 595 × 842. */
export function pdfPageSize(pdf: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!m) throw new Error(`pdfinfo: no page size in\n${info}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Renders one page (1-based) to PNG and returns the file's path. */
export function pdfPageToPng(pdf: string, page: number, outBase: string, dpi = 80): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
  return `${outBase}.png`;
}

/** The share of a page's pixels (at `dpi`) within `tolerance` of a colour: is a picture really drawn there? */
export function colourShare(pdf: string, page: number, [r, g, b]: [number, number, number], dpi = 40, tolerance = 24): number {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  // P6: "P6\n<w> <h>\n<max>\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.toString('latin1', 0, 40));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const start = header[0].length;
  const pixels = Number(header[1]) * Number(header[2]);
  let near = 0;
  for (let i = 0; i < pixels; i++) {
    const at = start + i * 3;
    if (Math.abs(ppm[at] - r) <= tolerance && Math.abs(ppm[at + 1] - g) <= tolerance && Math.abs(ppm[at + 2] - b) <= tolerance) near++;
  }
  return near / pixels;
}
