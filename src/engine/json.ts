import { Analysis } from './analyze';
import { JournalEntry } from './journal';
import { LowResult, ShnorStatus } from './shnor/judge';
import { CUTOFF_P, Settings } from './settings';
import type { RoadmapCheck } from './roadmap/check';
import { ContextAnalysis, contextOf } from './context/analysis';
import { ContextJson, SchoolContextJson, contextJson, contextSchoolJson } from './context/json';
import { ExitStatus, ListChangeSet, SchoolHistory } from './history/history';
import { ObjectivityJson, objectivityJson } from './objectivity/json';
import { previousSchoolYear } from './parse';
import { School } from './schools/registry';

/** The machine-readable result (DESIGN §3.3). Field names are stable. */
export interface ResultJson {
  year: string | null;
  settings: {
    threshold: number;
    cutoff: Settings['cutoff'];
    cutoffP: number;
    weights: [number, number, number, number];
    sameProcedure: boolean;
    minSample: number;
    procedures: string[];
    contextDeviation: number;
    leaderCapacity: number;
    exitYears: number;
    objectivity: Settings['objectivity'];
  };
  shnsuCutoff: number | null;
  schools: SchoolJson[];
  indicators?: IndicatorJson[];
  /** «Дорожная карта» (DESIGN §3.3): null when the workbook has none. */
  roadmap: RoadmapJson | null;
  /** The context model's line (DESIGN §2.7, §3.3); null when it was not computed. */
  context: ContextJson;
  /** The list of Y against Y−1 by school code (DESIGN §2.6); null without results for Y−1. */
  listChanges: { previousYear: string; entered: string[]; left: string[]; stayed: string[] } | null;
  /** Journal comparison and boundary peaks of Y and Y−1 (issue 16). */
  objectivity: ObjectivityJson[];
  issues: { level: JournalEntry['level']; sheet: string; row?: number; school?: string; message: string; action?: string }[];
}

export interface SchoolJson extends SchoolContextJson {
  code: string;
  name: string;
  isbsh: number | null;
  isbshRank: number | null;
  shnsu: boolean;
  students: number | null;
  shares: { h: number; s: number; r: number } | null;
  shnor: boolean;
  criterion1: boolean;
  criterion2: boolean;
  lowResults: LowResult[];
  status: ShnorStatus;
  justification: string;
  remark?: string;
  /** One entry per school year of the results (DESIGN §2.6). */
  history: { year: string; shnor: boolean; shnsu: boolean | null; category: string | null; source: 'approved' | 'computed' }[];
  yearsOnList: number;
  clearYearsInRow: number;
  exit: ExitStatus;
}

export interface IndicatorJson {
  id: string;
  group: string;
  text: string;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number;
  status: string;
}

/** Completeness of «Дорожная карта»: measure rows, codes of track 1/2 schools without a complete measure, incomplete rows. */
export interface RoadmapJson {
  rows: number;
  schoolsWithoutMeasures: string[];
  incompleteRows: number;
  overdueRows: number;
  unreadableDeadlines: number;
}

export function roadmapJson(check: RoadmapCheck | null): RoadmapJson | null {
  if (!check) return null;
  return {
    rows: check.rows,
    schoolsWithoutMeasures: check.schoolsWithoutMeasures.map((s) => s.code),
    incompleteRows: check.incompleteRows,
    overdueRows: check.overdue.length,
    unreadableDeadlines: check.unreadableDeadlines.length,
  };
}

export function toJson(a: Analysis, indicators?: IndicatorJson[], context: ContextAnalysis = contextOf(a)): ResultJson {
  const w = a.settings.weights;
  return {
    year: a.year,
    settings: {
      threshold: a.settings.threshold,
      cutoff: a.settings.cutoff,
      cutoffP: CUTOFF_P[a.settings.cutoff],
      weights: [w.constant, w.higher, w.singleParent, w.register],
      sameProcedure: a.settings.sameProcedure,
      minSample: a.settings.minSample,
      procedures: Object.keys(a.settings.procedures).filter((p) => a.settings.procedures[p]),
      contextDeviation: a.settings.contextDeviation,
      leaderCapacity: a.settings.leaderCapacity,
      exitYears: a.settings.exitYears,
      objectivity: { ...a.settings.objectivity },
    },
    shnsuCutoff: a.cutoff,
    schools: a.schools.map((o, i) => ({
      code: o.school.code,
      name: o.school.name,
      isbsh: o.isbsh,
      isbshRank: o.isbshRank,
      shnsu: o.shnsu,
      students: o.response?.total ?? null,
      shares: o.response ? { ...o.response.shares } : null,
      shnor: o.shnor?.shnor ?? false,
      criterion1: o.shnor?.criterion1 ?? false,
      criterion2: o.shnor?.criterion2 ?? false,
      lowResults: (o.shnor?.lowResults ?? []).map((l) => ({ ...l, interval: l.interval ? { ...l.interval } : undefined })),
      status: o.shnor?.status ?? 'no-data',
      justification: o.shnor?.justification ?? '',
      ...(o.isbsh === null ? { remark: o.isbshRemark } : {}),
      ...historyJson(a.history.schools[i]),
      ...contextSchoolJson(context, i),
    })),
    ...(indicators ? { indicators } : {}),
    roadmap: roadmapJson(a.roadmap),
    listChanges: changesJson(a.history.changes),
    context: contextJson(context),
    objectivity: a.year ? objectivityJson(a.objectivity, [a.year, previousSchoolYear(a.year)]) : [],
    issues: a.journal.map((e) => ({ level: e.level, sheet: e.sheet, row: e.row, school: e.school, message: e.message, action: e.action })),
  };
}

function historyJson(h: SchoolHistory | undefined): Pick<SchoolJson, 'history' | 'yearsOnList' | 'clearYearsInRow' | 'exit'> {
  if (!h) return { history: [], yearsOnList: 0, clearYearsInRow: 0, exit: null };
  return {
    history: h.entries.map((e) => ({ year: e.year, shnor: e.shnor, shnsu: e.shnsu, category: e.category, source: e.source })),
    yearsOnList: h.yearsOnList,
    clearYearsInRow: h.clearYearsInRow,
    exit: h.exit,
  };
}

/** Schools by code (by name where the data give none). */
function changesJson(c: ListChangeSet | null): ResultJson['listChanges'] {
  if (!c) return null;
  const codes = (list: School[]) => list.map((s) => s.code || s.name);
  return { previousYear: c.previousYear, entered: codes(c.entered), left: codes(c.left), stayed: codes(c.stayed) };
}
