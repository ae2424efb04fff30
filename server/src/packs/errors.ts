/** A problem in a rule pack or config file, located by file, line and column (1-based). */
export interface PackError {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatPackError(e: PackError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`;
}

/** Thrown for errors that stop a whole config from loading (e.g. a missing file named on the command line). */
export class ConfigError extends Error {
  constructor(readonly errors: PackError[]) {
    super(errors.map(formatPackError).join('\n'));
  }
}
