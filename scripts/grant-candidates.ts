/**
 * `npm run grant-candidates`: the cuad-dev sentences that the sentence-level
 * broad-grant evaluation labels (see scripts/lib/eval/grantSentences.ts).
 *
 *   npm run grant-candidates -- [--text] [--csv]
 *
 * --csv prints file,start,end,hash rows (the key columns of
 * test/corpus/cuad-grants/labels.csv); --text adds each sentence's text, for a
 * labeller to read. Without either, prints counts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ArgError, parseArgs } from './lib/cliArgs';
import { cuadContractsDir, listFiles } from './lib/corpus';
import { csvRow } from './lib/csv';
import { grantCandidates } from './lib/eval/grantSentences';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv, { flags: ['text', 'csv', 'help'], values: [] });
  } catch (err) {
    if (!(err instanceof ArgError)) throw err;
    console.error(`grant-candidates: ${err.message}`);
    return 2;
  }
  if (args.flags.has('help')) {
    console.log('usage: npm run grant-candidates -- [--text] [--csv]');
    return 0;
  }
  let count = 0;
  let files = 0;
  if (args.flags.has('csv')) console.log(csvRow(['file', 'start', 'end', 'hash']));
  for (const file of listFiles(cuadContractsDir(), ['.txt'])) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const candidates = grantCandidates(name, text);
    if (candidates.length > 0) files++;
    count += candidates.length;
    for (const c of candidates) {
      if (args.flags.has('csv')) console.log(csvRow([c.file, String(c.start), String(c.end), c.hash]));
      if (args.flags.has('text')) console.log(`${c.file}\t${c.start}\t${c.end}\t${c.hash}\n    ${text.slice(c.start, c.end).replace(/\s+/g, ' ')}\n`);
    }
  }
  if (!args.flags.has('csv') && !args.flags.has('text')) console.log(`${count} candidate sentences in ${files} contracts`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
