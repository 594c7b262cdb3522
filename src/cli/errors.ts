/**
 * Exit codes of `shnor-monitor` and the two kinds of failure a command reports. Every command returns
 * one of these codes; README «Командная строка» lists them.
 */
export const EXIT = {
  /** The run was done and something was determined (problems of the data are in the journal). */
  ok: 0,
  /** A file could not be read or written (nothing half-written is left behind). */
  failed: 1,
  /** Wrong parameters, including an output that would replace the input. */
  usage: 2,
  /** The workbook was read and the files were written, but neither ШНОР nor ШНСУ could be determined. */
  undetermined: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong parameters: the message says what to change; the command's help is pointed at. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure with a complete Russian message (a file not read or not written). Exit 1 by default. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
