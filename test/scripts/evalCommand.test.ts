/** `node out/scripts/eval.js` end to end, on a tiny invented corpus (CLAUSELINT_CORPUS). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HANG_GUARD_MS } from '../hangGuard';

const EVAL = path.resolve(__dirname, '..', '..', 'scripts', 'eval.js');

const CONTRACTS: Record<string, string> = {
  'audited.txt': '1. Records. The Distributor shall keep accurate books and records of all sales. The Company may audit such books and records once a year.',
  'plain.txt': '1. Delivery. The Seller shall deliver the goods to the dock. 2. Price. The price is fixed.',
  'missed.txt': '1. Review. The Company may review how the Distributor performs its duties.',
};

function labelsCsv(): string {
  const header = 'txt_file,Audit Rights-Answer,Unlimited/All-You-Can-Eat-License-Answer,Audit Rights-Context,Unlimited/All-You-Can-Eat-License-Context';
  const rows = [
    'audited.txt,Yes,No,"[\'The Company may audit such books and records once a year.\']",[]',
    'plain.txt,No,No,[],[]',
    'missed.txt,Yes,No,"[""The Company may review how the Distributor performs its duties.""]",[]',
  ];
  return [header, ...rows].join('\r\n') + '\r\n';
}

describe('npm run eval (end to end, invented corpus)', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-eval-test-'));
    const contracts = path.join(root, 'cuad-dev', 'contracts');
    fs.mkdirSync(contracts, { recursive: true });
    for (const [name, text] of Object.entries(CONTRACTS)) fs.writeFileSync(path.join(contracts, name), text);
    fs.writeFileSync(path.join(root, 'cuad-dev', 'labels.csv'), labelsCsv());
    fs.mkdirSync(path.join(root, 'standard-forms'));
    fs.writeFileSync(path.join(root, 'standard-forms', 'form.md'), '# Form\n\n1. Use. The Customer may use the Services for any lawful purpose.\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [EVAL, ...args], { env: { ...process.env, CLAUSELINT_CORPUS: root }, encoding: 'utf8', timeout: HANG_GUARD_MS });

  it('prints document-level counts, location recall, false alarms and standard-form findings, and exits 0', () => {
    const r = run();
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /3 contracts, 3 labelled/);
    assert.match(r.stdout, /audit-rights\s+Audit Rights\s+direct\s+1\s+0\s+1\s+1\s+1\.000\s+0\.500/);
    assert.match(r.stdout, /location recall\): 1 \/ 2 = 0\.500/);
    assert.match(r.stdout, /recommended\/broad-use-grant\s+0\s+0/);
    assert.match(r.stdout, /form\.md: \d+ finding/);
  });

  it('--verbose names each false negative with its labelled excerpt', () => {
    const r = run('--verbose');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /false negatives \(1\)\n  missed\.txt\n    gold: The Company may review how/);
  });

  it('rejects an unknown option with exit code 2', () => {
    assert.strictEqual(run('--nope').status, 2);
  });

  it('refuses a pack with errors (exit 2) rather than print figures of other rules', () => {
    const pack = path.join(root, 'broken.yaml');
    fs.writeFileSync(pack, 'pack:\n  id: broken\n  version: 1.0.0\nterms:\n  t:\n    description: a: b\n');
    const r = run('--config', pack);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /broken\.yaml:\d+:\d+/);
    assert.strictEqual(r.stdout, '');
  });
});
