/**
 * The code lens at the top of a linted document: a coverage summary. In VS Code
 * it opens the extension's coverage view; in other editors it runs the
 * server's showCoverage command, which lists every clause kind in a message.
 */
import { CodeLens } from 'vscode-languageserver';
import { coverageResult } from './coverage';
import { LintSnapshot } from './documentLinter';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../../../shared/protocol';

export function coverageLens(snapshot: LintSnapshot, coverageView: boolean): CodeLens[] {
  if (!snapshot.lint && !snapshot.tooLarge) return [];
  const { summary } = coverageResult(snapshot);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const command = coverageView ? CLIENT_COMMANDS.showCoverage : SERVER_COMMANDS.showCoverage;
  return [{ range, command: { title: `ClauseLint: ${summary}`, command, arguments: [snapshot.uri] } }];
}
