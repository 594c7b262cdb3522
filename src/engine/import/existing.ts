import { Journal } from '../journal';
import { OBJECTIVITY_GROUPS, ObjectivityCounts, ObjectivityGroup, describeCounts, emptyCounts, pickGroups, sameGroup } from '../objectivity/counts';
import { ResultsData, describeNumbers, readResults, recordRows } from '../shnor/results';
import { SchoolRegistry } from '../schools/registry';
import { IMPORT_TEXT } from '../strings';
import { SheetData } from '../table';
import { Candidate, Written, hasResult, keyOf } from './candidate';
import { sameResult } from './compare';

/** What «Результаты ОП» already holds, by school, procedure and year. */
export interface Existing {
  results: ResultsData;
  /** Objectivity counts of the sheet, group by group; a group its rows disagree on is disputed. */
  objectivity: Map<string, { counts: ObjectivityCounts; rows: number[]; disputed: Set<ObjectivityGroup> }>;
}

/**
 * Reads the sheet as «Рассчитать» will: rows holding only objectivity counts are no results (they
 * complete the result of the same school, procedure and year), so the results reader does not see them.
 * Problems of the sheet belong to «Рассчитать», not to the import.
 */
export function readExisting(results: SheetData, registry: SchoolRegistry): Existing {
  const data = readResults(results.name, results.rows, registry, new Journal());
  const byKey: Existing['objectivity'] = new Map();
  for (const i of data.objectivity) {
    const k = `${i.school.id}|${i.procedure}|${i.year}`;
    const entry = byKey.get(k) ?? { counts: emptyCounts(), rows: [], disputed: new Set<ObjectivityGroup>() };
    entry.rows.push(i.row);
    for (const g of OBJECTIVITY_GROUPS) {
      if (i.counts[g] === null) continue;
      if (entry.counts[g] === null) entry.counts = { ...entry.counts, [g]: i.counts[g] };
      else if (!sameGroup(entry.counts, i.counts, g)) entry.disputed.add(g);
    }
    byKey.set(k, entry);
  }
  return { results: data, objectivity: byKey };
}

export interface ExistingConflict {
  candidate: Candidate;
  existing: string;
  /** Only the objectivity counts disagree: the result itself may still be written. */
  objectivityOnly: boolean;
}

/**
 * Compares each candidate with the sheet, part by part: the result (P, F, %) is written when the
 * sheet has none for that school, procedure and year, the same result is «already there», another
 * one is a conflict and nothing of the candidate is written. Objectivity groups (journal comparison,
 * boundary «3», boundary «4») are compared the same way, each on its own.
 */
export function compareWithExisting(candidates: Candidate[], existing: Existing | null, resultsName: string): { written: Written[]; alreadyThere: number; conflicts: ExistingConflict[] } {
  const out = { written: [] as Written[], alreadyThere: 0, conflicts: [] as ExistingConflict[] };
  if (!existing) {
    out.written = candidates.map((c) => ({ candidate: c, result: hasResult(c), objectivity: c.objectivity }));
    return out;
  }
  const records = new Map(existing.results.records.map((r) => [keyOf(r), r]));
  const disputed = new Map(existing.results.conflicts.map((c) => [keyOf(c), c]));
  for (const c of candidates) {
    const k = keyOf(c);
    let result = false;
    if (hasResult(c)) {
      const dispute = disputed.get(k);
      if (dispute) {
        out.conflicts.push({ candidate: c, existing: `«${resultsName}», ${IMPORT_TEXT.rowsLabel(dispute.rows.join(', '))}`, objectivityOnly: false });
        continue;
      }
      const there = records.get(k);
      if (there && !sameResult(there, c)) {
        out.conflicts.push({ candidate: c, existing: `«${resultsName}», ${IMPORT_TEXT.rowsLabel(recordRows(there).join(', '))}: ${describeNumbers(there)}`, objectivityOnly: false });
        continue;
      }
      result = !there;
    }
    const fresh: ObjectivityGroup[] = [];
    const clashing: ObjectivityGroup[] = [];
    const known = existing.objectivity.get(k);
    for (const g of OBJECTIVITY_GROUPS) {
      if (!c.objectivity || c.objectivity[g] === null) continue;
      if (!known || (known.counts[g] === null && !known.disputed.has(g))) fresh.push(g);
      else if (known.disputed.has(g) || !sameGroup(known.counts, c.objectivity, g)) clashing.push(g);
    }
    if (known && clashing.length > 0) {
      const shown = describeCounts(pickGroups(known.counts, clashing)) || '—';
      out.conflicts.push({ candidate: { ...c, objectivity: pickGroups(c.objectivity as ObjectivityCounts, clashing) }, existing: `«${resultsName}», ${IMPORT_TEXT.rowsLabel(known.rows.join(', '))}: ${shown}`, objectivityOnly: true });
    }
    if (!result && fresh.length === 0) {
      if (clashing.length === 0) out.alreadyThere++;
      continue;
    }
    out.written.push({ candidate: c, result, objectivity: fresh.length ? pickGroups(c.objectivity as ObjectivityCounts, fresh) : null });
  }
  return out;
}
