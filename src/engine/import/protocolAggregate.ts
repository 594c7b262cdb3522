import { Journal } from '../journal';
import { Procedure } from '../shnor/procedures';
import { School } from '../schools/registry';
import { Settings } from '../settings';
import { PROTOCOL_TEXT } from '../strings';
import { Candidate } from './candidate';
import { VprScale, formatScale, markOf, parseScale, sameScale, scaleKey } from './scale';
import { ProtocolPaste, ProtocolStudent } from './types';

/** The scale an import of a protocol uses, and where it came from. */
export interface PlanScale {
  value: VprScale | null;
  source: 'hint' | 'settings' | null;
  /** The «Настройки» row that holds (or would hold) it, when procedure and year are known. */
  settingsLabel: string | null;
  /** The sum of the task maxima, when the protocol's headers give them. */
  maxTotal: number | null;
  /** Why the scale given cannot be used. */
  problem: string | null;
}

/**
 * The scale of marks: the one typed at the import (panel field, `--scale`), else the setting
 * «Шкала ВПР: <процедура>, <учебный год>». Never guessed, never taken from the journal marks.
 */
export function chooseScale(hint: string | undefined, procedure: Procedure | null, year: string | null, settings: Settings, maxTotal: number | null, journal: Journal, sheet: string): PlanScale {
  const known = procedure && year ? settings.vprScales[scaleKey(procedure.name, year)] ?? null : null;
  const plan: PlanScale = { value: null, source: null, settingsLabel: procedure && year ? PROTOCOL_TEXT.scaleLabel(procedure.name, year) : null, maxTotal, problem: null };
  const typed = (hint ?? '').trim();
  if (typed) {
    const parsed = parseScale(typed);
    if (!parsed) {
      plan.problem = PROTOCOL_TEXT.badScaleHint(typed);
      journal.error(sheet, plan.problem);
      return plan;
    }
    plan.value = parsed;
    plan.source = 'hint';
    if (known && !sameScale(known, parsed)) journal.warning(sheet, PROTOCOL_TEXT.scaleDiffers(formatScale(parsed), formatScale(known)), { action: PROTOCOL_TEXT.scaleDiffersAction });
  } else if (known) {
    plan.value = known;
    plan.source = 'settings';
  }
  if (plan.value && maxTotal !== null && plan.value.five > maxTotal) {
    plan.problem = PROTOCOL_TEXT.scaleOverMax(plan.value.five, maxTotal);
    journal.error(sheet, plan.problem);
    plan.value = null;
  }
  if (plan.value && plan.source) journal.info(sheet, PROTOCOL_TEXT.scaleUsed(PROTOCOL_TEXT.scaleShown(plan.value.three, plan.value.four, plan.value.five), PROTOCOL_TEXT.scaleFrom[plan.source]));
  return plan;
}

export interface ProtocolSummary {
  /** Students with a total in schools taken into the import. */
  participants: number;
  absent: number;
  /** Participants without a journal mark 2–5. */
  noJournalMark: number;
}

type Context = { school: School; procedure: Procedure; year: string };

interface Tally {
  ctx: Context;
  rows: number[];
  participants: number;
  failed: number;
  sum: number;
  down: number;
  same: number;
  up: number;
  atThree: number;
  belowThree: number;
  atFour: number;
  belowFour: number;
}

/**
 * Participants and failed per school (failed = total below the minimum for «3»), the mean total,
 * the journal comparison (the ВПР mark from the scale against the journal mark) and the totals at
 * the minimum for «3» and «4» and one point below.
 */
export function aggregateProtocol(protocol: ProtocolPaste, contextOf: (s: ProtocolStudent) => Context | null, scale: VprScale): { candidates: Candidate[]; summary: ProtocolSummary } {
  const tallies = new Map<string, Tally>();
  const summary: ProtocolSummary = { participants: 0, absent: protocol.absentRows.length, noJournalMark: 0 };
  for (const s of protocol.students) {
    const ctx = contextOf(s);
    if (!ctx) continue;
    const key = `${ctx.school.id}|${ctx.procedure.name}|${ctx.year}`;
    let t = tallies.get(key);
    if (!t) {
      t = { ctx, rows: [], participants: 0, failed: 0, sum: 0, down: 0, same: 0, up: 0, atThree: 0, belowThree: 0, atFour: 0, belowFour: 0 };
      tallies.set(key, t);
    }
    const mark = markOf(s.total, scale);
    t.rows.push(s.row);
    t.participants++;
    t.sum += s.total;
    if (mark === 2) t.failed++;
    if (s.journalMark === null) summary.noJournalMark++;
    else if (mark < s.journalMark) t.down++;
    else if (mark === s.journalMark) t.same++;
    else t.up++;
    if (s.total === scale.three) t.atThree++;
    if (s.total === scale.three - 1) t.belowThree++;
    if (s.total === scale.four) t.atFour++;
    if (s.total === scale.four - 1) t.belowFour++;
    summary.participants++;
  }
  const candidates = [...tallies.values()].map(
    (t): Candidate => ({
      ...t.ctx,
      rows: t.rows,
      participants: t.participants,
      failed: t.failed,
      percent: null,
      mean: Math.round((t.sum / t.participants) * 100) / 100,
      objectivity: {
        comparison: t.down + t.same + t.up > 0 ? { down: t.down, same: t.same, up: t.up } : null,
        three: { at: t.atThree, below: t.belowThree },
        four: { at: t.atFour, below: t.belowFour },
      },
    }),
  );
  return { candidates, summary };
}
