import { PairingCandidate, isbshKey, pairByIsbsh } from '../../src/engine/context';
import { analyze } from '../../src/engine/analyze';
import { contextOf } from '../../src/engine/context';
import { workbook } from './fixture';

const at = (isbsh: number, share: number, locality: string, rank: number): PairingCandidate => ({ key: isbshKey(isbsh), share, locality, rank });

/** The rule read literally (DESIGN §2.7), quadratic: each seeker scans every leader. */
function reference(seekers: PairingCandidate[], leaders: PairingCandidate[], capacity: number): (number | null)[] {
  const left = leaders.map(() => capacity);
  const order = seekers.map((_, i) => i).sort((i, j) => seekers[i].key - seekers[j].key || seekers[i].rank - seekers[j].rank);
  const out: (number | null)[] = seekers.map(() => null);
  for (const s of order) {
    const me = seekers[s];
    let best = -1;
    for (let l = 0; l < leaders.length; l++) {
      if (left[l] === 0) continue;
      if (best < 0) {
        best = l;
        continue;
      }
      const d = Math.abs(leaders[l].key - me.key) - Math.abs(leaders[best].key - me.key);
      const same = (c: PairingCandidate) => me.locality !== '' && c.locality === me.locality;
      const better =
        d < 0 ||
        (d === 0 && (same(leaders[l]) !== same(leaders[best]) ? same(leaders[l]) : leaders[l].share !== leaders[best].share ? leaders[l].share < leaders[best].share : leaders[l].rank < leaders[best].rank));
      if (better) best = l;
    }
    if (best >= 0) {
      out[s] = best;
      left[best]--;
    }
  }
  return out;
}

describe('pairing ШНОР with leaders (DESIGN §2.7)', () => {
  it('takes the closest ИСБШ', () => {
    expect(pairByIsbsh([at(70, 0.4, '', 0)], [at(60, 0.05, '', 1), at(72, 0.06, '', 2), at(90, 0.01, '', 3)], 2)).toEqual([1]);
  });

  it('ties in distance: the same «Местность» first, then the lower p, then the code', () => {
    const leaders = [at(75, 0.05, 'город', 10), at(85, 0.06, 'село', 11)];
    // 5 points from both: the one of the same locality, though its p is higher.
    expect(pairByIsbsh([at(80, 0.4, 'село', 0)], leaders, 2)).toEqual([1]);
    // No locality in the registry: never «the same»; the lower p wins.
    expect(pairByIsbsh([at(80, 0.4, '', 0)], leaders, 2)).toEqual([0]);
    // Same locality on neither side: the lower p.
    expect(pairByIsbsh([at(80, 0.4, 'посёлок', 0)], leaders, 2)).toEqual([0]);
    // Same distance, locality and p: the code (rank) decides, on either side.
    expect(pairByIsbsh([at(80, 0.4, '', 0)], [at(85, 0.05, '', 7), at(75, 0.05, '', 3)], 2)).toEqual([1]);
    expect(pairByIsbsh([at(80, 0.4, '', 0)], [at(75, 0.05, '', 8), at(85, 0.05, '', 4)], 2)).toEqual([1]);
    // Leaders of one ИСБШ: the same rules among them (the answer is the index in the list of leaders).
    expect(pairByIsbsh([at(80, 0.4, 'село', 0)], [at(82, 0.01, 'город', 1), at(82, 0.03, 'село', 2), at(82, 0.02, 'село', 3)], 2)).toEqual([2]);
  });

  it('distances equal on paper are equal although floating point differs in the last digit', () => {
    // 58,3 − 48,2 and 68,4 − 58,3 differ in the binary digits; on the ИСБШ key they are both 10,1.
    expect(58.3 - 48.2).not.toBe(68.4 - 58.3);
    expect(pairByIsbsh([at(58.3, 0.4, '', 0)], [at(48.2, 0.06, '', 1), at(68.4, 0.05, '', 2)], 2)).toEqual([1]);
  });

  it('ШНОР in ascending ИСБШ, then code, take leaders until each has its capacity', () => {
    const leaders = [at(70, 0.05, '', 10)];
    const seekers = [at(71, 0.4, '', 2), at(69, 0.4, '', 3), at(71, 0.4, '', 1)];
    // 69 first, then the two at 71 by code (rank 1 before 2); capacity 2: the last gets none.
    expect(pairByIsbsh(seekers, leaders, 2)).toEqual([null, 0, 0]);
    expect(pairByIsbsh(seekers, [], 2)).toEqual([null, null, null]);
  });

  it('a full leader is skipped for the next closest, on either side', () => {
    const leaders = [at(50, 0.01, '', 10), at(60, 0.01, '', 11), at(75, 0.01, '', 12)];
    const seekers = [at(61, 0.3, '', 0), at(62, 0.3, '', 1), at(63, 0.3, '', 2)];
    expect(pairByIsbsh(seekers, leaders, 1)).toEqual([1, 0, 2]);
  });

  it('agrees with the rule read literally on random municipalities with many ties', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 300; round++) {
      const locs = ['', 'город', 'село'];
      const make = (n: number, offset: number) =>
        Array.from({ length: n }, (_, i) => at(60 + Math.floor(rnd() * 8) * 2.5, Math.floor(rnd() * 4) / 100, locs[Math.floor(rnd() * 3)], offset + i));
      const seekers = make(1 + Math.floor(rnd() * 12), 0);
      const leaders = make(Math.floor(rnd() * 8), 100);
      const capacity = 1 + Math.floor(rnd() * 3);
      expect(pairByIsbsh(seekers, leaders, capacity)).toEqual(reference(seekers, leaders, capacity));
    }
  });

  it('is not quadratic: 20 000 ШНОР and 40 000 leaders of one ИСБШ pair in well under a second', () => {
    const leaders = Array.from({ length: 40000 }, (_, i) => at(70, (i % 97) / 1000, i % 3 === 0 ? 'село' : 'город', i));
    const seekers = Array.from({ length: 20000 }, (_, i) => at(65 + (i % 11), 0.5, i % 2 === 0 ? 'село' : '', 50000 + i));
    const start = Date.now();
    const out = pairByIsbsh(seekers, leaders, 2);
    const ms = Date.now() - start;
    expect(out.every((l) => l !== null)).toBe(true);
    const uses = new Map<number, number>();
    for (const l of out) uses.set(l as number, (uses.get(l as number) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(2);
    // A scan of every leader per ШНОР is 8·10⁸ comparisons (tens of seconds); this takes milliseconds.
    expect(ms).toBeLessThan(1500);
  });
});

