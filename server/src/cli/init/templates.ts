/**
 * What `clauselint init` writes: a commented .clauselint.yaml and a starter
 * team pack whose one rule passes `clauselint test-rules` as written. Term,
 * kind and clause ids share one namespace across packs, hence the `team-`
 * prefixes.
 */

export const TEAM_PACK_PATH = 'clauselint/team-pack.yaml';

export function configTemplate(builtinPacks: string[]): string {
  const others = builtinPacks.filter((n) => n !== 'recommended').map((n) => `clauselint:${n}`);
  const morePacks = others.length > 0 ? `\n  # Other built-in packs: ${others.join(', ')}` : '';
  return `# ClauseLint configuration. It applies to every contract in this folder and below
# (for each file, the nearest .clauselint.yaml above it wins).
extends:
  - clauselint:recommended           # built-in: broad-use grants, carve-outs, audit triggers, weak wording
  - ./${TEAM_PACK_PATH}   # your team's rules: npx clauselint test-rules ${TEAM_PACK_PATH}${morePacks}
  # A pack shared as an npm package, pinned to a version range:
  # - "@acme/contract-rules@^1.2.0"

rules:
  # Change a rule's severity (error, warning, info, hint) or turn it off.
  team/missing-data-deletion: warning
  # recommended/broad-use-grant: error
  # recommended/practicable-notice: off

# Settings for some folders only (globs relative to this file):
# overrides:
#   - files: ["drafts/**"]
#     rules:
#       recommended/missing-audit-trigger: info
`;
}

export const TEAM_PACK = `# Your team's rule pack. Every rule carries examples; run them after each change:
#   npx clauselint test-rules ${TEAM_PACK_PATH}
# (fire: the rule must report; pass: it must stay silent). Rename the pack id, then
# add rules; the schema is rules/schema/rulepack.schema.json in the clauselint package.
pack:
  id: team
  version: 0.1.0
  description: Our team's contract rules.
  extends: clauselint:recommended   # reuses its term sets (obligation) and conditions (ai-or-data-services)

terms:
  team-customer-data:
    phrases: [customer data, government data, agency data, client data, input data, personal data]
  team-deletion:
    phrases: [delete, deletes, deleted, deletion, destroy, destroys, destruction, erase, erases]

kinds:
  team:data-deletion:
    title: Deletion of customer data at the end of the contract
    detect:
      - terms: team-deletion
        with: [team-customer-data, obligation]

clauses:
  team-data-deletion:
    kind: team:data-deletion
    title: return and deletion of customer data
    placement: [termination, data]
    body: >-
      \${1:Return and Deletion of Data.} Within \${2:thirty (30) days} after termination or
      expiry of this Agreement, \${3:the Provider} shall return all \${4:Customer Data} to
      \${5:the Customer} and then delete every copy it holds, and shall certify the deletion
      in writing.

rules:
  missing-data-deletion:
    kind: require
    clause: team:data-deletion
    when: ai-or-data-services
    severity: warning
    message: >-
      Nothing requires the provider to delete customer data when the contract ends. Add a
      return-and-deletion clause.
    fix:
      clauses: [team-data-deletion]
    source: Team data-handling policy, section 3 (replace with your own reference).
    docs: |
      Contracts for AI or data services must say what happens to the customer's data at the
      end: returned, then deleted, with the deletion certified. The rule looks for a sentence
      with a deletion word, a kind of customer data and an obligation ("shall delete all
      Customer Data"). What it cannot know: a deletion duty in an incorporated document.
    examples:
      fire:
        - The Provider shall host the Customer Data in data centres in the United States.
      pass:
        - Within thirty days after termination, the Provider shall delete all Customer Data and certify the deletion in writing.
`;
