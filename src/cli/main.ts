import fs from 'node:fs';
import path from 'node:path';
import { CLI_HELP, CLI_OUTPUT_LABELS, CLI_TEXT, CLI_WRITE_TEXT, Settings, Table, buildReport, parseCutoff, parseSchoolYear } from '../engine';
import { readWorkbookPath, reportWorkbookBytes } from './io';
import { determination, summaryText } from './summary';
import { isbshChartPicture, svgPathFor } from './isbshSvg';
import { contextChartPicture, contextSvgPathFor } from './contextSvg';
import { documentSource, spravkaDocxBytes } from './docx';
import { monitoringWorkbook } from './monitoring';
import { IMPORT_USAGE, importCommand } from './importCommand';
import { recordWorkbook } from './record';
import { FORM_SPEC_USAGE, formSpecCommand } from './formSpec';
import { isoDate, roadmapWorkbook } from './roadmap';
import { CommandSpec, closest, parseCommandArgs } from './args';
import { CliError, EXIT, UsageError } from './errors';
import { FileContent, OutputSet, WrittenFiles } from './output';

export { EXIT, UsageError } from './errors';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

/** What every command receives besides its own arguments. */
export interface CommandContext {
  io: CliIO;
  /** The run's local time, for the generated sheets' first row. */
  generatedAt: string;
}

interface Command {
  name: string;
  /** The text `<команда> --help` prints. */
  help: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}

function timestamp(d: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' }).format(d).replace(',', '');
}

// ---------------------------------------------------------------------------------------------
// analyze

const ANALYZE: CommandSpec = {
  name: 'analyze',
  options: [
    { name: 'output', short: 'o', value: 'файл книги-результата (.xlsx)' },
    { name: 'json', value: 'файл для JSON-результата' },
    { name: 'year', value: 'учебный год (например 2022/2023)' },
    { name: 'cutoff', value: 'quartile или quintile' },
    { name: 'docx', value: 'файл справки (.docx)' },
    { name: 'in-place' },
  ],
  positionals: { min: 1, max: 1 },
};

function overridesFrom(values: { year?: string; cutoff?: string }): Partial<Settings> {
  const o: Partial<Settings> = {};
  if (values.year !== undefined) {
    const y = parseSchoolYear(values.year);
    if (!y) throw new UsageError(CLI_TEXT.badYear(values.year));
    o.year = y.year;
  }
  if (values.cutoff !== undefined) {
    const c = parseCutoff(values.cutoff);
    if (!c) throw new UsageError(CLI_TEXT.badCutoff(values.cutoff));
    o.cutoff = c;
  }
  return o;
}

function stringValue(v: string | true | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function analyzeCommand(args: string[], { io, generatedAt }: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ANALYZE, args);
  const source = parsed.positionals[0];
  const json = stringValue(parsed.values.json);
  const overrides = overridesFrom({ year: stringValue(parsed.values.year), cutoff: stringValue(parsed.values.cutoff) });
  const { output, outputs } = planWorkbookOutput(source, stringValue(parsed.values.output), parsed.values['in-place'] === true, '-результат.xlsx');
  const svg = svgPathFor(output);
  outputs.declare(svg, CLI_OUTPUT_LABELS.chart);
  const contextSvg = contextSvgPathFor(output);
  outputs.declare(contextSvg, CLI_OUTPUT_LABELS.contextChart);
  if (json !== undefined) outputs.declare(json, CLI_OUTPUT_LABELS.json);
  const docx = stringValue(parsed.values.docx);
  if (docx !== undefined && !/\.docx$/i.test(docx)) throw new UsageError(CLI_TEXT.docxNotDocx(docx));
  if (docx !== undefined) outputs.declare(docx, CLI_OUTPUT_LABELS.docx);

  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  // A sheet without the marker in A1 is the user's: a generated sheet of its name goes elsewhere (issue 9, item 1).
  const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables, overrides, existingSheets: input.existingSheets, today: isoDate(io.now()) }, generatedAt);
  // One rendering of each chart: the picture in its sheet, the SVG beside the book (ИСБШ also in the справка).
  const chart = await isbshChartPicture(report.analysis);
  const contextChart = await contextChartPicture(report.analysis);
  const files: FileContent[] = [
    {
      path: output,
      data: await reportWorkbookBytes(input, report, { isbsh: chart?.bytes, context: contextChart?.bytes }),
    },
  ];
  if (chart !== null) files.push({ path: svg, data: chart.svg });
  if (contextChart !== null) files.push({ path: contextSvg, data: contextChart.svg });
  if (json !== undefined) files.push({ path: json, data: `${JSON.stringify(report.json, null, 2)}\n` });
  if (docx !== undefined) {
    files.push({ path: docx, data: await spravkaDocxBytes(report, { generatedAt, source: documentSource(source, input.kind), chartPng: chart?.bytes ?? null }) });
  }
  const written = await outputs.commit(files);

  io.out([...input.notices, summaryText(report, `shnor-monitor monitoring ${shellQuote(source)}`), ...writtenLines(written)].join('\n'));
  const d = determination(report.analysis);
  return d.shnor || d.shnsu ? EXIT.ok : EXIT.undetermined;
}