describe('ties resolved through the registry and the results', () => {
  // Fewer than 8 schools: the model is not computed, the pairs are (they rest on ИСБШ and p only).
  const ties = workbook([
    { code: 't1', locality: 'село', isbsh: 80, rows: [[50, 20], [50, 20]], lowBefore: true },
    { code: 't2', locality: 'город', isbsh: 80, rows: [[50, 20], [50, 20]], lowBefore: true },
    { code: 't3', isbsh: 80, rows: [[50, 20], [50, 20]], lowBefore: true },
    { code: 't4', locality: 'посёлок', isbsh: 80, rows: [[50, 20], [50, 20]], lowBefore: true },
    { code: 'l1', locality: 'Город', isbsh: 75, rows: [[100, 5]] },
    { code: 'l2', locality: ' СЕЛО ', isbsh: 85, rows: [[100, 6]] },
  ]);

  it('«Местность» is compared folded (case, spaces); then p; capacity 2 each', () => {
    const a = analyze(ties);
    const c = contextOf(a);
    expect(c.model).toBeNull();
    expect(c.schools.filter((s) => s.leader).map((s) => s.outcome.school.code)).toEqual(['l1', 'l2']);
    // t1 (село) → l2 (same locality, though p is higher); t2 (город) → l1; t3 (none) → l1 (lower p, 1 left);
    // t4 (посёлок): l1 is full → l2.
    expect(c.pairs.map((p) => [p.shnor.outcome.school.code, p.leader.outcome.school.code, p.sameLocality])).toEqual([
      ['t1', 'l2', true],
      ['t2', 'l1', true],
      ['t3', 'l1', false],
      ['t4', 'l2', false],
    ]);
    expect(a.journal.some((e) => e.message.startsWith('Доля не справившихся есть только у 6 школ: квартиль'))).toBe(true);
  });
});
