// What a job visibly does with its GITHUB_TOKEN: the scopes the actions and CLI calls it runs need, and whether it
// requests an OIDC token. "Unknown" whenever something it runs could use the token in ways we cannot see.

import { findExpressions } from './github-expressions.js';
import { publishCommand } from './publish-commands.js';
import type { Job, Step, Workflow } from './github-workflow.js';
import { scalarText } from './yaml-values.js';
import { matchesOf } from '../core/regex.js';

export type Level = 'read' | 'write';

export interface TokenNeeds {
  /** scope → the most the job needs. */
  readonly scopes: ReadonlyMap<string, Level>;
  /** some step requests (or may request) an OIDC token. */
  readonly oidc: boolean;
  /** why the needs are not fully known (an action we have no entry for, a script that sees the token …); empty: known. */
  readonly unknown: readonly string[];
  /** something the job runs could request an OIDC token we cannot see (also true when `unknown` is not empty). */
  readonly oidcUnknown: boolean;
  /** a script runs after `actions/checkout` and could push, so `contents: write` cannot be ruled out. */
  readonly contentsOpaque: boolean;
  /** what the job runs, for messages: `actions/checkout`, `gh pr comment`, `run: scripts`. */
  readonly uses: readonly string[];
}

interface ActionEntry {
  readonly scopes?: Readonly<Record<string, Level>>;
  /** requests an OIDC token: always (true), or when this input is set (`use_oidc`), or unless that input is set. */
  readonly oidc?: true | { readonly when?: string; readonly unless?: string };
  /** scopes depending on inputs. */
  readonly extra?: (step: Step) => Readonly<Record<string, Level>>;
}

const none: ActionEntry = {};
const read = (scope: string): ActionEntry => ({ scopes: { [scope]: 'read' } });
const input = (step: Step, name: string): string | undefined => step.with.find((w) => w.name === name)?.value;

/**
 * Actions whose token use is documented and fixed. Erring towards more scopes is harmless here (nothing is flagged
 * that an entry says is needed); an action missing from this table makes the job's needs unknown.
 */