// ---------------------------------------------------------------------------------------------
// monitoring

type WorkbookResult = { ok: true; bytes: Buffer; message: string } | { ok: false; message: string };
type ParsedValues = ReturnType<typeof parseCommandArgs>['values'];

/**
 * A command that makes a workbook from the one given (beside it, `-o FILE`, or `--in-place`): `make`
 * either refuses with its reason (exit 3, nothing written) or returns the bytes and what it did.
 */
async function workbookCommand(spec: CommandSpec, suffix: string, args: string[], io: CliIO, make: (source: string, values: ParsedValues) => Promise<WorkbookResult>): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  const source = parsed.positionals[0];
  const { output, outputs } = planWorkbookOutput(source, stringValue(parsed.values.output), parsed.values['in-place'] === true, suffix);
  const result = await make(source, parsed.values);
  if (!result.ok) {
    io.err(result.message);
    return EXIT.undetermined;
  }
  const written = await outputs.commit([{ path: output, data: result.bytes }]);
  io.out([result.message, ...writtenLines(written)].join('\n'));
  return EXIT.ok;
}

const OUTPUT_OPTIONS: CommandSpec['options'] = [{ name: 'output', short: 'o', value: 'файл книги-результата (.xlsx)' }, { name: 'in-place' }];

const MONITORING: CommandSpec = { name: 'monitoring', options: OUTPUT_OPTIONS, positionals: { min: 1, max: 1 } };

function monitoringCommand(args: string[], { io, generatedAt }: CommandContext): Promise<number> {
  return workbookCommand(MONITORING, '-мониторинг.xlsx', args, io, async (source) => ({ ok: true, ...(await monitoringWorkbook(source, generatedAt)) }));
}

const RECORD: CommandSpec = { name: 'record', options: [{ name: 'order', value: 'номер и дату приказа' }, ...OUTPUT_OPTIONS], positionals: { min: 1, max: 1 } };

function recordCommand(args: string[], { io }: CommandContext): Promise<number> {
  return workbookCommand(RECORD, '-перечень.xlsx', args, io, (source, values) => recordWorkbook(source, stringValue(values.order) ?? ''));
}

const ROADMAP: CommandSpec = { name: 'roadmap', options: OUTPUT_OPTIONS, positionals: { min: 1, max: 1 } };

function roadmapCommand(args: string[], { io, generatedAt }: CommandContext): Promise<number> {
  return workbookCommand(ROADMAP, '-дорожная-карта.xlsx', args, io, (source) => roadmapWorkbook(source, generatedAt, isoDate(io.now())));
}

