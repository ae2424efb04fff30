/**
 * The editor setups the README gives ("Using the server with other editors"),
 * as data both sides reflect: the README shows each setup, and
 * editorSetups.test.ts checks that the README contains each profile's lines
 * verbatim, then starts the server with exactly the profile's command and
 * talks to it as that editor does with that setup: the initialize it sends
 * (root, initializationOptions, capabilities), how it answers
 * workspace/configuration and whether it pushes settings.
 *
 * Capabilities are those the editors announce, cut to what ClauseLint reads
 * (Neovim 0.10/0.11 `vim.lsp.protocol.make_client_capabilities()`, Helix
 * 25.x `helix-lsp` client.rs, Emacs 30 eglot `eglot-client-capabilities`).
 * Every setup passes the same example setting, so the tests can see it arrive:
 * broad-use grants reported as errors instead of warnings.
 */

export interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

export interface EditorProfile {
  id: string;
  /** The README heading the setup sits under. */
  heading: string;
  /** Lines of the README setup, verbatim: the command, the file types and the settings it passes. */
  readmeLines: string[];
  /** What the editor runs: the `clauselint-lsp` bin of the package (on PATH after `npm install --global clauselint`). */
  command: string;
  args: string[];
  /** The language id the editor sends for a Markdown file. */
  markdownLanguageId: string;
  /** The workspace the editor announces: none (single-file), or the folder of the file (a project without markers). */
  root: 'none' | 'fileFolder';
  /** initializationOptions, or undefined when the editor leaves the field out. */
  initializationOptions?: unknown;
  /** How the editor answers one workspace/configuration item with this setup. */
  answerConfiguration(item: ConfigurationItem): unknown;
  /** The didChangeConfiguration `settings` the editor sends after `initialized`, if it sends one. */
  pushesSettings?: unknown;
  capabilities: Record<string, unknown>;
  /** How the server should deliver diagnostics to this editor. */
  delivery: 'push' | 'pull';
}

/** The example setting of every setup, as JSON. */
export const EXAMPLE_SETTINGS = { clauselint: { ruleSeverities: { 'broad-use-grant': 'error' } } };

/** Look a dotted section up in a settings object, as Neovim and eglot do (null when it is missing). */
function section(settings: Record<string, unknown>, name: string | undefined): unknown {
  if (!name) return settings;
  let value: unknown = settings;
  for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value ?? null;
}

const NEOVIM_CAPABILITIES = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    synchronization: { dynamicRegistration: false, willSave: true, willSaveWaitUntil: true, didSave: true },
    codeAction: {
      dynamicRegistration: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    codeLens: { dynamicRegistration: false },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, dataSupport: true },
  },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] },
  },
  general: { positionEncodings: ['utf-8', 'utf-16', 'utf-32'] },
};

const neovimAnswer = (item: ConfigurationItem) => section(EXAMPLE_SETTINGS, item.section);

export const NEOVIM_0_11: EditorProfile = {
  id: 'neovim-0.11',
  heading: 'Neovim 0.11 and later',
  readmeLines: [
    "vim.lsp.config('clauselint', {",
    "  cmd = { 'clauselint-lsp', '--stdio' },",
    "  filetypes = { 'markdown', 'text' },",
    "  root_markers = { '.clauselint.yaml', '.git' },",
    "  settings = { clauselint = { ruleSeverities = { ['broad-use-grant'] = 'error' } } },",
    "vim.lsp.enable('clauselint')",
  ],
  command: 'clauselint-lsp',
  args: ['--stdio'],
  markdownLanguageId: 'markdown',
  // No root marker above the file: Neovim starts the server without a root.
  root: 'none',
  answerConfiguration: neovimAnswer,
  pushesSettings: EXAMPLE_SETTINGS,
  capabilities: NEOVIM_CAPABILITIES,
  // Neovim pulls when offered, but has no workspace/diagnostic/refresh: the server pushes.
  delivery: 'push',
};

