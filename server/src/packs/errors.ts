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
