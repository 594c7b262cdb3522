import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VegaLiteSpec, isbshChart, isbshChartSpec, isbshPoints, schoolLabel } from '../../src/engine';
import { ChartRenderError, renderChart, renderPng, renderSvg, svgToPng } from '../../src/cli/charts';
import { textWidth } from '../../src/cli/charts/fonts';
import { isbshChartSvg, svgPathFor, writeIsbshSvg } from '../../src/cli/isbshSvg';
import { analyze } from '../../src/engine/analyze';
import { workbook } from '../indicators/municipality';
import { LONG_NAMES, exampleAnalysis, syntheticAnalysis } from './fixtures';
import { decodePng } from './png';
import { SvgText, plain, readSvg } from './svgText';

/** The box a text occupies, from its anchor and the font's real advance widths. */
function box(t: SvgText): { x1: number; x2: number; y1: number; y2: number } {
  const w = Math.max(...t.lines.map((l) => textWidth({ fontSize: t.fontSize, fontWeight: t.fontWeight }, l.trim())));
  const h = 0.8 * t.fontSize + 0.25 * t.fontSize + (t.lines.length - 1) * t.lineStep;
  const along = t.anchor === 'end' ? -w : t.anchor === 'middle' ? -w / 2 : 0;
  if (Math.abs(t.angle) === 90) {
    // Rotated −90°: the text runs upwards from its anchor.
    const y2 = t.y - along;
    return { x1: t.x - 0.8 * t.fontSize, x2: t.x - 0.8 * t.fontSize + h, y1: y2 - w, y2 };
  }
  if (t.angle !== 0) throw new Error(`text rotated by ${t.angle}°`);
  const x1 = t.x + along;
  return { x1, x2: x1 + w, y1: t.y - 0.8 * t.fontSize, y2: t.y - 0.8 * t.fontSize + h };
}

function expectAllTextInside(svg: string): void {
  const doc = readSvg(svg);
  for (const t of doc.texts) {
    const b = box(t);
    expect({ text: t.lines.join(' / '), inside: b.x1 >= 0 && b.y1 >= 0 && b.x2 <= doc.width && b.y2 <= doc.height }).toEqual({ text: t.lines.join(' / '), inside: true });
  }
}

