/**
 * Built-in pack snapshots (out/builtin-packs/<name>.json): loading a pack from
 * its snapshot gives exactly what parsing its YAML gives, and a snapshot is
 * never used once the YAML it was made from has changed, nor when it is
 * missing, unreadable or of another format.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinPackNames, builtinPackPath } from '../../server/src/packs/builtin';
import { freshSnapshot, makeSnapshot, PackSnapshot, setSnapshotDir, SNAPSHOT_FORMAT, snapshotDir, writeSnapshots } from '../../server/src/packs/builtinSnapshot';
import { loadConfig } from '../../server/src/packs/config';
import { PackContent, readPackFile } from '../../server/src/packs/packFile';
import { locate, PathSegment } from '../../server/src/packs/yamlSource';
import { runCli, scratch } from '../cli/helpers';
import { tempDir } from '../helpers';

const RECOMMENDED = builtinPackPath('recommended')!;

function loadPack(file: string): PackContent {
  const { pack, errors } = readPackFile(file);
  assert.deepStrictEqual(errors, []);
  return pack!;
}

/** A pack without its YAML source object (compared through its data and located positions instead). */
function contentOf(pack: PackContent): Omit<PackContent, 'source'> & { data: unknown } {
  const { source, ...rest } = pack;
  return { ...rest, data: source.data };
}

function writeSnapshotFile(dir: string, name: string, snapshot: PackSnapshot): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(snapshot));
}

/** The snapshot of recommended, with one kind's title changed: a way to see whether a load read it. */
function markedSnapshot(title: string, text = fs.readFileSync(RECOMMENDED, 'utf8')): PackSnapshot {
  const { snapshot } = makeSnapshot(RECOMMENDED, text);
  const kinds = snapshot!.data.kinds as Record<string, { title: string }>;
  kinds['audit-rights'].title = title;
  return snapshot!;
}

