/**
 * Pairing of ШНОР schools with «школы-лидеры» (DESIGN §2.7, seed 000 task 6): ШНОР schools in ascending
 * ИСБШ (then code), each takes the leader with capacity left whose ИСБШ is closest; ties → the same
 * «Местность», then the lower failed share, then the code.
 */

/** A school as pairing sees it. */
export interface PairingCandidate {
  /** ИСБШ as an integer key (`isbshKey`): distances and ties are exact integers. */
  key: number;
  /** Pooled failed share p. */
  share: number;
  /** Folded «Местность»; '' when the registry does not say (never «the same» as anything). */
  locality: string;
  /** Position in the order of school codes: the last tie-break, total. */
  rank: number;
}

/**
 * ИСБШ in millionths of a point. The index is a sum of floating-point products, so two schools whose
 * answers give the same value can differ in the last binary digit, and so can two distances that are
 * equal on paper; compared at this grain (far below the two decimals shown, far above rounding noise)
 * they are equal, as a coordinator checking by hand would find.
 */
export function isbshKey(isbsh: number): number {
  return Math.round(isbsh * 1e6);
}

interface Queue {
  list: number[];
  next: number;
}

interface Cluster {
  key: number;
  /** Leaders of this ИСБШ by lower share, then code. */
  all: Queue;
  byLocality: Map<string, Queue>;
  free: number;
}

/**
 * For each seeker (by its index in `seekers`) the index of its leader in `leaders`, or null when no
 * leader has capacity left. Leaders of equal ИСБШ form one cluster with a queue per «Местность», the
 * clusters that still have capacity are found by union–find: O((S + L) log L), never S × L.
 */
export function pairByIsbsh(seekers: readonly PairingCandidate[], leaders: readonly PairingCandidate[], capacity: number): (number | null)[] {
  const result: (number | null)[] = new Array(seekers.length).fill(null);
  if (leaders.length === 0 || capacity < 1) return result;
  const byShare = (i: number, j: number) => leaders[i].share - leaders[j].share || leaders[i].rank - leaders[j].rank;
  const sorted = leaders.map((_, i) => i).sort((i, j) => leaders[i].key - leaders[j].key || byShare(i, j));
  const clusters: Cluster[] = [];
  for (const i of sorted) {
    let c = clusters[clusters.length - 1];
    if (!c || c.key !== leaders[i].key) clusters.push((c = { key: leaders[i].key, all: { list: [], next: 0 }, byLocality: new Map(), free: 0 }));
    c.all.list.push(i);
    c.free++;
    const loc = leaders[i].locality;
    if (loc === '') continue;
    const q = c.byLocality.get(loc);
    if (q) q.list.push(i);
    else c.byLocality.set(loc, { list: [i], next: 0 });
  }
  const left = new Array<number>(leaders.length).fill(capacity);
  const count = clusters.length;
  const keys = clusters.map((c) => c.key);
  // Nearest cluster with capacity at or left of / right of an index (path-compressed skips over the full ones).
  const toLeft = Array.from({ length: count }, (_, i) => i);
  const toRight = Array.from({ length: count }, (_, i) => i);
  const findLeft = (i: number): number => {
    let r = i;
    while (r >= 0 && toLeft[r] !== r) r = toLeft[r];
    for (let j = i; j >= 0 && toLeft[j] !== j; ) {
      const next = toLeft[j];
      toLeft[j] = r;
      j = next;
    }
    return r;
  };
  const findRight = (i: number): number => {
    let r = i;
    while (r < count && toRight[r] !== r) r = toRight[r];
    for (let j = i; j < count && toRight[j] !== j; ) {
      const next = toRight[j];
      toRight[j] = r;
      j = next;
    }
    return r;
  };
  const firstFree = (q: Queue): number => {
    while (q.next < q.list.length && left[q.list[q.next]] === 0) q.next++;
    return q.next < q.list.length ? q.list[q.next] : -1;
  };
  /** The best leader of a cluster for a seeker of locality `loc`, and whether it shares the locality. */
  const bestIn = (c: Cluster, loc: string): { leader: number; same: boolean } => {
    const own = loc === '' ? undefined : c.byLocality.get(loc);
    const mine = own ? firstFree(own) : -1;
    return mine >= 0 ? { leader: mine, same: true } : { leader: firstFree(c.all), same: false };
  };
  const better = (x: { leader: number; same: boolean }, y: { leader: number; same: boolean }) =>
    x.same !== y.same ? x.same : byShare(x.leader, y.leader) < 0;

  const order = seekers.map((_, i) => i).sort((i, j) => seekers[i].key - seekers[j].key || seekers[i].rank - seekers[j].rank);
  for (const s of order) {
    const seeker = seekers[s];
    const above = upperBound(keys, seeker.key);
    const l = findLeft(above - 1);
    const r = findRight(above);
    if (l < 0 && r >= count) break;
    const dl = l >= 0 ? seeker.key - keys[l] : Infinity;
    const dr = r < count ? keys[r] - seeker.key : Infinity;
    let pick = dl <= dr ? bestIn(clusters[l], seeker.locality) : bestIn(clusters[r], seeker.locality);
    let cluster = dl <= dr ? l : r;
    if (dl === dr) {
      const other = bestIn(clusters[r], seeker.locality);
      if (better(other, pick)) [pick, cluster] = [other, r];
    }
    result[s] = pick.leader;
    if (--left[pick.leader] === 0 && --clusters[cluster].free === 0) {
      toLeft[cluster] = cluster - 1;
      toRight[cluster] = cluster + 1;
    }
  }
  return result;
}

/** The first index whose key is greater than `key` (keys ascending). */
function upperBound(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
