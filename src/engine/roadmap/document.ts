import { ROADMAP_TRACKS } from '../strings';
import { Cell, cellText } from '../table';
import { isActiveStatus } from './columns';
import { deadlineText } from './deadline';
import type { RoadmapCheck } from './check';

/** One measure of the roadmap as «Аналитическая справка» prints it (DESIGN §2.8): every field is display text. */
export interface RoadmapRow {
  /** «Трек 1. Адресная поддержка школ с низкими результатами обучения». */
  track: string;
  /** «МБОУ "СОШ № 2" (sch240102)»; '' for a municipal measure. */
  school: string;
  task: string;
  measure: string;
  /** As typed; a date cell as «31.03.2023». */
  deadline: string;
  responsible: string;
  results: string;
}

/** A row with «Статус» as typed (a document may show it). */
export interface RoadmapDocumentRow extends RoadmapRow {
  status: string;
}

/**
 * The roadmap as table data for the справка: measures in force, track by track (1, 2, 3) in the
 * order of the sheet, from the check «Рассчитать» made (`analysis.roadmap`). Rows marked «вышла из
 * перечня» / «перешла в другой трек» and rows without a track are left out. Null when the workbook has
 * no «Дорожная карта» or it was not recognised; [] when it has no measure.
 */
export function roadmapDocumentRows(check: Pick<RoadmapCheck, 'layout'> | null): RoadmapDocumentRow[] | null {
  const layout = check?.layout;
  if (!layout) return null;
  const text = (v: Cell | undefined) => cellText(v ?? null);
  const rows: RoadmapDocumentRow[] = [];
  for (const t of [1, 2, 3] as const) {
    for (const e of layout.entries) {
      if (e.track !== t || !isActiveStatus(e.values.status)) continue;
      const name = e.school?.name ?? e.name;
      const code = e.school?.code ?? e.code;
      rows.push({
        track: `Трек ${t}. ${ROADMAP_TRACKS[t].title}`,
        school: name && code ? `${name} (${code})` : name || code,
        task: text(e.values.task),
        measure: text(e.values.measure),
        deadline: deadlineText(e.values.deadline),
        responsible: text(e.values.responsible),
        results: text(e.values.results),
        status: text(e.values.status),
      });
    }
  }
  return rows;
}
