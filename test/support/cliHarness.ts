import { CliIO } from '../../src/cli/main';

/** A CliIO that records what the CLI prints, with a fixed clock. */
export function recordingIo(now = new Date(Date.UTC(2026, 0, 15, 7, 0))): { out: string[]; err: string[]; io: CliIO } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now } };
}
