import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Checks of what prints, the way a person would check them: LibreOffice converts the file to PDF,
 * poppler counts and reads its pages (`pdfinfo`, `pdftotext`) and draws them (`pdftoppm`).
 *
 * Where LibreOffice or poppler is absent the tests are skipped with a message saying so — unless
 * SHNOR_REQUIRE_LIBREOFFICE=1 (CI sets it), then their absence fails the run.
 */

const REQUIRED = process.env.SHNOR_REQUIRE_LIBREOFFICE === '1';

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || null : null;
}

const SOFFICE = which('soffice') ?? which('libreoffice');
const POPPLER = ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdfimages'].every((c) => which(c) !== null);

export const libreOfficeAvailable = SOFFICE !== null && POPPLER;

const MISSING = `LibreOffice (soffice) и poppler-utils (pdfinfo, pdftotext, pdftoppm) не найдены: проверки печати пропущены. Установите: apt-get install --no-install-recommends libreoffice-calc libreoffice-writer poppler-utils`;

/**
 * `describe` for tests that need LibreOffice: runs them when it is installed; otherwise one skipped
 * test names what is missing, or — with SHNOR_REQUIRE_LIBREOFFICE=1 — one failing test does.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (libreOfficeAvailable) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    if (REQUIRED) {
      it('LibreOffice обязателен (SHNOR_REQUIRE_LIBREOFFICE=1)', () => {
        throw new Error(MISSING);
      });
    } else it.skip(MISSING, () => undefined);
  });
}

/** One LibreOffice profile per test process: parallel workers never share (and lock) one. */
let profile: string | null = null;
function profileDir(): string {
  profile ??= fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-lo-profile-'));
  return profile;
}

/** Converts a file (.xlsx, .docx, …) to PDF next to `outDir`; returns the PDF's path. */
export function convertToPdf(file: string, outDir: string = path.dirname(file)): string {
  if (!SOFFICE) throw new Error(MISSING);
  fs.mkdirSync(outDir, { recursive: true });
  const result = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profileDir()}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
  if (result.status !== 0 || !fs.existsSync(pdf)) {
    throw new Error(`LibreOffice не смог открыть «${file}»: ${result.stderr || result.stdout || result.error?.message}`);
  }
  return pdf;
}

/** Converts to another format LibreOffice writes (e.g. 'xlsx', 'ods'); returns the new file's path. */
export function convertTo(file: string, format: string, outDir: string): string {
  if (!SOFFICE) throw new Error(MISSING);
  fs.mkdirSync(outDir, { recursive: true });
  const result = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profileDir()}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format.split(':')[0]}`);
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice не смог преобразовать «${file}»: ${result.stderr || result.stdout}`);
  return out;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** In points. */
  width: number;
  height: number;
  /** The page's text laid out as on paper (`pdftotext -layout`). */
  text: string;
  /** First non-empty line: the page header when the sheet has one. */
  firstLine: string;
}

/** Every page with its size and text. */
export function pdfPages(pdf: string): PdfPage[] {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f');
  return Array.from({ length: count }, (_, i) => {
    const m = new RegExp(`^Page\\s+${i + 1} size:\\s+([\\d.]+) x ([\\d.]+)`, 'm').exec(sizes);
    const text = texts[i] ?? '';
    return { number: i + 1, width: Number(m?.[1]), height: Number(m?.[2]), text, firstLine: text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '' };
  });
}

/** Words of a page with their boxes (points, y downwards). */
export function pdfWords(pdf: string, page: number): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
  }));
}

/** Pages that show a picture, with its size in pixels. */
export function pdfImages(pdf: string): { page: number; width: number; height: number }[] {
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length > 4 && /^\d+$/.test(f[0]))
    .map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]) }));
}

/** Draws one page as a PNG (`dpi` dots per inch); returns its path. */
export function pageImage(pdf: string, page: number, out: string, dpi = 100): string {
  const prefix = out.replace(/\.png$/i, '');
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

/** A4 in points, either way round (pdfinfo rounds a little differently across versions). */
export function isA4(page: PdfPage): boolean {
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
  return Math.abs(short - 595.3) < 2 && Math.abs(long - 841.9) < 2;
}

export function isLandscape(page: PdfPage): boolean {
  return page.width > page.height;
}
