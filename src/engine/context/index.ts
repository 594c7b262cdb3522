/** Context (DESIGN §2.7): expected results from ИСБШ, resilient schools, pairs for network support. */
export { CONTEXT_MIN_SCHOOLS, CONTEXT_QUARTILE_P, codeOrder, contextOf } from './analysis';
export type { ContextAnalysis, ContextPair, SchoolContext } from './analysis';
export { contextChart, contextChartInput } from './chart';
export { contextJson, contextSchoolJson } from './json';
export type { ContextJson, SchoolContextJson } from './json';
export { contextNote, contextSummaryRows } from './summary';
export { isbshKey, pairByIsbsh } from './pairing';
export type { PairingCandidate } from './pairing';
export { pooledShare } from './pooled';
export type { PooledShare } from './pooled';
export { leastSquares } from './regression';
export type { Line } from './regression';
