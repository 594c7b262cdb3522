import { Analysis } from '../analyze';
import { CUTOFF_LABELS, SUMMARY_TITLES } from '../strings';
import { formatNumber } from '../text';

export interface IsbshPoint {
  name: string;
  value: number;
  shnsu: boolean;
}

/** Schools with an index, least well-off first (the order of the chart and of its data block). */
export function isbshPoints(a: Analysis): IsbshPoint[] {
  return a.schools
    .filter((o) => o.isbsh !== null)
    .map((o) => ({ name: o.school.name, value: o.isbsh as number, shnsu: o.shnsu }))
    .sort((x, y) => x.value - y.value || x.name.localeCompare(y.name, 'ru'));
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const COLOR = { bar: '#8ab4f8', shnsuBar: '#f28b82', cutoff: '#d93025', grid: '#e0e0e0', text: '#3c4043' };

/**
 * The ИСБШ chart as a standalone SVG document (the CLI writes it beside the workbook): a column per
 * school on the 0–100 scale, ШНСУ columns in red, and the cut-off as a dashed line.
 */
export function isbshChartSvg(a: Analysis): string {
  const points = isbshPoints(a);
  // Room on the left for the first rotated school name.
  const left = 120;
  const top = 56;
  const plotHeight = 300;
  const labelSpace = 170;
  const step = 28;
  const plotWidth = Math.max(points.length * step, 480);
  const width = left + plotWidth + 24;
  const height = top + plotHeight + labelSpace;
  const y = (v: number) => top + plotHeight - (Math.max(0, Math.min(100, v)) / 100) * plotHeight;
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" font-size="12">`);
  out.push(`<title>${xml(SUMMARY_TITLES.chart)}${a.year ? `, ${xml(a.year)}` : ''}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="24" font-size="16" font-weight="bold" fill="${COLOR.text}">${xml(SUMMARY_TITLES.chart)}${a.year ? ` (${xml(a.year)})` : ''}</text>`);
  for (let v = 0; v <= 100; v += 20) {
    out.push(`<line x1="${left}" y1="${y(v)}" x2="${left + plotWidth}" y2="${y(v)}" stroke="${COLOR.grid}"/>`);
    out.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" fill="${COLOR.text}">${v}</text>`);
  }
  if (points.length === 0) {
    out.push(`<text x="${left + plotWidth / 2}" y="${top + plotHeight / 2}" text-anchor="middle" fill="${COLOR.text}">ИСБШ не рассчитан ни для одной школы</text>`);
  }
  points.forEach((p, i) => {
    const x = left + i * step + 4;
    const barTop = y(p.value);
    out.push(
      `<rect x="${x}" y="${barTop.toFixed(1)}" width="${step - 8}" height="${(top + plotHeight - barTop).toFixed(1)}" fill="${p.shnsu ? COLOR.shnsuBar : COLOR.bar}"><title>${xml(p.name)}: ${formatNumber(p.value, 2)}</title></rect>`,
    );
    const lx = x + (step - 8) / 2;
    const ly = top + plotHeight + 10;
    out.push(`<text x="${lx}" y="${ly}" transform="rotate(-60 ${lx} ${ly})" text-anchor="end" fill="${COLOR.text}">${xml(shorten(p.name, 28))}</text>`);
  });
  if (a.cutoff !== null) {
    const cy = y(a.cutoff).toFixed(1);
    out.push(`<line x1="${left}" y1="${cy}" x2="${left + plotWidth}" y2="${cy}" stroke="${COLOR.cutoff}" stroke-width="2" stroke-dasharray="6 4"/>`);
    out.push(`<line x1="${left + 210}" y1="41" x2="${left + 236}" y2="41" stroke="${COLOR.cutoff}" stroke-width="2" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${left + 242}" y="45" fill="${COLOR.text}">${xml(`граница ШНСУ (${CUTOFF_LABELS[a.settings.cutoff]}): ${formatNumber(a.cutoff, 2)}`)}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="${COLOR.text}"/>`);
  out.push(`<rect x="${left}" y="36" width="10" height="10" fill="${COLOR.shnsuBar}"/><text x="${left + 14}" y="45" fill="${COLOR.text}">ШНСУ</text>`);
  out.push(`<rect x="${left + 70}" y="36" width="10" height="10" fill="${COLOR.bar}"/><text x="${left + 84}" y="45" fill="${COLOR.text}">остальные школы</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
