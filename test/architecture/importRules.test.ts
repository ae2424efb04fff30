/**
 * The floor plan (ARCHITECTURE.md) holds in the code: no adapter imports the
 * other, no floor imports one above it, no `vscode` in the server, and the
 * client shares only shared/ with the server.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportEdge, readImportGraph } from './importGraph';
import { checkImports, describeViolation } from './floorRules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCE_FOLDERS = ['server/src', 'shared', 'client/src'];

const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to });
const rulesBroken = (edges: ImportEdge[]) => checkImports(edges).map((v) => v.rule.name);

describe('import rules (the floor plan of ARCHITECTURE.md)', () => {
  it('hold for the source tree', () => {
    const edges = readImportGraph(ROOT, SOURCE_FOLDERS);
    assert.deepStrictEqual(checkImports(edges).map(describeViolation), []);
  });

  it('read the real imports (the tree above is not checked empty)', () => {
    const edges = readImportGraph(ROOT, SOURCE_FOLDERS);
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    assert.ok(has('server/src/lsp/workspaceLint.ts', 'server/src/io/report.ts'));
    assert.ok(has('client/src/extension.ts', 'shared/protocol.ts'));
    assert.ok(has('client/src/extension.ts', 'vscode'));
    assert.ok(edges.length > 300, `only ${edges.length} imports read`);
  });

  it('report each import that breaks a floor', () => {
    const cases: [string, string, string][] = [
      ['server/src/lsp/workspaceLint.ts', 'server/src/cli/report.ts', 'lsp-imports-cli'],
      ['server/src/server.ts', 'server/src/cli/help.ts', 'lsp-imports-cli'],
      ['server/src/cli/main.ts', 'server/src/server.ts', 'cli-imports-lsp'],
      ['server/src/cli/lintCommand.ts', 'server/src/lsp/diagnostics.ts', 'cli-imports-lsp'],
      ['server/src/document/blocks.ts', 'server/src/engine/types.ts', 'document-imports-up'],
      ['server/src/engine/lint.ts', 'server/src/io/report.ts', 'engine-imports-up'],
      ['server/src/engine/rules/flag.ts', 'server/src/packs/config.ts', 'engine-imports-up'],
      ['server/src/engine/fixes/apply.ts', 'server/src/lintText.ts', 'engine-imports-up'],
      ['server/src/engine/match/scanner.ts', 'server/src/engine/rules/flag.ts', 'match-imports-up'],
      ['server/src/io/report.ts', 'server/src/cli/args.ts', 'io-imports-up'],
      ['server/src/io/report.ts', 'server/src/packs/config.ts', 'io-imports-up'],
      ['server/src/packs/config.ts', 'server/src/lsp/settings.ts', 'packs-imports-up'],
      ['server/src/engine/lint.ts', 'vscode', 'vscode-in-server'],
      ['shared/protocol.ts', 'vscode', 'vscode-in-server'],
      ['client/src/extension.ts', 'server/src/lsp/settings.ts', 'client-imports-server'],
      ['shared/protocol.ts', 'server/src/document/lineIndex.ts', 'shared-imports-sides'],
    ];
    for (const [from, to, rule] of cases) assert.deepStrictEqual(rulesBroken([edge(from, to)]), [rule], `${from} -> ${to}`);
  });

  it('let each floor import the floors below it', () => {
    const allowed: [string, string][] = [
      ['server/src/lsp/workspaceLint.ts', 'server/src/io/report.ts'],
      ['server/src/cli/runConfig.ts', 'server/src/packs/readPolicy.ts'],
      ['server/src/server.ts', 'shared/protocol.ts'],
      ['server/src/packs/packSpecs.ts', 'server/src/io/shownPath.ts'],
      ['server/src/io/report.ts', 'server/src/engine/lint.ts'],
      ['server/src/engine/lint.ts', 'server/src/document/contractDocument.ts'],
      ['client/src/extension.ts', 'shared/protocol.ts'],
      ['client/src/extension.ts', 'vscode'],
    ];
    for (const [from, to] of allowed) assert.deepStrictEqual(rulesBroken([edge(from, to)]), [], `${from} -> ${to}`);
  });

  it('find an lsp -> cli import in a tree on disk, in every form an import is written', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-floors-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      for (const name of ['a', 'b', 'c', 'd']) write(`server/src/cli/${name}.ts`, `export const ${name} = 1;\n`);
      write('server/src/cli/formats/index.ts', 'export const formats = [];\n');
      write('server/src/io/shown.ts', 'export const shown = 1;\n');
      write(
        'server/src/lsp/uses.ts',
        [
          "import { a } from '../cli/a';",
          "import type { b } from '../cli/b';",
          "export { c } from '../cli/c';",
          'const label = `${a}/${"}"}`;',
          "const d = require('../cli/d');",
          "import { formats } from '../cli/formats';",
          "import { shown } from '../io/shown';",
          "import { Connection } from 'vscode-languageserver/node';",
          'export const all = [a, d, formats, shown, label, import("fs")];',
        ].join('\n'),
      );
      const edges = readImportGraph(root, ['server/src']);
      const from = edges.filter((e) => e.from === 'server/src/lsp/uses.ts').map((e) => e.to);
      assert.deepStrictEqual(from.sort(), [
        'fs',
        'server/src/cli/a.ts',
        'server/src/cli/b.ts',
        'server/src/cli/c.ts',
        'server/src/cli/d.ts',
        'server/src/cli/formats/index.ts',
        'server/src/io/shown.ts',
        'vscode-languageserver',
      ]);
      const broken = checkImports(edges).map((v) => `${v.edge.to} ${v.rule.name}`);
      assert.deepStrictEqual(broken.sort(), [
        'server/src/cli/a.ts lsp-imports-cli',
        'server/src/cli/b.ts lsp-imports-cli',
        'server/src/cli/c.ts lsp-imports-cli',
        'server/src/cli/d.ts lsp-imports-cli',
        'server/src/cli/formats/index.ts lsp-imports-cli',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