const ACTIONS: ReadonlyMap<string, ActionEntry> = new Map<string, ActionEntry>([
  ['actions/checkout', read('contents')],
  ['actions/setup-node', none],
  ['actions/setup-python', none],
  ['actions/setup-java', none],
  ['actions/setup-go', none],
  ['actions/setup-dotnet', none],
  ['actions/cache', none],
  ['actions/cache/restore', none],
  ['actions/cache/save', none],
  ['actions/upload-artifact', none],
  ['actions/upload-pages-artifact', none],
  [
    'actions/download-artifact',
    { extra: (s) => (input(s, 'run-id') || input(s, 'github-token') ? { actions: 'read' } : {}) },
  ],
  ['actions/deploy-pages', { scopes: { pages: 'write' }, oidc: true }],
  ['actions/labeler', { scopes: { contents: 'read', 'pull-requests': 'write', issues: 'write' } }],
  ['actions/stale', { scopes: { issues: 'write', 'pull-requests': 'write', actions: 'write', contents: 'write' } }],
  ['actions/attest-build-provenance', { scopes: { attestations: 'write', contents: 'read' }, oidc: true }],
  ['actions/attest', { scopes: { attestations: 'write', contents: 'read' }, oidc: true }],
  ['actions/attest-sbom', { scopes: { attestations: 'write', contents: 'read' }, oidc: true }],
  ['actions/dependency-review-action', { scopes: { contents: 'read' }, extra: (s) => (input(s, 'comment-summary-in-pr') ? { 'pull-requests': 'write' } : {}) }],
  ['actions/create-github-app-token', none],
  ['github/codeql-action/init', { scopes: { contents: 'read', actions: 'read', 'security-events': 'write' } }],
  ['github/codeql-action/autobuild', { scopes: { contents: 'read' } }],
  ['github/codeql-action/analyze', { scopes: { contents: 'read', actions: 'read', 'security-events': 'write' } }],
  ['github/codeql-action/upload-sarif', { scopes: { contents: 'read', actions: 'read', 'security-events': 'write' } }],
  ['softprops/action-gh-release', { scopes: { contents: 'write' } }],
  ['ncipollo/release-action', { scopes: { contents: 'write' } }],
  ['peter-evans/create-pull-request', { scopes: { contents: 'write', 'pull-requests': 'write' } }],
  ['peter-evans/create-or-update-comment', { scopes: { issues: 'write', 'pull-requests': 'write' } }],
  ['marocchino/sticky-pull-request-comment', { scopes: { 'pull-requests': 'write' } }],
  ['stefanzweifel/git-auto-commit-action', { scopes: { contents: 'write' } }],
  ['peaceiris/actions-gh-pages', { scopes: { contents: 'write' } }],
  ['jamesives/github-pages-deploy-action', { scopes: { contents: 'write' } }],
  ['release-drafter/release-drafter', { scopes: { contents: 'write', 'pull-requests': 'write' } }],
  ['googleapis/release-please-action', { scopes: { contents: 'write', 'pull-requests': 'write', issues: 'write' } }],
  ['docker/setup-buildx-action', none],
  ['docker/setup-qemu-action', none],
  ['docker/metadata-action', none],
  ['docker/build-push-action', none],
  ['docker/login-action', { extra: (s) => (/^ghcr\.io\b/i.test(input(s, 'registry') ?? '') ? { packages: 'write' } : {}) }],
  ['aws-actions/configure-aws-credentials', { oidc: { unless: 'aws-access-key-id' } }],
  ['google-github-actions/auth', { oidc: { unless: 'credentials_json' } }],
  ['azure/login', { oidc: { unless: 'creds' } }],
  ['pypa/gh-action-pypi-publish', { oidc: { unless: 'password' } }],
  ['codecov/codecov-action', { oidc: { when: 'use_oidc' } }],
  ['pnpm/action-setup', none],
  ['astral-sh/setup-uv', none],
  ['dtolnay/rust-toolchain', none],
  ['swatinem/rust-cache', none],
  ['ruby/setup-ruby', none],
  ['shivammathur/setup-php', none],
  ['oven-sh/setup-bun', none],
  ['denoland/setup-deno', none],
  ['hashicorp/setup-terraform', none],
  ['sigstore/cosign-installer', none],
]);

/** OIDC-consuming actions (the table's, plus some that always ask for an OIDC token). */
const OIDC_ACTIONS = new Set(['hashicorp/vault-action', 'octo-sts/action', 'rust-lang/crates-io-auth-action', 'jfrog/setup-jfrog-cli']);

/** The job token reaching a script: `${{ github.token }}`, `${{ secrets.GITHUB_TOKEN }}`. */
/** The job token in an expression: `github.token`, `secrets.GITHUB_TOKEN`, `secrets['GITHUB_TOKEN']`. */
const JOB_TOKEN_INNER = /\bgithub\.token\b|\bsecrets\.github_token\b|\bsecrets\[\s*'github_token'\s*\]/i;

/** The job token reaching a text through a `${{ }}` expression. */
function holdsJobToken(text: string): boolean {
  if (!/github/i.test(text)) return false;
  return findExpressions(text).some((e) => JOB_TOKEN_INNER.test(e.inner));
}
/** Commands that request an OIDC token by themselves, or may (npm/uv trusted publishing, keyless cosign). */
const OIDC_MARKERS = /ACTIONS_ID_TOKEN_REQUEST|\bcosign\s+(?:sign|attest)|\bgh\s+attestation|\bjf\s|\bjfrog\s/;
/** Publishing that can use an OIDC token by itself (npm, PyPI and crates.io trusted publishing). */
const OIDC_PUBLISHERS = new Set(['npm', 'pnpm', 'yarn', 'bun', 'uv', 'cargo', 'poetry', 'twine']);

