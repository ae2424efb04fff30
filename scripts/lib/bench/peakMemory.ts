/**
 * Peak memory (max RSS) of a child node process: from `/usr/bin/time -v` when
 * it exists, else from the child itself (a preloaded module prints
 * process.resourceUsage().maxRSS when the process exits).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../corpus';
import { RSS_MARKER } from './reportRss';

const GNU_TIME = '/usr/bin/time';
const REPORT_RSS = path.join(__dirname, 'reportRss.js');

export interface PeakMemory {
  maxRssBytes: number;
  method: '/usr/bin/time -v' | 'process.resourceUsage';
}

/** "Maximum resident set size (kbytes): 123" in GNU time's verbose report, in bytes. */
export function parseGnuTimeMaxRss(stderr: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The child's own report, printed by reportRss.js, in bytes. */
export function parseRssMarker(stderr: string): number | undefined {
  const m = new RegExp(`${RSS_MARKER}(\\d+)`).exec(stderr);
  return m ? Number(m[1]) * 1024 : undefined;
}

export function peakMemoryOf(nodeArgs: string[]): Promise<PeakMemory> {
  const useTime = fs.existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const args = useTime ? ['-v', process.execPath, ...nodeArgs] : ['--require', REPORT_RSS, ...nodeArgs];
  return new Promise((resolve, reject) => {
    const env = useTime ? process.env : { ...process.env, CLAUSELINT_BENCH_REPORT_RSS: '1' };
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = useTime ? parseGnuTimeMaxRss(stderr) : parseRssMarker(stderr);
      if (rss === undefined || (code !== 0 && code !== 1)) {
        reject(new Error(`peak memory run failed (exit ${code}): ${stderr.trim().slice(-500)}`));
        return;
      }
      resolve({ maxRssBytes: rss, method: useTime ? '/usr/bin/time -v' : 'process.resourceUsage' });
    });
  });
}
