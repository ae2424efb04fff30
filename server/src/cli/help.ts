/** `--help` text (`--version` is io/packageVersion.ts). */

export function helpText(): string {
  return `Usage: clauselint [options] [file | folder | glob | -] ...
       clauselint test-rules [pack ...]
       clauselint explain <rule-id>
       clauselint exceptions [file | folder | glob] ... [--format text|json|csv]
       clauselint init [folder] [--force]

Lint contract drafts (Markdown, plain text or Word .docx) for broad-use grants,
missing prohibited-use carve-outs, missing audit triggers and weak wording.

Inputs:
  file                     a contract file, whatever its extension; a .docx is read
                           as a Word document and its findings are located by
                           paragraph (¶12) and an excerpt
  folder                   every *.md, *.markdown, *.txt and *.docx file below it (so
                           also *.contract.md and *.contract.txt), skipping
                           node_modules and folders whose name starts with a dot
  glob                     e.g. 'contracts/**/*.md' (quote globs so the shell leaves
                           them alone)
  !glob                    leave out the files that match, e.g. '!**/archive/**'
  (ignored files)          folder walks and globs leave out what .gitignore (inside
                           a git repository), the nearest .clauselintignore and the
                           config's ignores: list; a file named here that they
                           list is skipped with a warning
  -                        standard input; also read when no input is named and text
                           is piped in

Options:
  -f, --format <name>      text (default), json, sarif (SARIF 2.1.0), github
                           (GitHub Actions annotations)
  -c, --config <file>      use this config or pack for every file, instead of the
                           nearest .clauselint.yaml (default: clauselint:recommended)
  -p, --pack <pack>        also load a pack: clauselint:<name>, a built-in name, a path
                           or an npm package (name@^1.2.0 pins a version range);
                           repeat for several
      --pack-root <folder> let configs and packs extend files in this folder too;
                           by default they may only extend files in their own
                           project (the nearest folder with .git or package.json,
                           else the current folder), built-in packs and npm
                           packages; repeat for several
      --fail-on <severity> exit 1 when a finding is at or above this severity:
                           error, warning (default), info, hint
  -q, --quiet              report errors only; other findings are not shown, counted
                           for the exit code or fixed
      --fix                apply each finding's fix (insert the missing clause or
                           replace the weak wording; never a suppression), then lint
                           again and report what remains. For one file or stdin the
                           fixed text goes to stdout and the report to stderr; for
                           several files add --write or --output-dir. Word documents
                           are never rewritten
      --write              with --fix: rewrite the files in place
      --output-dir <dir>   with --fix: write fixed copies to <dir>, keeping each file's
                           path relative to the current folder
      --stdin-filename <path>
                           name for standard input: picks the config, Markdown or plain
                           text, and the path shown in reports
      --max-file-size <size>
                           skip larger files with a warning (default 50MB; e.g. 500KB)
  -j, --jobs <n>           lint in <n> worker threads (at most one per file);
                           --jobs 1 lints in one thread. Default: one per CPU when
                           the files add up to 24 MB or more (starting workers
                           costs more than it saves below that), else one thread.
                           The output is the same either way
      --no-ignore          lint files .gitignore, .clauselintignore and ignores:
                           would leave out
      --color, --no-color  force colours on or off (default: on when the output is a
                           terminal and NO_COLOR is not set, or FORCE_COLOR is 1-3)
  -h, --help               show this help
  -v, --version            print the version

Commands:
  test-rules [pack ...]    run every rule's examples (fire: must report, pass: must
                           not); default: all built-in packs; --pack-root as for lint
  explain <rule-id>        show a rule's documentation, source and examples
                           (--config and --pack add rules to look in; --pack-root
                           as for lint)
  exceptions [paths]       the exceptions log: every suppression with its rules,
                           place, reason, approver, date and whether it suppressed
                           anything (default: the current folder); --format text
                           (default), json or csv; --config, --pack and --pack-root
                           as for lint
  init [folder]            write .clauselint.yaml and a starter team pack
                           (clauselint/team-pack.yaml); --force overwrites them

Exit codes:
  0  no finding at or above the --fail-on level (test-rules: every example passed)
  1  findings at or above the --fail-on level (test-rules: an example failed)
  2  usage or configuration error: unknown option, missing file, broken pack

Examples:
  clauselint contracts/
  clauselint --format sarif 'contracts/**/*.md' > clauselint.sarif
  cat draft.md | clauselint --stdin-filename draft.md
  clauselint --fix draft.md > draft.fixed.md
  clauselint --fix --write contracts/
  clauselint --jobs 4 --format json contracts/ > report.json
  clauselint explain recommended/broad-use-grant
  clauselint exceptions contracts/ --format csv > exceptions.csv
`;
}
