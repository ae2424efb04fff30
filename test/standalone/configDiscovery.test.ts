/**
 * Which .clauselint.yaml a document uses when the client is not VS Code: with
 * a root (rootUri only, no workspaceFolders) and with none at all
 * (single-file mode). Either way the nearest config above the file applies;
 * without a workspace folder, what it extends must stay in its own folder.
 */
import * as assert from 'assert';
import { Diagnostic, DRAFT, open, published, startSession, tempFolder } from './session';

const CONFIG = `extends: clauselint:recommended
rules:
  recommended/broad-use-grant: error
  discretionary-audit: off
`;

function severityOf(diagnostics: Diagnostic[], code: string): number | undefined {
  return diagnostics.find((d) => d.code === code)?.severity;
}

describe('standalone server: .clauselint.yaml discovery', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('a client that sends only rootUri: the workspace config applies to a draft below it', async () => {
    const folder = tempFolder({ '.clauselint.yaml': CONFIG, 'drafts/q3/draft.md': DRAFT });
    const { client } = await startSession({ rootUri: folder.uri('') });
    try {
      open(client, folder.uri('drafts/q3/draft.md'), DRAFT);
      const p = await published(client, folder.uri('drafts/q3/draft.md'));
      assert.strictEqual(severityOf(p.diagnostics, 'recommended/broad-use-grant'), 1, 'the config made it an error');
      assert.strictEqual(severityOf(p.diagnostics, 'recommended/discretionary-audit'), undefined, 'the config turned it off');
    } finally {
      await client.stop();
      folder.cleanup();
    }
  });

  it('no workspace at all: the nearest config above the file applies, and may not extend files above its folder', async () => {
    const folder = tempFolder({
      'secret.yaml': 'pack: { id: secret, version: 1.0.0 }\n',
      'matters/.clauselint.yaml': `${CONFIG}`.replace('extends: clauselint:recommended', 'extends: [clauselint:recommended, ../secret.yaml]'),
      'matters/acme/.clauselint.yaml': CONFIG.replace('broad-use-grant: error', 'broad-use-grant: info'),
      'matters/acme/draft.md': DRAFT,
      'matters/globex/draft.md': DRAFT,
    });
    const { client } = await startSession({ rootUri: null, workspaceFolders: null });
    try {
      open(client, folder.uri('matters/acme/draft.md'), DRAFT);
      const acme = await published(client, folder.uri('matters/acme/draft.md'));
      assert.strictEqual(severityOf(acme.diagnostics, 'recommended/broad-use-grant'), 3, 'the nearest config wins (info)');
      open(client, folder.uri('matters/globex/draft.md'), DRAFT);
      const globex = await published(client, folder.uri('matters/globex/draft.md'));
      assert.strictEqual(severityOf(globex.diagnostics, 'recommended/broad-use-grant'), 1, 'the config one level up');
      const refused = await published(client, folder.uri('matters/.clauselint.yaml'), (p) => p.diagnostics.length > 0);
      assert.match(refused.diagnostics[0].message, /^cannot extend "\.\.\/secret\.yaml"/);
      assert.strictEqual(refused.diagnostics[0].range.start.line, 0, 'at the extends entry');
    } finally {
      await client.stop();
      folder.cleanup();
    }
  });
});
