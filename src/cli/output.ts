import fs from 'node:fs';
import path from 'node:path';
import { CLI_OUTPUT_LABELS, CLI_TEXT, CLI_WRITE_TEXT } from '../engine/strings';
import { CliError, UsageError } from './errors';

/**
 * Every file a command writes goes through an OutputSet (issue 9, item 3):
 *
 * 1. `declare` each output before any work: a path that is the input (same path, `./`, `..`, a
 *    symlink, a hard link — compared by device and inode), a folder, or another output is refused
 *    with a UsageError (exit 2). Only the workbook may replace the input, and only with --in-place.
 * 2. `commit` the contents: each is written to a hidden temporary file beside its destination and
 *    synced; with --in-place a backup copy of the input is made; then the temporaries are renamed
 *    over the destinations. A failure before the renames leaves nothing written; a failure during
 *    them puts back what was already replaced (the old files are kept as hard links until the end),
 *    and if even that is impossible the message says exactly which files were written.
 *
 * A crash at any point leaves either the old file or the new one under each name, never a
 * truncated workbook (at worst a hidden `.имя.….tmp` beside it).
 *
 * A command that writes files (form-spec, record, roadmap, `--docx`) does:
 *
 *     const outputs = new OutputSet([source]);                  // what it reads is protected
 *     outputs.declare(file, CLI_OUTPUT_LABELS.docx);            // before the work: refusals cost nothing
 *     …build the bytes…
 *     const written = await outputs.commit([{ path: file, data: bytes }]);
 *     io.out(writtenLines(written).join('\n'));                // from main.ts
 */

