import { Analysis, CONTEXT_TEXT, contextOf } from '../engine';

/** Pairs listed in the panel; the rest are on the sheet. */
export const PANEL_PAIRS = 10;

export interface PanelPairSchool {
  code: string;
  name: string;
  isbsh: number | null;
  share: number | null;
}

export interface PanelPair {
  shnor: PanelPairSchool;
  /** null: no leader could be proposed (`reason` says why). */
  leader: PanelPairSchool | null;
  reason: string;
  sameLocality: boolean;
}

/** The panel's view of «Контекст» (plain data: it crosses google.script.run). */
export interface PanelContext {
  /** The sheet to link to (under the name it was written, when the run wrote it). */
  sheet: string;
  /** False without results for the analysis year: nothing else here is meaningful. */
  available: boolean;
  model: { a: number; b: number; n: number; r2: number | null } | null;
  problem: string | null;
  belowExpected: number;
  resilient: number;
  leaders: number;
  pairCount: number;
  unpairedCount: number;
  /** The first pairs, then the first ШНОР without one, at most PANEL_PAIRS rows in all. */
  pairs: PanelPair[];
}

function school(s: { outcome: { school: { code: string; name: string }; isbsh: number | null }; share: number | null }): PanelPairSchool {
  return { code: s.outcome.school.code, name: s.outcome.school.name, isbsh: s.outcome.isbsh, share: s.share };
}

/** `sheet`: the name «Контекст» is (or will be) written under. */
export function panelContext(a: Analysis, sheet: string): PanelContext {
  const c = contextOf(a);
  const pairs: PanelPair[] = c.pairs.slice(0, PANEL_PAIRS).map((p) => ({ shnor: school(p.shnor), leader: school(p.leader), reason: '', sameLocality: p.sameLocality }));
  for (const s of c.unpaired.slice(0, Math.max(0, PANEL_PAIRS - pairs.length))) {
    pairs.push({ shnor: school(s), leader: null, reason: CONTEXT_TEXT.unpairedWhy[s.unpaired ?? 'no-leader'], sameLocality: false });
  }
  return {
    sheet,
    available: c.year !== null && a.results !== null,
    model: c.model ? { a: c.model.a, b: c.model.b, n: c.model.n, r2: c.model.r2 } : null,
    problem: c.problem,
    belowExpected: c.schools.filter((s) => s.belowExpected).length,
    resilient: c.schools.filter((s) => s.resilient).length,
    leaders: c.schools.filter((s) => s.leader).length,
    pairCount: c.pairs.length,
    unpairedCount: c.unpaired.length,
    pairs,
  };
}