function requestsOidc(run: string): boolean {
  if (OIDC_MARKERS.test(run)) return true;
  for (const line of run.split('\n')) {
    const cmd = publishCommand(line);
    if (cmd && OIDC_PUBLISHERS.has(cmd.split(' ')[0]!)) return true;
  }
  return false;
}
/** Scripts that run code we cannot see (a local script, a build tool): it may ask for an OIDC token. */
const OPAQUE_SCRIPT = /(?:^|[\s;&|(])(?:\.{1,2}\/|bash\s+\S|sh\s+\S|make\b|python3?\s+\S|node\s+\S|go\s+run\b|npx\b|cargo\b|gradle|mvn\b|\.\/gradlew|pwsh\b|ruby\s+\S|rake\b)/m;
/** A `git … push` anywhere in a script, options and quoted arguments between (`git -c "…" push`). */
function gitPushes(text: string): boolean {
  for (const line of text.split('\n')) {
    if (!line.includes('push') || line.length > 4000) continue;
    for (const part of line.split(/[;&|]/)) if (/(?:^|\s)git\s/.test(part) && /\spush(?:\s|$)/.test(part)) return true;
  }
  return false;
}

/** `gh <group> <verb>` → scopes; a call we cannot map makes the script unknown. */
const GH_CALL = /\bgh\s+([a-z-]+)(?:\s+([a-z-]+))?/g;
function ghScopes(group: string, verb: string | undefined): Record<string, Level> | undefined {
  const v = verb ?? '';
  switch (group) {
    case 'pr':
      if (['view', 'list', 'diff', 'checks', 'status', 'checkout'].includes(v)) return { 'pull-requests': 'read', contents: 'read' };
      if (['comment', 'review', 'edit', 'create', 'merge', 'close', 'ready', 'reopen'].includes(v)) return { 'pull-requests': 'write', contents: v === 'merge' || v === 'create' ? 'write' : 'read' };
      return undefined;
    case 'issue':
      if (['view', 'list', 'status'].includes(v)) return { issues: 'read' };
      if (['comment', 'create', 'edit', 'close', 'reopen', 'delete', 'lock', 'unlock', 'pin', 'unpin', 'transfer'].includes(v)) return { issues: 'write' };
      return undefined;
    case 'release':
      if (['view', 'list', 'download'].includes(v)) return { contents: 'read' };
      if (['create', 'upload', 'edit', 'delete', 'delete-asset'].includes(v)) return { contents: 'write' };
      return undefined;
    case 'label':
      return v === 'list' ? { issues: 'read' } : { issues: 'write' };
    case 'run':
      if (['view', 'list', 'download', 'watch'].includes(v)) return { actions: 'read' };
      if (['rerun', 'cancel', 'delete'].includes(v)) return { actions: 'write' };
      return undefined;
    case 'workflow':
      if (['view', 'list'].includes(v)) return { actions: 'read' };
      if (['run', 'enable', 'disable'].includes(v)) return { actions: 'write' };
      return undefined;
    case 'cache':
      return v === 'list' ? { actions: 'read' } : { actions: 'write' };
    default:
      return undefined;
  }
}

/** Lines a script that sees the token may have besides gh/git calls without our losing track of what it does. */
const PLAIN_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'do', 'done', 'while', 'case', 'esac', 'set', 'echo', 'printf', 'cd', 'export', 'test', '[', '[[', 'jq', 'cat', 'exit', 'true', 'false', 'shift', 'local', 'readonly', 'declare', '{', '}', '(', ')']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
function plainLine(t: string): boolean {
  if (t === '' || t.startsWith('#')) return true;
  const space = t.search(/[\s;]/);
  const first = space === -1 ? t : t.slice(0, space);
  // A bare assignment (`X=1`), not a command run with one (`X=1 tool`).
  if (ASSIGNMENT.test(first)) return space === -1;
  return PLAIN_WORDS.has(first);
}

function add(scopes: Map<string, Level>, more: Readonly<Record<string, Level>> | undefined): void {
  if (!more) return;
  for (const [k, v] of Object.entries(more)) if (scopes.get(k) !== 'write') scopes.set(k, v);
}

function envSeesToken(entries: readonly { readonly value: string | undefined }[]): boolean {
  return entries.some((e) => e.value !== undefined && holdsJobToken(e.value));
}

