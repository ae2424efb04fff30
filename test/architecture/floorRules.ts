/**
 * The floor plan of ARCHITECTURE.md as import rules: each rule names files
 * (`from`) and what they must not import (`to`). Paths are repository paths
 * ('/'-separated); package imports are package names (`vscode`).
 */
import { ImportEdge } from './importGraph';

export interface ImportRule {
  name: string;
  from: RegExp;
  to: RegExp;
  why: string;
}

/** A top-level module of server/src: lintText.ts (shared by the adapters), server.ts (the language server), bundleEntry.ts. */
const SERVER_ROOT_MODULE = 'server/src/[^/]+\\.ts$';
const ADAPTERS = `server/src/(cli|lsp)/|${SERVER_ROOT_MODULE}|client/|shared/`;

export const FLOOR_RULES: readonly ImportRule[] = [
  { name: 'lsp-imports-cli', from: /^server\/src\/(lsp\/|server\.ts$)/, to: /^server\/src\/cli\//, why: 'cli and lsp are sibling adapters: what both need lives in io/ or packs/' },
  { name: 'cli-imports-lsp', from: /^server\/src\/cli\//, to: /^server\/src\/(lsp\/|server\.ts$)/, why: 'cli and lsp are sibling adapters: what both need lives in io/ or packs/' },
  { name: 'document-imports-up', from: /^server\/src\/document\//, to: /^(server\/src\/(?!document\/)|client\/|shared\/)/, why: 'document/ is the ground floor: it imports only itself' },
  { name: 'engine-imports-up', from: /^server\/src\/engine\//, to: new RegExp(`^(server/src/(io|packs|project)/|${ADAPTERS})`), why: 'the engine imports only document/ and itself' },
  { name: 'match-imports-up', from: /^server\/src\/engine\/match\//, to: /^server\/src\/engine\/(rules|grants|escalation|fixes)\//, why: 'matching sits below the rule kinds, coverage and fixes' },
  { name: 'io-imports-up', from: /^server\/src\/io\//, to: new RegExp(`^(server/src/(packs|project)/|${ADAPTERS})`), why: 'io/ sits below packs and the adapters' },
  { name: 'packs-imports-up', from: /^server\/src\/(packs|project)\//, to: new RegExp(`^(${ADAPTERS})`), why: 'packs/ and project/ sit below the adapters' },
  { name: 'vscode-in-server', from: /^(server|shared)\//, to: /^vscode$/, why: 'only the client runs inside VS Code' },
  { name: 'client-imports-server', from: /^client\//, to: /^server\//, why: 'the client shares only shared/ with the server' },
  { name: 'shared-imports-sides', from: /^shared\//, to: /^(server|client)\//, why: 'shared/ is imported by both sides and imports neither' },
];

export interface Violation {
  edge: ImportEdge;
  rule: ImportRule;
}

export function checkImports(edges: readonly ImportEdge[], rules: readonly ImportRule[] = FLOOR_RULES): Violation[] {
  const found: Violation[] = [];
  for (const edge of edges) {
    for (const rule of rules) if (rule.from.test(edge.from) && rule.to.test(edge.to)) found.push({ edge, rule });
  }
  return found;
}

export function describeViolation({ edge, rule }: Violation): string {
  return `${edge.from} imports '${edge.specifier}' (${rule.name}: ${rule.why})`;
}
