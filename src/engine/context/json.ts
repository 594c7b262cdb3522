import { ContextAnalysis } from './analysis';

/** The per-school fields of DESIGN §3.3. */
export interface SchoolContextJson {
  pooledFailedShare: number | null;
  expectedFailedShare: number | null;
  residual: number | null;
  belowExpected: boolean;
  resilient: boolean;
  leader: boolean;
  /** The code of the leader proposed to a ШНОР school. */
  partner: string | null;
}

/** Top-level `context`: the fitted line; null when the model was not computed. */
export type ContextJson = { a: number; b: number; n: number; r2: number | null } | null;

export function contextSchoolJson(c: ContextAnalysis, index: number): SchoolContextJson {
  const s = c.schools[index];
  return {
    pooledFailedShare: s.share,
    expectedFailedShare: s.expected,
    residual: s.residual,
    belowExpected: s.belowExpected,
    resilient: s.resilient,
    leader: s.leader,
    partner: s.partner ? s.partner.school.code || s.partner.school.name : null,
  };
}

export function contextJson(c: ContextAnalysis): ContextJson {
  return c.model ? { a: c.model.a, b: c.model.b, n: c.model.n, r2: c.model.r2 } : null;
}