export const NEOVIM_LSPCONFIG: EditorProfile = {
  ...NEOVIM_0_11,
  id: 'neovim-lspconfig',
  heading: 'Neovim 0.10 with nvim-lspconfig',
  readmeLines: [
    "local configs = require('lspconfig.configs')",
    '  configs.clauselint = {',
    "      cmd = { 'clauselint-lsp', '--stdio' },",
    "      filetypes = { 'markdown', 'text' },",
    "      root_dir = require('lspconfig.util').root_pattern('.clauselint.yaml', '.git'),",
    '      single_file_support = true,',
    "      settings = { clauselint = { ruleSeverities = { ['broad-use-grant'] = 'error' } } },",
    "require('lspconfig').clauselint.setup({})",
  ],
};

export const HELIX: EditorProfile = {
  id: 'helix',
  heading: 'Helix',
  readmeLines: [
    '[language-server.clauselint]',
    'command = "clauselint-lsp"',
    'args = ["--stdio"]',
    'config = { clauselint = { ruleSeverities = { broad-use-grant = "error" } } }',
    '[[language]]',
    'name = "markdown"',
    'language-servers = ["marksman", "clauselint"]',
  ],
  command: 'clauselint-lsp',
  args: ['--stdio'],
  markdownLanguageId: 'markdown',
  root: 'fileFolder',
  // Helix sends a server's `config` as initializationOptions and with didChangeConfiguration ...
  initializationOptions: EXAMPLE_SETTINGS,
  pushesSettings: EXAMPLE_SETTINGS,
  // ... and answers a workspace/configuration item scoped to a document from the language's own config (none here).
  answerConfiguration: (item) => (item.scopeUri ? null : section(EXAMPLE_SETTINGS, item.section)),
  capabilities: {
    textDocument: {
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports', 'source.fixAll'] } }, isPreferredSupport: true },
      hover: { contentFormat: ['markdown'] },
      diagnostic: { dynamicRegistration: false, relatedDocumentSupport: true },
      publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
      codeLens: { dynamicRegistration: false },
    },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: false },
      workspaceFolders: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      // Singular on the wire (helix-lsp-types names the field so), where LSP says `diagnostics`.
      diagnostic: { refreshSupport: true },
      executeCommand: { dynamicRegistration: false },
    },
  },
  delivery: 'pull',
};

export const EMACS_EGLOT: EditorProfile = {
  id: 'emacs-eglot',
  heading: 'Emacs (eglot)',
  readmeLines: [
    "  (add-to-list 'eglot-server-programs",
    `               '(((markdown-mode :language-id "markdown") (gfm-mode :language-id "markdown") (text-mode :language-id "plaintext"))`,
    '                 . ("clauselint-lsp" "--stdio"))))',
    "(setq-default eglot-workspace-configuration '(:clauselint (:ruleSeverities (:broad-use-grant \"error\"))))",
  ],
  command: 'clauselint-lsp',
  args: ['--stdio'],
  markdownLanguageId: 'markdown',
  // A file outside any project: eglot makes its folder a transient project.
  root: 'fileFolder',
  initializationOptions: {},
  answerConfiguration: (item) => section(EXAMPLE_SETTINGS, item.section),
  pushesSettings: EXAMPLE_SETTINGS,
  capabilities: {
    textDocument: {
      synchronization: { dynamicRegistration: false, willSave: true, willSaveWaitUntil: true, didSave: true },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        dynamicRegistration: false,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
        isPreferredSupport: true,
      },
      publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: false, tagSupport: { valueSet: [1, 2] } },
    },
    workspace: {
      applyEdit: true,
      executeCommand: { dynamicRegistration: false },
      workspaceEdit: { documentChanges: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      symbol: { dynamicRegistration: false },
      configuration: true,
      workspaceFolders: true,
    },
  },
  delivery: 'push',
};

export const EDITOR_PROFILES: EditorProfile[] = [NEOVIM_0_11, NEOVIM_LSPCONFIG, HELIX, EMACS_EGLOT];
