/** Exit codes, and the error that carries a message for the user and the code to exit with. */

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem with how the CLI was called or configured: printed as `clauselint: <message>`, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Print the "Run clauselint --help" hint after the message. */
    readonly showUsageHint = false,
  ) {
    super(message);
  }
}