/** The file operations an OutputSet needs; tests substitute one that fails on the k-th call. */
export interface OutputFileSystem {
  /** Creates `dir` and missing parents; returns the topmost folder it created (or undefined). */
  mkdirs(dir: string): Promise<string | undefined>;
  /** Creates a new file (fails when it exists), writes the data and syncs it to disk. */
  writeNew(file: string, data: Buffer | string, mode: number | undefined): Promise<void>;
  /** Copies `from` to a new file `to` (fails when it exists) and syncs it. */
  copyNew(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  rmdir(dir: string): Promise<void>;
  /** Syncs a folder's entries (the renames) to disk where the system allows it. */
  syncDir(dir: string): Promise<void>;
}

export const nodeFileSystem: OutputFileSystem = {
  async mkdirs(dir) {
    try {
      return await fs.promises.mkdir(dir, { recursive: true });
    } catch (error) {
      // A file stands where a folder is needed.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error((error as Error).message), { code: 'ENOTDIR' });
      throw error;
    }
  },
  async writeNew(file, data, mode) {
    const handle = await fs.promises.open(file, 'wx', mode ?? 0o666);
    try {
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async copyNew(from, to) {
    await fs.promises.copyFile(from, to, fs.constants.COPYFILE_EXCL);
    const handle = await fs.promises.open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  link: (existing, newPath) => fs.promises.link(existing, newPath),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
  rmdir: (dir) => fs.promises.rmdir(dir),
  async syncDir(dir) {
    try {
      const handle = await fs.promises.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot open a folder for syncing; the renames are still durable enough there.
    }
  },
};

export interface DeclareOptions {
  /** This output may be the input itself when the command runs with --in-place (the workbook). */
  mayReplaceInput?: boolean;
}

export interface FileContent {
  path: string;
  data: Buffer | string;
}

export interface WrittenFiles {
  /** The paths written, as the user gave them, in the order declared. */
  written: string[];
  /** The backup of the input made for --in-place, or null. */
  backup: string | null;
  /** Temporary files that could not be removed (hidden, harmless; the user may delete them). */
  leftovers: string[];
}

interface Identity {
  dev: number;
  ino: number;
  /** The identity of the workbook given as input (not of a file inside an input folder). */
  workbook?: boolean;
}

interface Target {
  /** The path as the user gave it (for messages). */
  shown: string;
  /** Where the bytes go: the resolved path, or the real file behind a symlink. */
  destination: string;
  label: string;
  replacesInput: boolean;
  /** The existing file's mode, kept for the new file. */
  mode: number | undefined;
}

interface Staged {
  target: Target;
  temp: string;
  /** The destination held a file before (the rename replaces it). */
  existed: boolean;
  /** A hard link to that file, to put it back on failure (null when the drive has no hard links). */
  previous: string | null;
  renamed: boolean;
}

let tempCounter = 0;

/** A hidden name beside `file`, unique to this process: `.книга.xlsx.12345-1-ab12.tmp`. */
function tempPathFor(file: string, kind: 'tmp' | 'old'): string {
  const base = path.basename(file).slice(0, 80);
  const unique = `${process.pid}-${++tempCounter}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(file), `.${base}.${unique}.${kind}`);
}

function statOrNull(file: string, follow = true): fs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
}

function identityOf(stats: fs.Stats): Identity {
  return { dev: stats.dev, ino: stats.ino };
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** `книга.xlsx` → `книга.bak.xlsx`, then `книга.bak-2.xlsx`, `книга.bak-3.xlsx`… */
export function backupPathFor(input: string, n = 1): string {
  const ext = path.extname(input);
  const stem = input.slice(0, input.length - ext.length);
  return `${stem}.bak${n === 1 ? '' : `-${n}`}${ext}`;
}

/** The Russian reason of a failed file operation; never the raw `EACCES: permission denied…`. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && CLI_WRITE_TEXT.reasons[code]) return CLI_WRITE_TEXT.reasons[code];
  if (code) return CLI_WRITE_TEXT.otherReason(code);
  return error instanceof Error ? error.message : String(error);
}

export class OutputSet {
  private readonly inputIdentities: Identity[] = [];
  private readonly inputFile: string | null;
  private readonly targets: Target[] = [];
  private readonly fs: OutputFileSystem;
  private readonly inPlace: boolean;

  /**
   * `inputs`: what the command reads — a workbook, or a folder whose files are all protected.
   * `inPlace`: --in-place was given.
   */
  constructor(inputs: readonly string[], options: { inPlace?: boolean; fileSystem?: OutputFileSystem } = {}) {
    this.fs = options.fileSystem ?? nodeFileSystem;
    this.inPlace = options.inPlace === true;
    let inputFile: string | null = null;
    for (const input of inputs) {
      const stats = statOrNull(input);
      if (!stats) continue;
      if (stats.isDirectory()) {
        for (const entry of safeReaddir(input)) {
          const s = statOrNull(path.join(input, entry));
          if (s?.isFile()) this.inputIdentities.push(identityOf(s));
        }
      } else {
        this.inputIdentities.push({ ...identityOf(stats), workbook: true });
        inputFile ??= fs.realpathSync(input);
      }
    }
    this.inputFile = inputFile;
  }

  /** The backup --in-place would make now (for messages). */
  backupName(): string {
    return this.inputFile ? this.freeBackupName(this.inputFile) : '';
  }

  /**
   * Declares an output before the work is done, so that a refused path costs nothing. Throws
   * UsageError (exit 2) for the input itself (unless allowed), a folder, a path under a file, or a
   * path another output already takes.
   */
  declare(file: string, label: string, options: DeclareOptions = {}): void {
    const resolved = path.resolve(file);
    const stats = statOrNull(resolved);
    if (stats?.isDirectory()) throw new UsageError(CLI_TEXT.outputIsFolder(label, file));
    const blocking = fileAmongParents(resolved);
    if (blocking) throw new UsageError(CLI_TEXT.outputParentIsFile(label, file, blocking));

    let replacesInput = false;
    const input = stats ? this.inputIdentities.find((id) => sameIdentity(id, identityOf(stats))) : undefined;
    if (input) {
      if (options.mayReplaceInput !== true || input.workbook !== true) throw new UsageError(CLI_TEXT.outputIsInputFile(label, file));
      if (!this.inPlace) throw new UsageError(CLI_TEXT.outputIsInput(label, file, path.basename(this.backupName())));
      replacesInput = true;
    }
    // Through a symlink the file it points to is written, so the link stays a link.
    const destination = stats && statOrNull(resolved, false)?.isSymbolicLink() ? fs.realpathSync(resolved) : realParent(resolved);
    for (const other of this.targets) {
      if (other.destination === destination || (stats && sameFile(other.destination, stats))) {
        throw new UsageError(CLI_TEXT.sameOutput(other.label, label, file));
      }
    }
    this.targets.push({ shown: file, destination, label, replacesInput, mode: stats ? stats.mode & 0o7777 : undefined });
  }

  /** Whether some declared output is the input itself (--in-place). */
  get replacesInput(): boolean {
    return this.targets.some((t) => t.replacesInput);
  }

  /**
   * Writes the contents all together (see the top of this file). Each path must have been
   * declared; a declared output without content is simply not written. Throws CliError (exit 1)
   * whose message says what was and was not written.
   */
  async commit(contents: readonly FileContent[]): Promise<WrittenFiles> {
    const staged: Staged[] = contents.map((c) => ({ target: this.targetFor(c.path), temp: '', existed: false, previous: null, renamed: false }));
    const createdDirs: string[] = [];
    let backup: string | null = null;
    const cleanup = new Cleanup(this.fs);
    const release = holdSignals(cleanup);
    try {
      // 1. Everything new is written beside its destination; nothing visible has changed yet.
      for (let i = 0; i < staged.length; i++) {
        const s = staged[i];
        const current = s.target;
        try {
          const made = await this.fs.mkdirs(path.dirname(current.destination));
          if (made) {
            createdDirs.push(made);
            cleanup.dirs.push(made);
          }
          s.temp = tempPathFor(current.destination, 'tmp');
          cleanup.files.push(s.temp);
          await this.fs.writeNew(s.temp, contents[i].data, current.mode);
        } catch (error) {
          await cleanup.run();
          throw new CliError(`${CLI_WRITE_TEXT.failed(current.label, current.shown, fileProblem(error))}\n${CLI_WRITE_TEXT.nothingWritten}${cleanup.leftoverText()}`);
        }
      }
      if (staged.some((s) => s.target.replacesInput) && this.inputFile) {
        try {
          backup = await this.makeBackup(this.inputFile, cleanup);
        } catch (error) {
          await cleanup.run();
          throw new CliError(`${CLI_WRITE_TEXT.failed(CLI_OUTPUT_LABELS.backup, backupPathFor(this.inputFile), fileProblem(error))}\n${CLI_WRITE_TEXT.nothingWritten}${cleanup.leftoverText()}`);
        }
      }
      // 2. The old files are kept (as hard links) until every rename has succeeded.
      for (const s of staged) {
        s.existed = statOrNull(s.target.destination, false) !== null;
        if (!s.existed) continue;
        const keep = tempPathFor(s.target.destination, 'old');
        try {
          await this.fs.link(s.target.destination, keep);
          s.previous = keep;
          cleanup.files.push(keep);
        } catch {
          // No hard links here (some network or FAT drives): this file cannot be put back.
        }
      }
      // 3. The renames: each destination changes from the old file to the new one at once.
      for (const s of staged) {
        try {
          await this.fs.rename(s.temp, s.target.destination);
          s.renamed = true;
          cleanup.forget(s.temp);
        } catch (error) {
          await this.rollBack(staged, cleanup);
          // The backup is redundant once the input is back as it was; otherwise it is the user's copy.
          if (backup && !staged.some((x) => x.renamed && x.target.replacesInput)) cleanup.files.push(backup);
          await cleanup.run();
          const written = staged.filter((x) => x.renamed).map((x) => x.target.shown);
          const notWritten = staged.filter((x) => !x.renamed).map((x) => x.target.shown);
          const state = written.length === 0 ? CLI_WRITE_TEXT.nothingWritten : CLI_WRITE_TEXT.partlyWritten(written, notWritten);
          throw new CliError(`${CLI_WRITE_TEXT.failed(s.target.label, s.target.shown, fileProblem(error))}\n${state}${cleanup.leftoverText()}`);
        }
      }
      cleanup.dirs.length = 0; // the folders now hold results
      for (const dir of new Set(staged.map((s) => path.dirname(s.target.destination)))) await this.fs.syncDir(dir).catch(() => undefined);
      await cleanup.run(); // the kept old files
      return { written: staged.map((s) => s.target.shown), backup, leftovers: cleanup.leftovers };
    } finally {
      release();
    }
  }

  private targetFor(file: string): Target {
    const resolved = path.resolve(file);
    const target = this.targets.find((t) => t.shown === file) ?? this.targets.find((t) => path.resolve(t.shown) === resolved);
    if (!target) throw new Error(`OutputSet: «${file}» was not declared`);
    return target;
  }

  /** Puts back every destination already renamed: the kept old file, or no file. */
  private async rollBack(staged: Staged[], cleanup: Cleanup): Promise<void> {
    for (const s of [...staged].reverse()) {
      if (!s.renamed) continue;
      try {
        if (s.previous) {
          await this.fs.rename(s.previous, s.target.destination);
          cleanup.forget(s.previous);
        } else if (!s.existed) {
          await this.fs.unlink(s.target.destination);
        } else {
          continue; // the old file could not be kept: the new one stays, and the message says so
        }
        s.renamed = false;
      } catch {
        // It stays written; the message lists it.
      }
    }
  }

  /** Copies the input to the first free `…bak….xlsx` beside it; an existing backup is never replaced. */
  private async makeBackup(input: string, cleanup: Cleanup): Promise<string> {
    const temp = tempPathFor(input, 'tmp');
    cleanup.files.push(temp);
    await this.fs.copyNew(input, temp);
    for (let n = 1; ; n++) {
      const candidate = backupPathFor(input, n);
      if (statOrNull(candidate, false)) continue;
      try {
        await this.fs.link(temp, candidate);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        // No hard links on this drive: a rename does it (the name was free a moment ago).
        await this.fs.rename(temp, candidate);
        cleanup.forget(temp);
        return candidate;
      }
      return candidate; // the temporary name goes with the other temporaries at the end
    }
  }

  private freeBackupName(input: string): string {
    for (let n = 1; ; n++) {
      const candidate = backupPathFor(input, n);
      if (!statOrNull(candidate, false)) return candidate;
    }
  }
}

/** Temporary files and folders to remove when a commit stops; what could not be removed is said. */
class Cleanup {
  readonly files: string[] = [];
  readonly dirs: string[] = [];
  private readonly left: string[] = [];

  constructor(private readonly fileSystem: OutputFileSystem) {}

  forget(file: string): void {
    const i = this.files.indexOf(file);
    if (i !== -1) this.files.splice(i, 1);
  }

  async run(): Promise<void> {
    for (const file of this.files.splice(0)) {
      if (!statOrNull(file, false)) continue;
      await this.fileSystem.unlink(file).catch(() => this.left.push(file));
    }
    for (const dir of this.dirs.splice(0).reverse()) await removeEmptyDirs(this.fileSystem, dir);
  }

  /** Synchronous, for a signal: the process is about to end. */
  runNow(): void {
    for (const file of this.files.splice(0)) {
      try {
        fs.unlinkSync(file);
      } catch {
        // nothing more can be done
      }
    }
  }

  get leftovers(): string[] {
    return [...this.left];
  }

  leftoverText(): string {
    return this.left.length > 0 ? `\n${CLI_WRITE_TEXT.leftover(this.left)}` : '';
  }
}

/** Removes a folder the commit created, with the empty folders it made inside it. */
async function removeEmptyDirs(fileSystem: OutputFileSystem, top: string): Promise<void> {
  const inner = (dir: string): string[] =>
    safeReaddir(dir)
      .map((e) => path.join(dir, e))
      .filter((p) => statOrNull(p, false)?.isDirectory())
      .flatMap((p) => [...inner(p), p]);
  for (const dir of [...inner(top), top]) await fileSystem.rmdir(dir).catch(() => undefined);
}

/** While files are being written, Ctrl+C removes the temporary files before the process ends. */
function holdSignals(cleanup: Cleanup): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const handler = (signal: NodeJS.Signals): void => {
    cleanup.runNow();
    release();
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const s of signals) process.removeListener(s, handler);
  };
  for (const s of signals) process.once(s, handler);
  return release;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The first existing parent of `file` that is not a folder, or null. */
function fileAmongParents(file: string): string | null {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const stats = statOrNull(dir);
    if (stats) return stats.isDirectory() ? null : dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** `file` with its existing folders resolved (symlinked folders, `..`), so two spellings compare equal. */
function realParent(file: string): string {
  const missing: string[] = [];
  let dir = path.dirname(file);
  while (!statOrNull(dir) && path.dirname(dir) !== dir) {
    missing.unshift(path.basename(dir));
    dir = path.dirname(dir);
  }
  let real = dir;
  try {
    real = fs.realpathSync(dir);
  } catch {
    // keep the resolved spelling
  }
  return path.join(real, ...missing, path.basename(file));
}

function sameFile(file: string, stats: fs.Stats): boolean {
  const other = statOrNull(file);
  return other !== null && sameIdentity(identityOf(other), identityOf(stats));
}
