/**
 * The "Clause Coverage" tree in ClauseLint's own view container (activity bar): for the active document, each
 * clause kind the loaded packs know, present (✓), missing (✗), flagged (⚠) or
 * absent and not required (○); a broad grant qualified (ℹ) or unqualified (⚠); a kind made of
 * elements (the escalation path) lists each element, present, weak (with why) or missing.
 * Selecting a kind, an element or one of its locations reveals it.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, CoverageElement, CoverageKind, CoverageParams, CoverageResult, Range } from '../../shared/protocol';

export const COVERAGE_VIEW_ID = 'clauselint.coverage';

type Node =
  | { type: 'kind'; kind: CoverageKind }
  | { type: 'element'; kind: CoverageKind; element: CoverageElement }
  | { type: 'location'; kind: CoverageKind; range: Range; index: number; finding: boolean };

const ELEMENT_ICONS: Record<CoverageElement['state'], vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  weak: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  absent: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

const ICONS: Record<CoverageKind['status'], vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  flagged: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  absent: new vscode.ThemeIcon('circle-outline'),
  qualified: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  unqualified: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

const STATUS_TEXT: Record<CoverageKind['status'], string> = {
  present: 'present',
  missing: 'missing',
  flagged: 'present, flagged',
  absent: 'not found (not required)',
  qualified: 'present, qualified by carve-outs',
  unqualified: 'present, unqualified',
};

/** A top-level row of the tree as shown; `clauselint.showCoverage` returns them (for scripts and tests). */
export interface CoverageRow {
  kind: string;
  label: string;
  description: string;
  status: CoverageKind['status'];
}

/** What `clauselint.showCoverage` resolves to: the document the view shows, its summary and its rows. */
export interface CoverageSnapshot {
  uri: string | undefined;
  summary: string | undefined;
  rows: CoverageRow[];
}

export class CoverageView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: CoverageResult | undefined;
  private documentUri: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refreshSoon();
      }),
    );
  }

  /** Coverage follows diagnostics, which arrive in bursts while typing. */
  refreshSoon(uri?: vscode.Uri): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(uri), 150);
  }

  async refresh(uri = vscode.window.activeTextEditor?.document.uri): Promise<void> {
    if (!uri || !this.client.isRunning()) return;
    const params: CoverageParams = { uri: uri.toString() };
    // Refreshes overlap (editor switches, diagnostics, the command): only the latest one may set the tree.
    const generation = ++this.generation;
    let result: CoverageResult | undefined;
    try {
      result = (await this.client.sendRequest<CoverageResult | null>(COVERAGE_REQUEST, params)) ?? undefined;
    } catch {
      result = undefined;
    }
    if (generation !== this.generation) return;
    this.result = result;
    this.documentUri = uri;
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'element') {
      const { element } = node;
      const item = new vscode.TreeItem(element.title);
      item.id = `${node.kind.kind}/${element.element}`;
      item.iconPath = ELEMENT_ICONS[element.state];
      item.description = element.state === 'absent' ? 'missing' : element.state === 'weak' ? `weak${element.why ? `: ${element.why}` : ''}` : 'present';
      const first = element.locations[0];
      if (first) {
        item.description += ` · line ${first.start.line + 1}`;
        item.command = this.revealCommand(first);
      }
      return item;
    }
    if (node.type === 'location') {
      const item = new vscode.TreeItem(`Line ${node.range.start.line + 1}`);
      item.description = node.finding ? 'needed here' : undefined;
      item.iconPath = new vscode.ThemeIcon(node.finding ? 'debug-breakpoint-unverified' : 'location');
      item.command = this.revealCommand(node.range);
      return item;
    }
    const { kind } = node;
    const children = kind.elements ? kind.elements.length : kind.locations.length + (kind.present ? 0 : kind.findingRanges.length);
    const item = new vscode.TreeItem(kind.title, children > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = kind.kind;
    item.iconPath = ICONS[kind.status];
    item.description = STATUS_TEXT[kind.status] + (kind.findings > 0 ? ` · ${kind.findings} finding${kind.findings === 1 ? '' : 's'}` : '');
    // The whole line in the tooltip: a narrow view may cut the label or its description.
    item.tooltip = `${kind.title}: ${item.description} (${kind.kind})`;
    const first = kind.locations[0] ?? kind.findingRanges[0];
    if (first) item.command = this.revealCommand(first);
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!this.result) return [];
    if (!node) return this.result.kinds.map((kind) => ({ type: 'kind', kind }));
    if (node.type !== 'kind') return [];
    if (node.kind.elements) return node.kind.elements.map((element) => ({ type: 'element', kind: node.kind, element }));
    const ranges = node.kind.present ? node.kind.locations : node.kind.findingRanges;
    if (ranges.length < 2) return [];
    return ranges.map((range, index) => ({ type: 'location', kind: node.kind, range, index, finding: !node.kind.present }));
  }

  /** The view's title line: the summary also shown in the code lens. */
  get summary(): string | undefined {
    return this.result?.summary;
  }

  /** The tree's top level as rendered by getTreeItem. */
  snapshot(): CoverageSnapshot {
    const rows = this.getChildren().flatMap((node) => {
      if (node.type !== 'kind') return [];
      const item = this.getTreeItem(node);
      return [{ kind: node.kind.kind, label: String(item.label), description: String(item.description ?? ''), status: node.kind.status }];
    });
    return { uri: this.result ? this.documentUri?.toString() : undefined, summary: this.summary, rows };
  }

  private revealCommand(range: Range): vscode.Command {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    return { title: 'Reveal', command: 'vscode.open', arguments: [this.documentUri, { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/**
 * Register the tree and `clauselint.showCoverage` (the code lens runs it with the document's URI).
 * The command resolves to what the view then shows (a CoverageSnapshot), so scripts and tests can read it.
 */
export function registerCoverageView(client: LanguageClient): vscode.Disposable[] {
  const view = new CoverageView(client);
  const tree = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  const setMessage = () => (tree.message = view.summary);
  return [
    view,
    tree,
    view.onDidChangeTreeData(setMessage),
    vscode.commands.registerCommand('clauselint.showCoverage', async (uri?: string): Promise<CoverageSnapshot> => {
      await vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`);
      await view.refresh(uri ? vscode.Uri.parse(uri) : undefined);
      return view.snapshot();
    }),
    vscode.commands.registerCommand('clauselint.refreshCoverage', () => view.refresh()),
  ];
}