describe('built-in pack snapshots', () => {
  let snapshots: string;
  before(() => {
    snapshots = tempDir('clauselint-snapshots-');
    const { written, errors } = writeSnapshots(snapshots);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(written, builtinPackNames());
  });
  afterEach(() => setSnapshotDir(undefined));

  const fromYaml = <T>(load: () => T): T => {
    setSnapshotDir(null);
    try {
      return load();
    } finally {
      setSnapshotDir(undefined);
    }
  };
  const fromSnapshots = <T>(load: () => T): T => {
    setSnapshotDir(snapshots);
    try {
      return load();
    } finally {
      setSnapshotDir(undefined);
    }
  };

  for (const name of builtinPackNames()) {
    it(`gives clauselint:${name} exactly as its YAML does: pack content, merged and compiled rule set, errors`, () => {
      const file = builtinPackPath(name)!;
      assert.deepStrictEqual(contentOf(fromSnapshots(() => loadPack(file))), contentOf(fromYaml(() => loadPack(file))));
      const snap = fromSnapshots(() => loadConfig(file, []));
      const yaml = fromYaml(() => loadConfig(file, []));
      assert.deepStrictEqual(snap.errors, yaml.errors);
      assert.deepStrictEqual(snap.merged.compiled, yaml.merged.compiled);
      assert.deepStrictEqual(snap.merged.overrides, yaml.merged.overrides);
      assert.deepStrictEqual(snap.files, yaml.files);
    });
  }

  it('leaves the errors of a user pack that extends a built-in one where they were, snapshot or not', () => {
    const dir = scratch({
      'team.yaml': [
        'pack: { id: team, version: 1.0.0, extends: clauselint:recommended }',
        'terms:',
        '  team-grant: { patterns: ["(a+)+b"] }',
        'rules:',
        '  broad-use-grant: error',
        '  no-such-rule: off',
        '  team-flag:',
        '    kind: flag',
        '    terms: team-grant',
        '    clauseKind: no-such-kind',
        '    message: Team flag.',
        '',
      ].join('\n'),
    });
    const where = (errors: { file: string; line: number; column: number; message: string }[]) => errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column} ${e.message}`);
    const snap = where(fromSnapshots(() => loadConfig(path.join(dir, 'team.yaml'), [])).errors);
    assert.deepStrictEqual(snap, where(fromYaml(() => loadConfig(path.join(dir, 'team.yaml'), [])).errors));
    assert.deepStrictEqual(
      snap.map((e) => e.replace(/ .*/, '')),
      ['team.yaml:6:3', 'team.yaml:10:17', 'team.yaml:3:31'],
      snap.join('\n'),
    );
  });

  it('locates errors inside a pack loaded from its snapshot at the same line and column as the YAML', () => {
    const snap = fromSnapshots(() => loadPack(RECOMMENDED));
    const yaml = fromYaml(() => loadPack(RECOMMENDED));
    const places: [PathSegment[], { key?: string; column?: number }][] = [
      [['rules', 'broad-use-grant', 'message'], {}],
      [['kinds', 'audit-rights', 'detect', 0], {}],
      [['terms'], { key: 'ai-services' }],
      [['pack', 'version'], {}],
    ];
    for (const [where, options] of places) assert.deepStrictEqual(locate(snap.source, where, options), locate(yaml.source, where, options), where.join('.'));
    assert.ok(locate(snap.source, ['rules', 'broad-use-grant', 'message']).line > 1);
  });

  it('uses a snapshot made from the YAML text as it is now', () => {
    const dir = tempDir('clauselint-snapshots-');
    writeSnapshotFile(dir, 'recommended', markedSnapshot('read from the snapshot'));
    setSnapshotDir(dir);
    assert.strictEqual(loadPack(RECOMMENDED).kinds.get('audit-rights')?.title, 'read from the snapshot');
  });

  it('ignores a snapshot made from other YAML text (a pack edited after the build)', () => {
    const before = fs.readFileSync(RECOMMENDED, 'utf8').replace('title: Audit rights (books and records)', 'title: Audit rights, before the edit');
    const stale = markedSnapshot('read from a stale snapshot', before);
    const dir = tempDir('clauselint-snapshots-');
    writeSnapshotFile(dir, 'recommended', stale);
    setSnapshotDir(dir);
    assert.strictEqual(loadPack(RECOMMENDED).kinds.get('audit-rights')?.title, 'Audit rights (books and records)');
  });

  it('falls back to the YAML when the snapshot is missing, unreadable, of another format or malformed', () => {
    const expected = contentOf(fromYaml(() => loadPack(RECOMMENDED)));
    const fresh = makeSnapshot(RECOMMENDED, fs.readFileSync(RECOMMENDED, 'utf8')).snapshot!;
    const cases: [string, string | undefined][] = [
      ['missing', undefined],
      ['not JSON', '{"format": 2, "yaml": '],
      ['another format', JSON.stringify({ ...markedSnapshot('wrong format'), format: SNAPSHOT_FORMAT + 1 })],
      ['no data', JSON.stringify({ ...fresh, data: null })],
      ['null', 'null'],
    ];
    for (const [what, content] of cases) {
      const dir = tempDir('clauselint-snapshots-');
      if (content !== undefined) fs.writeFileSync(path.join(dir, 'recommended.json'), content);
      setSnapshotDir(dir);
      assert.strictEqual(freshSnapshot(RECOMMENDED, fs.readFileSync(RECOMMENDED, 'utf8')), undefined, what);
      assert.deepStrictEqual(contentOf(loadPack(RECOMMENDED)), expected, what);
    }
  });

  it('gives no snapshot to a pack with errors, saying where they are', () => {
    const broken = fs.readFileSync(RECOMMENDED, 'utf8').replace('  audit-rights:\n    title:', '  audit-rights:\n    titel:');
    const { snapshot, errors } = makeSnapshot(RECOMMENDED, broken);
    assert.strictEqual(snapshot, undefined);
    const titelLine = broken.split('\n').findIndex((l) => l.includes('titel:')) + 1;
    assert.ok(errors.some((e) => e.line === titelLine && /titel/.test(e.message)), JSON.stringify(errors));
  });

  it('is written by the build for every built-in pack, up to date with its YAML', () => {
    assert.strictEqual(snapshotDir(), path.join(path.dirname(path.dirname(RECOMMENDED)), 'out', 'builtin-packs'));
    for (const name of builtinPackNames()) {
      const file = builtinPackPath(name)!;
      const text = fs.readFileSync(file, 'utf8');
      assert.deepStrictEqual(freshSnapshot(file, text), makeSnapshot(file, text).snapshot, `${name}: run npm run build`);
    }
  });
});

describe('clauselint CLI with built-in pack snapshots', () => {
  const TITLE = 'Audit rights (books and records)';

  /** A rules folder copied from the real one, with out/builtin-packs beside it. */
  function rulesCopy(snapshot: PackSnapshot): string {
    const root = scratch();
    fs.cpSync(path.dirname(RECOMMENDED), path.join(root, 'rules'), { recursive: true });
    writeSnapshotFile(path.join(root, 'out', 'builtin-packs'), 'recommended', snapshot);
    return path.join(root, 'rules');
  }

  function auditRightsTitle(rulesDir: string): string | undefined {
    const contract = scratch({ 'draft.md': 'The Supplier grants a licence.\n' });
    const run = runCli([path.join(contract, 'draft.md'), '--format', 'json'], { env: { CLAUSELINT_RULES_DIR: rulesDir } });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { coverage: { kind: string; title: string }[] }[] };
    return report.files[0].coverage.find((c) => c.kind === 'audit-rights')?.title;
  }

  it('reads a built-in pack from its snapshot while the YAML is unchanged', () => {
    assert.strictEqual(auditRightsTitle(rulesCopy(markedSnapshot('read from the snapshot'))), 'read from the snapshot');
  });

  it('reads the edited YAML, not the snapshot, after someone edits rules/*.yaml', () => {
    const rules = rulesCopy(markedSnapshot('read from the snapshot'));
    const file = path.join(rules, 'recommended.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`title: ${TITLE}`, 'title: Audit rights, as edited'));
    assert.strictEqual(auditRightsTitle(rules), 'Audit rights, as edited');
  });
});
