import { CLI_TEXT } from '../engine/strings';
import { UsageError } from './errors';

/** One option of a command: `--json <файл>` (takes a value) or `--in-place` (a flag). */
export interface OptionSpec {
  name: string;
  short?: string;
  /** What the value is, for «после --json укажите файл»; absent for a flag. */
  value?: string;
}

export interface CommandSpec {
  name: string;
  options: readonly OptionSpec[];
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
}

export interface ParsedArgs {
  /** Option values by name: the text given, or true for a flag. */
  values: Record<string, string | true | undefined>;
  positionals: string[];
  /** `--help` / `-h` was given: the caller prints the command's help and nothing else is checked. */
  help: boolean;
}

/** Options every command accepts; main.ts acts on them. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [{ name: 'debug' }, { name: 'help', short: 'h' }];

/**
 * Parses a command's arguments with Russian messages (node's parseArgs answers in English):
 * `--name value`, `--name=value`, `-o value`, flags, and `--` before a path that starts with «-».
 * Throws UsageError.
 */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const options = [...spec.options, ...COMMON_OPTIONS];
  const byLong = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.filter((o) => o.short).map((o) => [o.short as string, o]));
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  let help = false;
  const problems: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const long = token.startsWith('--');
    const eq = long ? token.indexOf('=') : -1;
    const key = long ? token.slice(2, eq === -1 ? undefined : eq) : token.slice(1, 2);
    const spelled = long ? `--${key}` : `-${key}`;
    const option = long ? byLong.get(key) : byShort.get(key);
    if (!option) {
      problems.push(CLI_TEXT.unknownOption(spelled, spec.name, suggestOption(key, options)));
      continue;
    }
    let value: string | true;
    const inline = long ? (eq === -1 ? null : token.slice(eq + 1)) : token.length > 2 ? token.slice(2) : null;
    if (option.value === undefined) {
      if (inline !== null) problems.push(CLI_TEXT.flagTakesNoValue(spelled));
      value = true;
    } else if (inline !== null) {
      value = inline;
    } else if (i + 1 < args.length && !looksLikeOption(args[i + 1])) {
      value = args[++i];
    } else {
      problems.push(CLI_TEXT.missingValue(spelled, option.value));
      continue;
    }
    if (option.name === 'help') help = true;
    if (values[option.name] !== undefined && option.value !== undefined) problems.push(CLI_TEXT.repeatedOption(`--${option.name}`));
    values[option.name] = value;
  }
  if (help) return { values, positionals, help };
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  if (positionals.length < spec.positionals.min) throw new UsageError(CLI_TEXT.needOneSource);
  if (positionals.length > spec.positionals.max) throw new UsageError(CLI_TEXT.extraPositional(positionals[spec.positionals.max]));
  return { values, positionals, help };
}

/** A value never starts with «-» unless written `--output=-файл.xlsx`; `-o --json x` misses the value. */
function looksLikeOption(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !/^-\d/.test(token);
}

function suggestOption(key: string, options: readonly OptionSpec[]): string | null {
  const best = closest(key, options.map((o) => o.name));
  return best ? `--${best}` : null;
}

/** The candidate within two edits of `word` (a typo such as «--jsno», «anlyze»), or null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
