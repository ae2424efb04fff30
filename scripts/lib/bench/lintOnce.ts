/**
 * Child process for the peak-memory figure: lint one file with the engine
 * (default config) and exit. Usage: node lintOnce.js <file>
 */
import * as fs from 'fs';
import { ConfigLoader, lintText } from '../../../server/src/api';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node lintOnce.js <file>\n');
  process.exit(2);
}
const { result } = lintText(fs.readFileSync(file, 'utf8'), file, new ConfigLoader());
process.stdout.write(`${result.findings.length} findings\n`);