/** The token needs of one job of a workflow. */
export function jobTokenNeeds(wf: Workflow, job: Job): TokenNeeds {
  const scopes = new Map<string, Level>();
  const unknown: string[] = [];
  const uses: string[] = [];
  let oidc = false;
  let contentsOpaque = false;
  // After a checkout, scripts work in a repository they may push to (with persisted credentials, or credentials set
  // up later): `contents: write` is not ruled out then, whatever `persist-credentials` says.
  let checkedOut = false;
  let opaqueScript = false;
  if (job.uses) {
    return { scopes, oidc: true, unknown: [`reusable workflow '${scalarText(job.uses) ?? ''}'`], oidcUnknown: true, contentsOpaque: true, uses: [] };
  }
  const inheritedToken = envSeesToken(wf.env) || envSeesToken(job.env);
  for (const step of job.steps) {
    if (step.usesValue !== undefined) {
      const name = step.action;
      const entry = name ? ACTIONS.get(name) : undefined;
      if (name && OIDC_ACTIONS.has(name)) oidc = true;
      if (!entry || !name) {
        unknown.push(`'${step.usesValue}'`);
        continue;
      }
      uses.push(name);
      add(scopes, entry.scopes);
      add(scopes, entry.extra?.(step));
      const o = entry.oidc;
      if (o === true || (o && ((o.when && input(step, o.when) !== undefined && input(step, o.when) !== 'false') || (o.unless && input(step, o.unless) === undefined)))) oidc = true;
      if (name === 'actions/checkout') checkedOut = true;
      continue;
    }
    const run = scalarText(step.run);
    if (run === undefined) continue;
    if (run.length > 100_000) {
      unknown.push('a very long run: script');
      continue;
    }
    if (!uses.includes('run: scripts')) uses.push('run: scripts');
    if (requestsOidc(run)) oidc = true;
    if (OPAQUE_SCRIPT.test(run)) opaqueScript = true;
    if (gitPushes(run)) add(scopes, { contents: 'write' });
    else if (checkedOut) contentsOpaque = true;
    // A gh call shows the job means to use the token (without GH_TOKEN it fails): count its scopes either way.
    let ghLost = false;
    for (const m of matchesOf(GH_CALL, run)) {
      const call = `gh ${m[1]}${m[2] ? ` ${m[2]}` : ''}`;
      const s = ghScopes(m[1]!, m[2]);
      if (!s) {
        unknown.push(`\`${call}\``);
        ghLost = true;
        break;
      }
      add(scopes, s);
      if (!uses.includes(call)) uses.push(call);
    }
    const seesToken = inheritedToken || envSeesToken(step.env) || holdsJobToken(run);
    if (!seesToken || ghLost) continue;
    // The script holds the token: every line must be a gh/git call we can map, or plumbing.
    for (const line of run.split('\n')) {
      const t = line.trim();
      if (plainLine(t)) continue;
      if (/^git\s/.test(t)) {
        if (!gitPushes(t)) add(scopes, { contents: 'read' });
        continue;
      }
      if (!/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*gh\s/.test(t)) {
        unknown.push(`a run: script that holds the token (\`${t.length > 40 ? `${t.slice(0, 40)}…` : t}\`)`);
        break;
      }
    }
  }
  return { scopes, oidc, unknown, oidcUnknown: opaqueScript || unknown.length > 0, contentsOpaque: contentsOpaque || unknown.length > 0, uses };
}

/** The scopes the job needs that the OIDC flag covers (`id-token`), for a least-privilege block. */
export function leastPrivilege(needs: readonly TokenNeeds[]): Map<string, Level | 'write-id'> {
  const out = new Map<string, Level | 'write-id'>();
  for (const n of needs) {
    for (const [k, v] of n.scopes) if (out.get(k) !== 'write') out.set(k, v);
    if (n.oidc) out.set('id-token', 'write-id');
  }
  return out;
}

/**
 * The scopes a token handed to this `uses:` step needs, from the table of documented actions; undefined for an action
 * the table does not know (or a step that is not an action), whose needs are then unknown.
 */
export function actionTokenScopes(step: Step): ReadonlyMap<string, Level> | undefined {
  const entry = step.action ? ACTIONS.get(step.action) : undefined;
  if (!entry) return undefined;
  const scopes = new Map<string, Level>();
  add(scopes, entry.scopes);
  add(scopes, entry.extra?.(step));
  return scopes;
}
