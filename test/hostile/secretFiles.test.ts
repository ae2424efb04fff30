/**
 * A file that is not a pack (a mistaken or hostile `extends`, --config or
 * --pack) gets located errors that never quote it: its content must not end
 * up in an editor panel or a CI log.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadConfig } from '../../server/src/packs/config';
import { writeTree } from '../helpers';

const SECRET = 'hunter2-CANARY-0x5f3759df';

/** File shapes a secret comes in, and YAML that makes the parser quote what it choked on. */
export const SECRET_FILES: Record<string, string> = {
  'an SSH private key': `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
  '/etc/passwd': `root:x:0:0:${SECRET}:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n`,
  'a .env file': `API_TOKEN=${SECRET}\nDEBUG=1\n`,
  'a YAML secret': `apiVersion: v1\nkind: Secret\ndata:\n  token: ${SECRET}\n`,
  'a secret as a key': `${SECRET}: true\n`,
  'JSON credentials': JSON.stringify({ type: 'service_account', private_key: SECRET, [SECRET]: 1 }),
  'an AWS credentials file': `[default]\naws_access_key_id = AKIA\naws_secret_access_key = ${SECRET}\n`,
  'a bad escape': `token: "\\q${SECRET}"\n`,
  'a block scalar header': `token: |${SECRET}\n  x\n`,
  'a tag': `token: !${SECRET} x\n`,
  'a verbatim tag': `token: !<${SECRET}> x\n`,
  'a tag handle': `token: !${SECRET}!x y\n`,
  'a directive': `%${SECRET} x\n---\ntoken: 1\n`,
  'a YAML version': `%YAML ${SECRET}\n---\ntoken: 1\n`,
  'an alias': `token: *${SECRET}\n`,
  'a collection key': `? [${SECRET}]\n: 1\n`,
  'an unterminated quote': `token: "${SECRET}\n`,
  'an unterminated flow sequence': `token: [${SECRET}\n`,
  'several documents': `a: ${SECRET}\n---\nb: ${SECRET}\n`,
  'a duplicate key': `${SECRET}: 1\n${SECRET}: 2\n`,
};

describe('hostile packs: a file that is not a pack is never quoted', () => {
  for (const [shape, text] of Object.entries(SECRET_FILES)) {
    it(`${shape}: located errors without its content`, () => {
      const dir = writeTree({ secret: text, '.clauselint.yaml': 'extends: ./secret\n' });
      for (const entry of [path.join(dir, 'secret'), path.join(dir, '.clauselint.yaml')]) {
        const { errors } = loadConfig(entry, []);
        const about = errors.filter((e) => e.file === path.join(dir, 'secret'));
        assert.ok(about.length > 0, `an error about the file (${JSON.stringify(errors)})`);
        for (const e of errors) {
          assert.ok(e.line >= 1 && e.column >= 1);
          assert.ok(!e.message.includes(SECRET) && !e.message.includes('hunter2'), `quotes the secret: ${e.message}`);
        }
      }
    });
  }

  it('locates an alias without an anchor, without naming it', () => {
    const dir = writeTree({ 'pack.yaml': `pack: { id: a }\nrules:\n  r: *${SECRET}\n` });
    const { errors } = loadConfig(path.join(dir, 'pack.yaml'), []);
    assert.deepStrictEqual(errors.map((e) => `${e.line}:${e.column} ${e.message}`), ['3:6 an alias (*name) refers to an anchor (&name) that is not defined before it']);
  });

  it('says a mapping with none of the pack keys is not a pack', () => {
    const dir = writeTree({ secret: SECRET_FILES['a YAML secret'] });
    const { errors } = loadConfig(path.join(dir, 'secret'), []);
    assert.deepStrictEqual(
      errors.map((e) => `${e.line}:${e.column} ${e.message}`),
      ['1:1 not a rule pack or .clauselint.yaml: none of its top-level keys is pack, extends, terms, conditions, kinds, clauses, rules, ignores, overrides'],
    );
  });

  it('an npm package whose package.json is not JSON: where, not what', () => {
    const dir = writeTree({
      '.clauselint.yaml': 'extends: [leaky]\n',
      'node_modules/leaky/package.json': `{ "name": "leaky", "token": ${SECRET} }`,
    });
    const { errors } = loadConfig(path.join(dir, '.clauselint.yaml'), []);
    assert.deepStrictEqual(errors.length, 1);
    // Node's JSON.parse quotes the text around the mistake; only its position (when Node gives one) is kept.
    assert.match(errors[0].message, /^cannot extend "leaky": cannot read .*package\.json: not valid JSON( \(at character \d+\))?$/);
    assert.deepStrictEqual([errors[0].line, errors[0].column], [1, 11]);
  });
});
