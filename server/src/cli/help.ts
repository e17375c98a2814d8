// The command line's help texts: one per command (`forewarn scan --help`), and the overview (`forewarn --help`).

import { SEVERITIES } from '../core/types.js';

export const COMMANDS = ['scan', 'baseline', 'pin', 'rules', 'explain', 'schema'] as const;
export type Command = (typeof COMMANDS)[number];

export const SCAN_HELP = `Usage: forewarn scan [paths...] [options]

Analyze files and folders (default: the current directory), honouring .gitignore and the ignore list of
.forewarn.yml. A file named here is always analyzed, and gets a note when its kind is unknown.

Output:
  -f, --format FORMAT     pretty   a report for people: findings by file, the source line, fixes, a summary
                                   (the default when standard output is a terminal)
                          text     one line per finding, path:line:col severity rule-id message
                                   (the default otherwise: pipes, files, scripts)
                          json     the documented JSON contract (docs/cli.md)
                          sarif    SARIF 2.1.0, for GitHub code scanning
                          gitlab   GitLab code quality report
                          github   GitHub Actions annotations
  -o, --output FILE       write the report to FILE instead of standard output
  --root DIR              paths in sarif, gitlab and github output are relative to DIR
                          (default: the repository root above the current directory, else the current directory)
  -q, --quiet             no summary and no notes about syntax errors or skipped files
  --color, --no-color     force colour on or off (default: on for terminals, off with NO_COLOR)

Selection:
  -c, --config FILE       configuration file (default: nearest .forewarn.yml above the current directory)
  --fail-on SEVERITY      exit 1 when a finding is at or above this severity (${SEVERITIES.join(', ')}, or none); default high
  --min-severity SEVERITY report only findings at or above this severity; default info
  --rule ID               run only this rule (repeatable, or comma-separated)
  --skip-rule ID          do not run this rule (repeatable, or comma-separated)
  --baseline FILE         do not report findings recorded in this baseline file
  --stdin --stdin-filename PATH
                          analyze standard input as if it were the file PATH

Fixing:
  --fix                   apply safe fixes to the files, then report what remains
  --unsafe-fixes          with --fix or --diff: unsafe fixes too (review the result)
  --diff                  show the changes --fix would make, as a diff, and change nothing
  Fixes that need a lookup (pinning to a commit SHA or a digest) are made by \`forewarn pin\`.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error, or an
incomplete scan (unreadable files, internal errors).`;

export const BASELINE_HELP = `Usage: forewarn baseline [paths...] [options]

Record the current findings in a baseline file, for \`forewarn scan --baseline FILE\`.
  -o, --output FILE       the baseline file (default .forewarn-baseline.json)
  -c, --config FILE       configuration file, as for scan
  --rule ID, --skip-rule ID
                          as for scan
  -q, --quiet             no summary line`;

export const PIN_HELP = `Usage: forewarn pin [paths...] [--write] [--config FILE]

Pin GitHub actions to commit SHAs (with a # vX.Y.Z comment) and container images to digests.
  --write                 write the files (default: print a unified diff and change nothing)
  -c, --config FILE       configuration file, as for scan
Looks up GitHub (GITHUB_TOKEN or GH_TOKEN; FOREWARN_GITHUB_API_URL for GitHub Enterprise Server) and registries
(FOREWARN_REGISTRY_URLS=host=url,...); FOREWARN_TIMEOUT_MS per request (default 5000).
Exit codes: 0 done (or nothing to pin), 2 a lookup failed (the rest is still pinned) or usage error.`;

export const RULES_HELP = `Usage: forewarn rules

List the rules: id, family, default severity, fix kind and description.`;

export const EXPLAIN_HELP = `Usage: forewarn explain RULE-ID

Print a rule's documentation page: what it flags, why it matters, an example, the fix and references.`;

export const SCHEMA_HELP = `Usage: forewarn schema

Print the JSON Schema of .forewarn.yml.`;

export const HELP: Readonly<Record<Command, string>> = {
  scan: SCAN_HELP,
  baseline: BASELINE_HELP,
  pin: PIN_HELP,
  rules: RULES_HELP,
  explain: EXPLAIN_HELP,
  schema: SCHEMA_HELP,
};

export const USAGE = `Usage:
  forewarn scan [paths...] [options]       analyze files and folders (default: .)
  forewarn scan --fix [paths...]           ... and apply safe fixes
  forewarn baseline [paths...] [-o FILE]   record current findings for scan --baseline
  forewarn pin [paths...] [--write]        pin actions to commit SHAs and images to digests (network)
  forewarn rules                           list the rules
  forewarn explain RULE-ID                 a rule's documentation
  forewarn schema                          the JSON Schema of .forewarn.yml
  forewarn --version | --help

\`forewarn COMMAND --help\` describes a command and its options.`;