// ---------------------------------------------------------------------------------------------
// import (engineer `protocols`) and form-spec (engineer `form`) parse their own arguments and write
// their files themselves; until they write through OutputSet, an output naming an input is refused here.

/**
 * Refuses (UsageError, exit 2) an output option (`-o`, `--json`…) whose file is one of the other paths
 * given (the input), before anything is read.
 */
function refuseOutputOverInput(args: string[], options: { long: string; short?: string; label: string }[]): void {
  const tokens = optionTokens(args);
  const outputs: { file: string; label: string; index: number }[] = [];
  tokens.forEach((t, i) => {
    for (const o of options) {
      if ((t === `--${o.long}` || (o.short && t === `-${o.short}`)) && i + 1 < tokens.length) outputs.push({ file: tokens[i + 1], label: o.label, index: i + 1 });
      else if (t.startsWith(`--${o.long}=`)) outputs.push({ file: t.slice(o.long.length + 3), label: o.label, index: -1 });
      else if (o.short && t.length > 2 && t.startsWith(`-${o.short}`) && !t.startsWith('--')) outputs.push({ file: t.slice(2), label: o.label, index: -1 });
    }
  });
  if (outputs.length === 0) return;
  const others = args.filter((t, i) => !outputs.some((o) => o.index === i) && !t.startsWith('-'));
  const set = new OutputSet(others);
  for (const o of outputs) set.declare(o.file, o.label);
}

async function runImport(args: string[], { io, generatedAt }: CommandContext): Promise<number> {
  refuseOutputOverInput(args, [{ long: 'output', short: 'o', label: CLI_OUTPUT_LABELS.workbook }]);
  return importCommand(args, io, generatedAt);
}

async function runFormSpec(args: string[], { io }: CommandContext): Promise<number> {
  refuseOutputOverInput(args, [{ long: 'json', label: CLI_OUTPUT_LABELS.json }]);
  return formSpecCommand(args, io);
}

// ---------------------------------------------------------------------------------------------
// Shared by the commands that write a workbook

/**
 * The workbook output of a command and the OutputSet that will write it. `-o` must name an .xlsx;
 * without it the result goes beside the input (`<имя><suffix>`). `--in-place` writes over the input
 * .xlsx (the OutputSet keeps a backup first); any other way of naming the input is refused.
 */
function planWorkbookOutput(source: string, given: string | undefined, inPlace: boolean, suffix: string): { output: string; outputs: OutputSet } {
  if (inPlace) {
    if (isDirectory(source) || !/\.xlsx$/i.test(source)) throw new UsageError(CLI_TEXT.inPlaceNeedsXlsx);
    if (given !== undefined && !sameFile(given, source)) throw new UsageError(CLI_TEXT.inPlaceWithOtherOutput(given));
  } else if (given !== undefined && !/\.xlsx$/i.test(given)) {
    throw new UsageError(CLI_TEXT.outputNotXlsx('-o', given));
  }
  const output = given ?? (inPlace ? source : defaultOutput(source, suffix));
  const outputs = new OutputSet([source], { inPlace });
  outputs.declare(output, CLI_OUTPUT_LABELS.workbook, { mayReplaceInput: true });
  return { output, outputs };
}

/** «Записано: …» for each file, the backup, and temporary files that could not be removed. */
export function writtenLines(files: WrittenFiles): string[] {
  const lines = files.written.map(CLI_WRITE_TEXT.written);
  if (files.backup) lines.push(CLI_WRITE_TEXT.backup(files.backup));
  if (files.leftovers.length > 0) lines.push(CLI_WRITE_TEXT.leftover(files.leftovers));
  return lines;
}

