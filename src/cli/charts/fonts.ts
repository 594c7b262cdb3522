import fs from 'node:fs';
import path from 'node:path';
import opentype from 'opentype.js';
import { CHART_FONT } from '../../engine';

/**
 * The chart font, shipped through npm (`@expo-google-fonts/pt-sans`: PT Sans by ParaType, SIL Open Font
 * License 1.1) so that Cyrillic renders on a machine with no fonts at all. It is used twice: vega lays
 * text out with its real advance widths (without a canvas vega would guess 0.8 em a character and
 * reserve the wrong room), and resvg draws the glyphs from the same files.
 */

const PACKAGE = '@expo-google-fonts/pt-sans';
const FACES = {
  regular: '400Regular/PTSans_400Regular.ttf',
  bold: '700Bold/PTSans_700Bold.ttf',
  italic: '400Regular_Italic/PTSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/PTSans_700Bold_Italic.ttf',
} as const;
type Face = keyof typeof FACES;

export class ChartFontError extends Error {}

let fileCache: string[] | null = null;
let faceCache: Record<Face, opentype.Font> | null = null;

function packageDir(): string {
  try {
    return path.dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new ChartFontError(`Шрифт диаграмм ${CHART_FONT} не найден: нет пакета ${PACKAGE}. Выполните npm ci.`);
  }
}

/** Paths of the four TTF faces (regular, bold, italic, bold italic). */
export function chartFontFiles(): string[] {
  if (fileCache) return fileCache;
  const dir = packageDir();
  const files = Object.values(FACES).map((f) => path.join(dir, f));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) throw new ChartFontError(`Шрифт диаграмм ${CHART_FONT} неполон: нет ${missing.map((f) => path.basename(f)).join(', ')}. Выполните npm ci.`);
  fileCache = files;
  return files;
}

function faces(): Record<Face, opentype.Font> {
  if (faceCache) return faceCache;
  const dir = packageDir();
  const loaded = {} as Record<Face, opentype.Font>;
  for (const [face, file] of Object.entries(FACES) as [Face, string][]) {
    const font = opentype.loadSync(path.join(dir, file));
    if (font.names.fontFamily.en !== CHART_FONT) throw new ChartFontError(`В ${file} шрифт «${font.names.fontFamily.en}», ожидался ${CHART_FONT}.`);
    loaded[face] = font;
  }
  faceCache = loaded;
  return loaded;
}

/** The text properties of a vega scenegraph item that change its width. */
export interface TextStyle {
  fontSize?: number | string;
  fontWeight?: number | string;
  fontStyle?: string;
}

const widths = new Map<string, number>();

/** Advance width in pixels of one line of text in the chart font, with kerning (as resvg shapes it). */
export function textWidth(style: TextStyle, text: string): number {
  const size = style.fontSize != null ? +style.fontSize || 0 : 11;
  if (size <= 0 || !text) return 0;
  const weight = style.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (weight !== undefined && +weight >= 600);
  const italic = style.fontStyle === 'italic' || style.fontStyle === 'oblique';
  const face: Face = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
  const key = `${face} ${size} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = faces()[face].getAdvanceWidth(text, size, { kerning: true });
    if (widths.size > 50_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}
