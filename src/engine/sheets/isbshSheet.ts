import { Analysis } from '../analyze';
import { CUTOFF_P } from '../settings';
import { CUTOFF_LABELS, HEADERS, SHEETS, YES } from '../strings';
import { formatNumber } from '../text';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';

const ROW_FORMATS = [null, null, FORMATS.integer, FORMATS.share, FORMATS.share, FORMATS.share, FORMATS.index, FORMATS.integer];

/** «ИСБШ»: the ranking, the cut-off and p above the table (DESIGN §3.2). */
export function isbshSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.isbsh, generatedAt, HEADERS.isbsh.length);
  const p = CUTOFF_P[a.settings.cutoff];
  const w = a.settings.weights;
  b.row([`ИСБШ = ${w.constant} + ${w.higher}·h − ${w.singleParent}·s − ${w.register}·r; ранг 1 — наименее благополучная школа.`]);
  if (a.cutoff !== null) {
    const r = b.row(['Граница ШНСУ', a.cutoff, `${CUTOFF_LABELS[a.settings.cutoff]}, p = ${formatNumber(p, 2)}: ПРОЦЕНТИЛЬ.ВКЛ (PERCENTILE.INC) по столбцу «ИСБШ»; ШНСУ — ИСБШ не выше границы`], {
      formats: [null, FORMATS.index],
    });
    b.setBold(r, 0);
    b.setBold(r, 1);
  } else {
    b.row(['Граница ШНСУ', '', 'не рассчитана: нет ни одного корректного ответа на анкету']);
  }
  b.blank();
  const head = b.header([...HEADERS.isbsh]);
  const byName = a.registry.schoolsByName();
  const ranked = [...a.schools].sort((x, y) => (x.isbsh === null ? 1 : 0) - (y.isbsh === null ? 1 : 0) || (x.isbsh ?? 0) - (y.isbsh ?? 0) || byName(x.school, y.school));
  for (const o of ranked) {
    const r = o.response;
    const s = r?.shares;
    const row = b.row(
      [o.school.code, o.school.name, r?.total ?? '', s ? s.h : '', s ? s.s : '', s ? s.r : '', o.isbsh ?? '', o.isbshRank ?? '', o.isbsh === null ? '' : o.shnsu ? YES : '', o.isbsh === null ? o.isbshRemark : ''],
      { formats: ROW_FORMATS, bg: o.shnsu ? COLORS.shnsu : null },
    );
    if (o.isbsh === null) b.highlight(row, 9, COLORS.noData);
  }
  b.freeze(head + 1);
  b.widths([90, 280, 90, 110, 110, 110, 70, 60, 60, 320]);
  b.wrap(9);
  b.print({ header: yearHeader(a.year), repeatColumns: { first: 0, last: 1 } });
  return b.build();
}
