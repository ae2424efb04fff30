/**
 * `clauselint init [folder]`: write a .clauselint.yaml and a starter team
 * pack. Nothing is overwritten without --force: if any file is already there,
 * nothing at all is written and the run exits 2.
 */
import * as fs from 'fs';
import * as path from 'path';
import { builtinPackNames } from '../../packs/builtin';
import { CONFIG_NAMES } from '../../packs/config';
import { InitCommand } from '../args';
import { CliError, EXIT_CLEAN } from '../cliError';
import { Io } from '../io';
import { shownPath } from '../../io/shownPath';
import { configTemplate, TEAM_PACK, TEAM_PACK_PATH } from './templates';

export function runInit(cmd: InitCommand, io: Io): number {
  const dir = path.resolve(io.cwd, cmd.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError(`cannot initialise ${cmd.dir}: no such folder`);
  const files: [string, string][] = [
    [path.join(dir, CONFIG_NAMES[0]), configTemplate(builtinPackNames())],
    [path.join(dir, ...TEAM_PACK_PATH.split('/')), TEAM_PACK],
  ];
  // Another config name beside ours would be shadowed by the one we write.
  const existing = [...files.map(([file]) => file), ...CONFIG_NAMES.slice(1).map((n) => path.join(dir, n))].filter((f) => fs.existsSync(f));
  const shown = (file: string) => shownPath(file, io.cwd);
  if (existing.length > 0 && !cmd.force) {
    throw new CliError(`${existing.map(shown).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (run clauselint init --force to overwrite)`);
  }
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    io.stdout(`${existing.includes(file) ? 'overwrote' : 'created'} ${shown(file)}\n`);
  }
  for (const other of existing.filter((f) => !files.some(([file]) => file === f))) {
    io.stderr(`clauselint: warning: ${shown(other)} is now ignored: ${CONFIG_NAMES[0]} takes precedence; merge it in and delete it\n`);
  }
  const next = [
    [`npx clauselint test-rules ${shown(files[1][0])}`, "run the starter rule's examples"],
    ['npx clauselint <contracts folder>', 'lint your contracts'],
  ];
  const width = Math.max(...next.map(([c]) => c.length));
  io.stdout(`\nNext:\n${next.map(([c, why]) => `  ${c.padEnd(width)}  # ${why}`).join('\n')}\n`);
  return EXIT_CLEAN;
}
