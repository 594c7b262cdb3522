import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC } from '../headers';
import { ROADMAP_HEADERS, ROADMAP_STATUS } from '../strings';
import { Cell, cellText } from '../table';
import { fold } from '../text';

/** The columns of the ФИОКО template, in the order a new «Дорожная карта» has them. */
export type RoadmapField = keyof typeof ROADMAP_HEADERS;

export const ROADMAP_FIELDS = Object.keys(ROADMAP_HEADERS) as RoadmapField[];

/** The four a measure needs to be complete (DESIGN §2.8). */
export const MEASURE_FIELDS: RoadmapField[] = ['measure', 'deadline', 'responsible', 'results'];

export type TrackNumber = 1 | 2 | 3;
export const TRACKS: TrackNumber[] = [1, 2, 3];

/**
 * How each column is found by its header. The order matters for loose matches: «Ответственные ОО»
 * is taken by «Ответственные» before the school name could claim it for its «ОО».
 */
export const ROADMAP_SPECS: ColumnSpec<RoadmapField>[] = [
  { key: 'track', label: ROADMAP_HEADERS.track, any: [['трек'], ['траектори']] },
  { key: 'code', ...SCHOOL_CODE_SPEC },
  { key: 'task', label: ROADMAP_HEADERS.task, any: [['задача'], ['действие']] },
  { key: 'measure', label: ROADMAP_HEADERS.measure, any: [['мера'], ['меры'], ['мероприят']], required: true },
  { key: 'deadline', label: ROADMAP_HEADERS.deadline, any: [['сроки'], ['срок']], required: true },
  { key: 'responsible', label: ROADMAP_HEADERS.responsible, any: [['ответственн'], ['исполнител']], required: true },
  { key: 'results', label: ROADMAP_HEADERS.results, any: [['результат'], ['показател']], required: true },
  { key: 'status', label: ROADMAP_HEADERS.status, any: [['статус'], ['отметка о выполнении'], ['выполнение']] },
  { key: 'name', ...SCHOOL_NAME_SPEC },
];

/** Column widths of a new sheet, in pixels. */
export const FIELD_WIDTHS: Record<RoadmapField, number> = {
  track: 60,
  code: 90,
  name: 220,
  task: 260,
  measure: 260,
  deadline: 120,
  responsible: 180,
  results: 240,
  status: 150,
};

export const STATUS_VALUES: string[] = Object.values(ROADMAP_STATUS);

/** What a «Статус» cell says, read leniently: «Выполнено.», «выполнена» are done. */
export type StatusKind = 'done' | 'left' | 'moved' | 'other' | 'blank';

export function statusKind(cell: Cell | undefined): StatusKind {
  const s = fold(cellText(cell ?? null)).replace(/[.!]+$/, '');
  if (s === '') return 'blank';
  if (/^выполнен/.test(s)) return 'done';
  if (s === ROADMAP_STATUS.left || s === 'вышла из перечня' || s.startsWith('вышла из')) return 'left';
  if (s.startsWith('перешла в')) return 'moved';
  return 'other';
}

/** Rows marked by us as no longer the school's track do not count as measures of the school. */
export function isActiveStatus(cell: Cell | undefined): boolean {
  const k = statusKind(cell);
  return k !== 'left' && k !== 'moved';
}

/** «1», 1, «Трек 1», «трек 2.», «III» → the track; anything else → null. */
export function parseTrack(cell: Cell | undefined): TrackNumber | null {
  if (typeof cell === 'number') return cell === 1 || cell === 2 || cell === 3 ? cell : null;
  const s = fold(cellText(cell ?? null)).replace(/^трек\s*/, '').replace(/[.:]$/, '').trim();
  if (s === '1' || s === 'i') return 1;
  if (s === '2' || s === 'ii') return 2;
  if (s === '3' || s === 'iii') return 3;
  return null;
}

/** A track's heading row: «Трек 1. Адресная поддержка…» (any text after the number and a stop). */
export function headingTrack(text: string): TrackNumber | null {
  const m = fold(text).match(/^трек\s*([123])\s*[.:\-–—)]\s*\S/);
  return m ? (Number(m[1]) as TrackNumber) : null;
}