describe('rendering the ИСБШ chart of the example', () => {
  const a = exampleAnalysis();
  let svg: string;
  let png: Buffer;
  beforeAll(async () => {
    const chart = await renderChart(isbshChart(a) as VegaLiteSpec);
    svg = chart.svg;
    png = chart.bytes;
  });

  it('writes every school name with an index and the cut-off value as text', () => {
    const doc = readSvg(svg);
    const labels = doc.texts.filter((t) => t.role === 'axis-label').map((t) => plain(t.lines.join(' ')));
    for (const p of isbshPoints(a)) expect(labels).toContain(p.name);
    expect(doc.texts.map((t) => t.lines.join(' '))).toContain('граница ШНСУ (нижний квартиль): 73,99');
    expect(doc.ariaLabels.filter((l) => l.startsWith('МБОУ "СОШ № 1": ИСБШ'))).toHaveLength(1);
  });

  it('leaves no text outside the picture', () => {
    expectAllTextInside(svg);
  });

  it('gives a PNG at twice the SVG size with ink exactly where each school name is', () => {
    const doc = readSvg(svg);
    const image = decodePng(png);
    expect(image.width).toBe(Math.round(doc.width * 2));
    expect(image.height).toBe(Math.round(doc.height * 2));
    const names = new Set(isbshPoints(a).map((p) => p.name));
    const labels = doc.texts.filter((t) => t.role === 'axis-label' && names.has(plain(t.lines.join(' '))));
    expect(labels.length).toBe(names.size);
    for (const t of labels) {
      const b = box(t);
      // Glyphs in the box the font measures…
      expect(image.darkIn(2 * b.x1, 2 * b.y1, 2 * b.x2, 2 * b.y2)).toBeGreaterThan(40);
      // …and none left of it: what vega measured is what resvg drew.
      expect(image.darkIn(2 * b.x1 - 40, 2 * b.y1, 2 * b.x1 - 4, 2 * b.y2)).toBe(0);
    }
  });

  it('renders Cyrillic glyphs, not one missing-glyph box for every letter', () => {
    const letter = (c: string) => svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="6" y="30" font-family="PT Sans" font-size="28">${c}</text></svg>`, { scale: 1 });
    const [sha, zhe, o] = ['Ш', 'Ж', 'О'].map((c) => decodePng(letter(c).bytes));
    for (const img of [sha, zhe, o]) expect(img.darkIn(0, 0, 40, 40)).toBeGreaterThan(30);
    expect(sha.data.equals(zhe.data)).toBe(false);
    expect(zhe.data.equals(o.data)).toBe(false);
  });
});

describe('rendering long names', () => {
  it('keeps every label inside the picture, wrapped as the engine wrapped it', async () => {
    const points = LONG_NAMES.map((name, i) => ({ name, value: 62 + i * 5, shnsu: i < 2 }));
    const svg = await renderSvg(isbshChartSpec({ points, cutoff: 67, cutoffKind: 'нижний квартиль', year: '2022/2023' }) as VegaLiteSpec);
    expectAllTextInside(svg);
    const labels = readSvg(svg).texts.filter((t) => t.role === 'axis-label' && t.anchor === 'end' && !/^\d+$/.test(t.lines[0])).map((t) => t.lines);
    expect(labels).toEqual(LONG_NAMES.map((n) => schoolLabel(n).lines));
    expect(svg).toContain('исемендәге');
  });
});

describe('rendering names that look like markup', () => {
  it('keeps «<», «&» and quotes as the text of a well-formed SVG', async () => {
    const input = workbook();
    const odd = 'Школа <10> & «Ко» "А"';
    input.tables['Справочник ОО'] = [...input.tables['Справочник ОО'].slice(0, 10), ['s10', odd]];
    input.tables['Ответы на форму (1)'] = input.tables['Ответы на форму (1)'].map((r) => (r[1] === 's10' ? [...r.slice(0, 2), odd, ...r.slice(3)] : r));
    const svg = (await isbshChartSvg(analyze(input))) as string;
    const doc = readSvg(svg);
    expect(doc.texts.map((t) => plain(t.lines.join(' ')))).toContain(odd);
    expect(doc.texts.map((t) => t.lines.join(' '))).toContain('граница ШНСУ (нижний квартиль): 77,08');
    expect(svg).not.toContain('<10>');
  });
});

describe('rendering a region', () => {
  it('draws the distribution for 2 000 schools, in seconds', async () => {
    const a = syntheticAnalysis(2000);
    const started = Date.now();
    const chart = await renderChart(isbshChart(a) as VegaLiteSpec);
    expect(Date.now() - started).toBeLessThan(15_000);
    const doc = readSvg(chart.svg);
    expect(doc.texts.some((t) => t.lines.join(' ').startsWith('Распределение ИСБШ и граница ШНСУ'))).toBe(true);
    expect(doc.texts.some((t) => t.lines.join(' ').startsWith('граница ШНСУ (нижний квартиль): '))).toBe(true);
    expect(doc.texts.filter((t) => t.role === 'axis-label').length).toBeLessThan(40);
    expectAllTextInside(chart.svg);
    expect(decodePng(chart.bytes).width).toBe(chart.width);
  });
});

describe('renderer errors', () => {
  const base = isbshChartSpec({ points: [{ name: 'Школа', value: 70, shnsu: true }], cutoff: 70, cutoffKind: 'нижний квартиль', year: null }) as VegaLiteSpec;

  it('refuses to load data from outside the spec', async () => {
    const outside = { $schema: base.$schema, data: { url: 'file:///etc/passwd', format: { type: 'csv' } }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
    await expect(renderSvg(outside)).rejects.toThrow(/не загружает внешние данные/);
    await expect(renderSvg({ ...outside, data: { url: 'https://example.org/data.csv', format: { type: 'csv' } } })).rejects.toThrow(/не загружает внешние данные/);
  });

  it('reports a spec vega-lite cannot compile and a bad PNG scale in Russian', async () => {
    await expect(renderSvg({ $schema: base.$schema, layer: 5 })).rejects.toThrow(ChartRenderError);
    await expect(renderPng(base, { scale: 0 })).rejects.toThrow('Масштаб PNG должен быть от 0 до 8, указано 0.');
  });
});

describe('the SVG beside the workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-charts-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is written as <out>-isbsh.svg from the same renderer', async () => {
    const a = exampleAnalysis();
    const out = path.join(dir, 'результат.xlsx');
    expect(await writeIsbshSvg(a, out)).toBe(svgPathFor(out));
    expect(fs.readFileSync(svgPathFor(out), 'utf8')).toBe(await isbshChartSvg(a));
  });

  it('is not written when no school has an index', async () => {
    const a = exampleAnalysis();
    const none = { ...a, schools: a.schools.map((o) => ({ ...o, isbsh: null })) };
    expect(await writeIsbshSvg(none, path.join(dir, 'пусто.xlsx'))).toBeNull();
    expect(fs.existsSync(path.join(dir, 'пусто-isbsh.svg'))).toBe(false);
  });
});
