import fc from 'fast-check';

/**
 * Runs a property up to `runs` times within `timeLimit` ms (a shared, loaded machine may run fewer;
 * at least `minimum` must run) and fails with fast-check's shrunk counterexample and its cause.
 * FUZZ_SEED replays a reported failure.
 */
export async function checkProperty<T>(property: fc.IProperty<[T]> | fc.IAsyncProperty<[T]>, runs: number, timeLimit: number, minimum: number): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<[T]>, {
    numRuns: runs,
    interruptAfterTimeLimit: timeLimit,
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
  });
  if (process.env.FUZZ_VERBOSE) console.log(`${details.numRuns} runs${details.interrupted ? ' (time limit reached)' : ''}`);
  if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\n\nCause: ${(details.errorInstance as Error | undefined)?.message}`);
  if (details.numRuns < Math.min(runs, minimum)) throw new Error(`only ${details.numRuns} runs within ${timeLimit} ms`);
}

export const envNumber = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
