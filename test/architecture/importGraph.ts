/**
 * The import graph of the source tree, read from the TypeScript compiler's
 * syntax tree of each file (no type-checking): static imports, `export ...
 * from`, `import type`, `import x = require(...)`, `require(...)` and
 * `import(...)` anywhere in the file. (ts.preProcessFile is faster but its
 * token scanner loses imports after some template literals.)
 * A relative import becomes the repository path of the file it names; a
 * package import stays its package name (`vscode`, `fs`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface ImportEdge {
  /** Repository path of the importing file, '/'-separated: `server/src/lsp/hover.ts`. */
  from: string;
  /** Repository path of the imported file, or a package name. */
  to: string;
  /** As written in the source. */
  specifier: string;
}

const EXTENSIONS = ['.ts', '.d.ts', '/index.ts'];

function listTsFiles(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listTsFiles(full, out);
    } else if (entry.name.endsWith('.ts')) {
      out.push(full);
    }
  }
}

const toRepoPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** The file a relative specifier names (with its extension), or the specifier resolved as written when no file matches. */
function resolveRelative(root: string, fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), base.replace(/\.js$/, '.ts')];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  return toRepoPath(root, found ?? base);
}

/** The package a bare specifier names: `vscode-languageserver/node` -> `vscode-languageserver`, `@a/b/c` -> `@a/b`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The module names a file imports, in source order. */
function moduleSpecifiers(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) literal(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import of every .ts file under `folders` (repository-relative) of the repository at `root`. */
export function readImportGraph(root: string, folders: readonly string[]): ImportEdge[] {
  const files: string[] = [];
  for (const folder of folders) listTsFiles(path.join(root, folder), files);
  const edges: ImportEdge[] = [];
  for (const file of files.sort()) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const specifier of moduleSpecifiers(source)) {
      const to = specifier.startsWith('.') ? resolveRelative(root, file, specifier) : packageName(specifier);
      edges.push({ from: toRepoPath(root, file), to, specifier });
    }
  }
  return edges;
}
