import fs from 'node:fs';
import { Analysis, isbshChartSvg } from '../engine';

/** `<out>-isbsh.svg` beside the output workbook `<out>.xlsx`. */
export function svgPathFor(workbookPath: string): string {
  return `${workbookPath.replace(/\.xlsx$/i, '')}-isbsh.svg`;
}

/** Writes the ИСБШ chart beside the workbook (the add-on draws it natively); null when no school has an index. */
export function writeIsbshSvg(a: Analysis, workbookPath: string): string | null {
  if (!a.schools.some((o) => o.isbsh !== null)) return null;
  const file = svgPathFor(workbookPath);
  fs.writeFileSync(file, isbshChartSvg(a));
  return file;
}
