/** The code lens at the top of a linted document: a coverage summary that opens the coverage view. */
import { CodeLens } from 'vscode-languageserver';
import { coverageResult } from './coverage';
import { LintSnapshot } from './documentLinter';
import { CLIENT_COMMANDS } from './protocol';

export function coverageLens(snapshot: LintSnapshot): CodeLens[] {
  if (!snapshot.lint && !snapshot.tooLarge) return [];
  const { summary } = coverageResult(snapshot);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, command: { title: `ClauseLint: ${summary}`, command: CLIENT_COMMANDS.showCoverage, arguments: [snapshot.uri] } }];
}
