import { COLORS, FORMATS, GeneratedSheet, SheetBuilder } from '../sheets/generated';
import { PROCEDURES } from '../shnor/procedures';
import { OBJECTIVITY_TEXT, SHEETS } from '../strings';
import { Cell } from '../table';
import { BoundaryPeak, MunicipalityObjectivity, ObjectivityEntry, ObjectivityResult } from './judge';

const WIDTH = OBJECTIVITY_TEXT.headers.length;
const COL = { down: 4, same: 5, up: 6, ratioThree: 10, ratioFour: 13, signs: 14 } as const;
const RATIO = '0.00';

/** Counts at a boundary, the participants they are shares of, and the peak. */
interface Peak {
  at: number;
  below: number;
  participants: number | null;
  ratio: number;
}

const share = (part: number, whole: number | null): Cell => (whole && whole > 0 ? part / whole : '');

/** Shares and counts of one row: a school's or the municipality's. */
function rowCells(
  comparison: { down: number; same: number; up: number; compared: number } | null,
  participants: number | null,
  three: Peak | null,
  four: Peak | null,
): Cell[] {
  const boundary = (b: Peak | null): Cell[] => (b ? [share(b.at, b.participants), share(b.below, b.participants), b.ratio] : ['', '', '']);
  return [
    comparison ? comparison.compared : '',
    comparison ? share(comparison.down, comparison.compared) : '',
    comparison ? share(comparison.same, comparison.compared) : '',
    comparison ? share(comparison.up, comparison.compared) : '',
    participants ?? '',
    ...boundary(three),
    ...boundary(four),
  ];
}

const FORMATS_ROW: (string | null)[] = [null, null, null, FORMATS.integer, FORMATS.percent, FORMATS.percent, FORMATS.percent, FORMATS.integer, FORMATS.percent, FORMATS.percent, RATIO, FORMATS.percent, FORMATS.percent, RATIO, null];

const municipalPeak = (b: MunicipalityObjectivity['three']): Peak | null => (b ? { at: b.at, below: b.below, participants: b.participants, ratio: b.at / Math.max(b.below, 1) } : null);
const schoolPeak = (p: BoundaryPeak | null, participants: number | null): Peak | null => (p ? { at: p.at, below: p.below, participants, ratio: p.ratio } : null);

function procedureRank(name: string): number {
  const i = PROCEDURES.findIndex((p) => p.name === name);
  return i < 0 ? PROCEDURES.length : i;
}

/**
 * «Объективность» for the analysis year: one block per procedure, the municipality's shares on its
 * first row, then the schools (those with signs first); the cells behind a sign highlighted.
 */
export function objectivitySheet(result: ObjectivityResult, year: string | null, generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.objectivity, generatedAt, WIDTH);
  if (!year) {
    b.row([OBJECTIVITY_TEXT.noYear]);
    return b.build();
  }
  const title = b.row([OBJECTIVITY_TEXT.title(year)], { bold: true });
  b.merge(title, 0, 1, WIDTH);
  const t = result.thresholds;
  const num = (v: number) => String(v).replace('.', ',');
  const note = b.row([OBJECTIVITY_TEXT.note({ upFactor: num(t.upFactor), upMinPercent: num(t.upMinPercent), boundaryRatio: num(t.boundaryRatio), boundaryMin: num(t.boundaryMinParticipants) })]);
  b.merge(note, 0, 1, WIDTH);
  b.blank();
  const head = b.header([...OBJECTIVITY_TEXT.headers]);
  const entries = result.entries.filter((e) => e.year === year);
  if (entries.length === 0) {
    b.row([OBJECTIVITY_TEXT.noData(year)]);
  }
  const procedures = [...new Set(entries.map((e) => e.procedure))].sort((x, y) => procedureRank(x) - procedureRank(y) || x.localeCompare(y, 'ru'));
  for (const procedure of procedures) {
    const m = result.municipality.find((x) => x.procedure === procedure && x.year === year);
    if (m) {
      b.row([procedure, '', OBJECTIVITY_TEXT.municipality, ...rowCells(m.comparison, m.participants, municipalPeak(m.three), municipalPeak(m.four)), ''], { bold: true, bg: COLORS.header, formats: FORMATS_ROW });
    }
    const schools = entries.filter((e) => e.procedure === procedure).sort(bySignsThenName);
    for (const e of schools) {
      const c = e.counts.comparison;
      const cells = rowCells(c && e.compared !== null ? { ...c, compared: e.compared } : null, e.participants, schoolPeak(e.boundary.three, e.participants), schoolPeak(e.boundary.four, e.participants));
      const signs = e.signs.map((s) => s.text).join('; ');
      const r = b.row([procedure, e.school.code, e.school.name, ...cells, signs], { formats: FORMATS_ROW, bg: e.signs.length ? COLORS.shnor : null });
      for (const s of e.signs) b.highlight(r, s.kind === 'up' ? COL.up : s.kind === 'boundary-3' ? COL.ratioThree : COL.ratioFour, COLORS.low);
      if (e.signs.length) b.highlight(r, COL.signs, COLORS.low);
    }
  }
  b.freeze(head + 1);
  b.widths([170, 90, 240, 90, 80, 90, 80, 80, 90, 90, 70, 90, 90, 70, 420]);
  b.wrap(COL.signs, 2);
  return b.build();
}

function bySignsThenName(x: ObjectivityEntry, y: ObjectivityEntry): number {
  return Number(y.signs.length > 0) - Number(x.signs.length > 0) || x.school.name.localeCompare(y.school.name, 'ru');
}