function defaultOutput(source: string, suffix: string): string {
  const base = path.resolve(source).replace(/[\\/]+$/, '').replace(/\.xlsx$/i, '');
  return `${base}${suffix}`;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function shellQuote(p: string): string {
  return /^[\w./\\:@%+,-]+$/u.test(p) ? p : `"${p.replace(/"/g, '\\"')}"`;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

const COMMANDS: Command[] = [
  { name: 'analyze', help: CLI_HELP.analyze, run: analyzeCommand },
  { name: 'monitoring', help: CLI_HELP.monitoring, run: monitoringCommand },
  { name: 'import', help: IMPORT_USAGE, run: runImport },
  { name: 'record', help: CLI_HELP.record, run: recordCommand },
  { name: 'roadmap', help: CLI_HELP.roadmap, run: roadmapCommand },
  { name: 'form-spec', help: FORM_SPEC_USAGE, run: runFormSpec },
];

/** Tokens before a `--` (after it everything is a path). */
function optionTokens(args: string[]): string[] {
  const end = args.indexOf('--');
  return end === -1 ? args : args.slice(0, end);
}

/**
 * Runs the CLI; returns the exit code (EXIT). Never throws: every message is Russian, and a stack
 * trace is printed only with `--debug`.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = optionTokens(argv).includes('--debug');
  const args = debug ? withoutFirst(argv, '--debug') : argv;
  const [name, ...rest] = args;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (name === undefined) {
      io.err(`${CLI_TEXT.error(CLI_TEXT.noCommand)}\n\n${CLI_HELP.general}`);
      return EXIT.usage;
    }
    if (name === 'help' || name === '--help' || name === '-h') {
      const about = COMMANDS.find((c) => c.name === rest[0]);
      io.out(about ? about.help : CLI_HELP.general);
      return EXIT.ok;
    }
    if (!command) throw new UsageError(unknownCommand(name));
    const tokens = optionTokens(rest);
    if (tokens.includes('--help') || tokens.includes('-h')) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, { io, generatedAt: timestamp(io.now()) });
  } catch (e) {
    return reportFailure(e, command?.name ?? null, io, debug);
  }
}

function withoutFirst(argv: string[], token: string): string[] {
  const i = argv.indexOf(token);
  return [...argv.slice(0, i), ...argv.slice(i + 1)];
}

function unknownCommand(name: string): string {
  if (/\.(xlsx|xls|csv)$/i.test(name) || fs.existsSync(name)) return CLI_TEXT.commandBeforeBook(name);
  return CLI_TEXT.unknownCommand(name, closest(name, COMMANDS.map((c) => c.name)));
}

function reportFailure(e: unknown, command: string | null, io: CliIO, debug: boolean): number {
  const details = debug && e instanceof Error && e.stack ? `\n${CLI_TEXT.stackFollows}\n${e.stack}` : '';
  const usage = e instanceof UsageError ? e.message : parseArgsMessage(e, command);
  if (usage !== null) {
    io.err(`${usage.split('\n').map(CLI_TEXT.error).join('\n')}\n${command ? CLI_TEXT.seeHelp(command) : CLI_TEXT.seeGeneralHelp}${details}`);
    return EXIT.usage;
  }
  if (e instanceof CliError) {
    io.err(`${CLI_TEXT.error(e.message)}${details}`);
    return e.exitCode;
  }
  // The file adapters throw plain Errors with complete Russian messages; anything else is a bug.
  const bug = !(e instanceof Error) || e.constructor !== Error;
  const message = e instanceof Error ? e.message : String(e);
  io.err(`${CLI_TEXT.error(bug ? CLI_TEXT.internalError(message) : message)}${details}`);
  return EXIT.failed;
}

/** node:util parseArgs (used by commands that parse their own arguments) answers in English. */
function parseArgsMessage(e: unknown, command: string | null): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return null;
  const quoted = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return CLI_TEXT.unknownOption(option, command ?? '', null);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return CLI_TEXT.extraPositional(quoted);
  if (/argument missing/.test((e as Error).message)) return CLI_TEXT.missingValue(option, 'значение');
  return CLI_TEXT.flagTakesNoValue(option);
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t), now: () => new Date() }).then((code) => {
    process.exitCode = code;
  });
}
