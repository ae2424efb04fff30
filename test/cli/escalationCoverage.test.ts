/** The CLI's JSON coverage shows the escalation path element by element (issue 14). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, scratch } from './helpers';

const POLICY = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'contracts', 'escalation', 'staff-ai-policy.md'), 'utf8').replace(/Each request and each confirmation[^\n]*\n/, '');

interface JsonElement {
  element: string;
  state: string;
  locations: { start: { line: number } }[];
}

describe('clauselint CLI: escalation path in JSON coverage', () => {
  it('lists each element with its state and where, and the path as weak when it is incomplete', () => {
    const dir = scratch({ 'policy.md': POLICY });
    const run = runCli(['--format', 'json', 'policy.md'], { cwd: dir });
    assert.strictEqual(run.status, 1);
    const coverage = JSON.parse(run.stdout).files[0].coverage as { kind: string; present: boolean; state?: string; elements?: JsonElement[] }[];
    const pathKind = coverage.find((c) => c.kind === 'audit-trigger')!;
    assert.strictEqual(pathKind.present, false);
    assert.strictEqual(pathKind.state, 'weak');
    assert.deepStrictEqual(
      pathKind.elements!.map((e) => [e.element, e.state]),
      [
        ['trigger', 'present'],
        ['hold', 'present'],
        ['review', 'present'],
        ['approver', 'present'],
        ['record', 'absent'],
      ],
    );
    const hold = pathKind.elements!.find((e) => e.element === 'hold')!;
    assert.strictEqual(hold.locations[0].start.line, 12, 'the gate, on line 13 (0-based 12)');
    // Kinds without elements keep their shape.
    assert.strictEqual(coverage.find((c) => c.kind === 'broad-grant')?.elements, undefined);
  });
});
