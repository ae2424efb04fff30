/**
 * The README's editor setups, shown working: for each profile
 * (editorProfiles.ts) the README holds the setup's lines verbatim, and the
 * server started with exactly the setup's command (`clauselint-lsp --stdio`,
 * found on PATH as `npm install --global` puts it there: a link to the
 * package's bin) and talked to as that editor does lints a Markdown draft with
 * the setup's settings, by push or by pull as that editor gets them, and its
 * quick fix applies.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PlainClient } from '../lspClient';
import { EDITOR_PROFILES, EditorProfile } from './editorProfiles';
import { Diagnostic, DRAFT, open, packageBin, published, startSession, tempFolder } from './session';
import { applyWorkspaceEdit, PlainWorkspaceEdit } from './workspaceEdits';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Using the server with other editors'));

/** A folder holding `name` as a symbolic link to the package's bin, as npm links a global install. */
function binFolder(name: string): { dir: string; cleanup: () => void } {
  const bin = tempFolder();
  fs.symlinkSync(packageBin(name), path.join(bin.root, name));
  return { dir: bin.root, cleanup: bin.cleanup };
}

/** Diagnostics of `uri` as this editor gets them: the next push, or the answer to a pull. */
async function diagnosticsOf(profile: EditorProfile, client: PlainClient, uri: string, version: number, since: number): Promise<Diagnostic[]> {
  if (profile.delivery === 'push') return (await published(client, uri, (p) => p.version === version, since)).diagnostics;
  const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  assert.strictEqual(report.kind, 'full');
  return report.items;
}

describe('README editor setups, run as each editor runs them', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('the README has a section with a setup for each editor', () => {
    assert.ok(SECTION.length > 0 && README.includes('## Using the server with other editors'));
    for (const profile of EDITOR_PROFILES) assert.ok(SECTION.includes(`### ${profile.heading}`), `heading: ${profile.heading}`);
  });

  for (const profile of EDITOR_PROFILES) {
    describe(profile.heading, () => {
      it('is in the README as the profile says, line for line', () => {
        const at = SECTION.indexOf(`### ${profile.heading}`);
        const next = SECTION.indexOf('\n### ', at + 1);
        const setup = SECTION.slice(at, next < 0 ? undefined : next);
        for (const line of profile.readmeLines) assert.ok(setup.split('\n').includes(line), `missing from the README's ${profile.heading} setup:\n${line}`);
        assert.ok(setup.includes(profile.command), profile.command);
      });

      it(`starts with "${[profile.command, ...profile.args].join(' ')}", lints a draft with the setup's settings and applies a quick fix`, async () => {
        const bin = binFolder(profile.command);
        const folder = tempFolder({ 'draft.md': DRAFT });
        const rootUri = profile.root === 'none' ? null : folder.uri('');
        const { client, capabilities } = await startSession({
          command: profile.command,
          args: profile.args,
          env: { ...process.env, PATH: `${bin.dir}${path.delimiter}${process.env.PATH}` },
          capabilities: profile.capabilities,
          initializationOptions: profile.initializationOptions,
          rootUri,
          workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(folder.root) }] : null,
          answerConfiguration: profile.answerConfiguration,
          pushSettings: profile.pushesSettings,
        });
        try {
          assert.strictEqual(capabilities.diagnosticProvider !== undefined, profile.delivery === 'pull', `diagnostics by ${profile.delivery}`);
          const uri = folder.uri('draft.md');
          open(client, uri, DRAFT, profile.markdownLanguageId, 1);
          const diagnostics = await diagnosticsOf(profile, client, uri, 1, 0);
          const grant = diagnostics.find((d) => d.code === 'recommended/broad-use-grant');
          assert.strictEqual(grant?.severity, 1, "the setup's setting arrived: broad-use grants are errors");
          const related = (profile.capabilities.textDocument as { publishDiagnostics?: { relatedInformation?: boolean } }).publishDiagnostics?.relatedInformation === true;
          if (!related) assert.ok(diagnostics.every((d) => d.relatedInformation === undefined), 'no related information for an editor that does not show it');

          const target = diagnostics.find((d) => d.code === 'recommended/missing-weapons-carve-out')!;
          const actions = await client.request<{ title: string; edit?: PlainWorkspaceEdit }[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: target.range,
            context: { diagnostics: [target] },
          });
          const fix = actions.find((a) => a.edit && !a.title.startsWith('Suppress'))!;
          const fixed = applyWorkspaceEdit(DRAFT, uri, 1, fix.edit!);
          const since = client.received.length;
          client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
          const after = await diagnosticsOf(profile, client, uri, 2, since);
          assert.ok(!after.some((d) => d.code === 'recommended/missing-weapons-carve-out'), after.map((d) => d.code).join(', '));
          if (profile.delivery === 'pull') {
            assert.deepStrictEqual(client.notifications<{ uri: string }>('textDocument/publishDiagnostics').filter((n) => n.params.uri === uri), [], 'pulled, so never pushed too');
          }
        } finally {
          await client.stop();
          folder.cleanup();
          bin.cleanup();
        }
      });
    });
  }
});
