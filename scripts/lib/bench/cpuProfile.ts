/** Where a profiled server's time went: a node --cpu-prof profile summed by category (pure). */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Where the server's time goes, in the order the report lists it. */
export const PROFILE_CATEGORIES = [
  'normalise',
  'structure (rest of parse)',
  'scan (term sets)',
  'rules + coverage',
  'diagnostics (findings to LSP)',
  'LSP messaging (JSON, streams)',
  'text sync (apply edit)',
  'garbage collection',
  'other (start-up, timers, ...)',
  'idle',
] as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[number];

const norm = (url: string) => url.replace(/\\/g, '/');

/**
 * The category of one frame, or undefined when the frame says nothing by
 * itself (a builtin such as RegExp exec, or a helper shared by phases): then
 * its caller decides. Tuned to the tsc build (out/...); in the bundle every
 * frame has the same file, so only function names help.
 */
export function frameCategory(frame: { functionName: string; url: string }): ProfileCategory | undefined {
  const url = norm(frame.url);
  const fn = frame.functionName;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'other (start-up, timers, ...)';
  // Our own code only: yaml, for one, has a parseDocument too.
  const ours = url !== '' && !url.startsWith('node:') && !url.includes('/node_modules/');
  if (ours && fn === 'normalise' && url.endsWith('/document/normalise.js')) return 'normalise';
  if (ours && fn === 'parseDocument') return 'structure (rest of parse)';
  if (ours && fn === 'scan' && url.includes('/engine/match/')) return 'scan (term sets)';
  if (ours && fn === 'lintDocument') return 'rules + coverage';
  if (ours && fn === 'toDiagnostics') return 'diagnostics (findings to LSP)';
  if (url.includes('/vscode-languageserver-textdocument/')) return 'text sync (apply edit)';
  if (url.includes('/vscode-jsonrpc/') || url.includes('/vscode-languageserver/') || url.includes('/vscode-languageserver-protocol/')) return 'LSP messaging (JSON, streams)';
  return undefined;
}

export interface ProfileSummary {
  /** Sampled ms per category (every category, zero when unseen). */
  ms: Record<ProfileCategory, number>;
  totalMs: number;
}

/** Self time of each sample given to the innermost frame on its stack that has a category (else "other"). */
export function summariseCpuProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, ProfileCategory>();
  const resolve = (id: number): ProfileCategory => {
    const hit = categoryOf.get(id);
    if (hit) return hit;
    const chain: number[] = [];
    let cur: number | undefined = id;
    let found: ProfileCategory | undefined;
    while (cur !== undefined) {
      const known = categoryOf.get(cur) ?? frameCategory(byId.get(cur)!.callFrame);
      if (known) {
        found = known;
        break;
      }
      chain.push(cur);
      cur = parent.get(cur);
    }
    const category = found ?? 'other (start-up, timers, ...)';
    for (const c of chain) categoryOf.set(c, category);
    return category;
  };
  const ms = Object.fromEntries(PROFILE_CATEGORIES.map((c) => [c, 0])) as Record<ProfileCategory, number>;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  // timeDeltas[i] is the time before sample i: sample i-1 ran for it.
  for (let i = 0; i < samples.length; i++) {
    const next = deltas[i + 1] ?? 0;
    const dt = Math.max(0, next) / 1000;
    ms[resolve(samples[i])] += dt;
    totalMs += dt;
  }
  return { ms, totalMs };
}
