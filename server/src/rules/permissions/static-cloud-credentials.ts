// Long-lived cloud keys handed to cloud logins where the CI system can federate with OIDC instead.

import { isMap, isScalar, type Pair } from 'yaml';
import type { Fix, Range, TextEdit } from '../../core/types.js';
import { workflowsIn, type Job, type Step, type Workflow } from '../../models/github-workflow.js';
import { gitlabPipelines, type GitlabJob } from '../../models/gitlab.js';
import { addMapEntries, eolOf } from '../../models/yaml-edit.js';
import { get, getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { removePairLines } from './security-gate-disabled.js';
import { append } from '../../core/arrays.js';

interface Login {
  readonly cloud: string;
  /** inputs that carry a long-lived key. */
  readonly keys: readonly string[];
  /** further inputs that only make sense with the keys (removed by the fix). */
  readonly companions: readonly string[];
  /** the OIDC inputs and placeholders the fix writes; skipped when the step already has that input. */
  readonly oidc: readonly { name: string; value: string }[];
  readonly hint: string;
}

const LOGINS: ReadonlyMap<string, Login> = new Map([
  ['aws-actions/configure-aws-credentials', {
    cloud: 'AWS',
    keys: ['aws-access-key-id', 'aws-secret-access-key'],
    companions: ['aws-session-token'],
    oidc: [{ name: 'role-to-assume', value: 'arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>' }],
    hint: 'configure an IAM role that trusts GitHub\'s OIDC provider and pass `role-to-assume`',
  }],
  ['google-github-actions/auth', {
    cloud: 'Google Cloud',
    keys: ['credentials_json'],
    companions: [],
    oidc: [
      { name: 'workload_identity_provider', value: 'projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/providers/<PROVIDER_ID>' },
      { name: 'service_account', value: '<SERVICE_ACCOUNT>@<PROJECT_ID>.iam.gserviceaccount.com' },
    ],
    hint: 'set up Workload Identity Federation and pass `workload_identity_provider` and `service_account`',
  }],
  ['azure/login', {
    cloud: 'Azure',
    keys: ['creds'],
    companions: [],
    oidc: [
      { name: 'client-id', value: '<AZURE_CLIENT_ID>' },
      { name: 'tenant-id', value: '<AZURE_TENANT_ID>' },
      { name: 'subscription-id', value: '<AZURE_SUBSCRIPTION_ID>' },
    ],
    hint: 'add a federated credential to an app registration or managed identity and pass `client-id`, `tenant-id` and `subscription-id`',
  }],
]);

/** Values computed in the job (a vault or STS step's outputs) are short-lived, not stored keys. */
const COMPUTED_REF = /\b(?:steps|needs|jobs)\./;
const computed = (v: string): boolean => v.includes('${{') && COMPUTED_REF.test(v);

function quoted(value: string): string {
  return /^[<]|[#]/.test(value) ? `'${value}'` : value;
}

function githubFix(text: string, wf: Workflow, job: Job, step: Step, login: Login, present: readonly Pair<unknown, unknown>[]): Fix | undefined {
  const eol = eolOf(text);
  const first = present[0]!;
  const fk = rangeOf(first.key);
  if (!fk) return undefined;
  const ind = text.slice(text.lastIndexOf('\n', fk.start - 1) + 1, fk.start);
  if (!/^ *$/.test(ind)) return undefined;
  const edits: TextEdit[] = [];
  const removals = [...present, ...login.companions.map((c) => getPair(step.withNode, c)).filter((p): p is Pair<unknown, unknown> => p !== undefined)];
  const have = new Set(step.with.map((w) => w.name));
  const add = login.oidc.filter((o) => !have.has(o.name)).map((o) => `${ind}${o.name}: ${quoted(o.value)}${eol}`).join('');
  for (const p of removals) {
    const e = removePairLines(text, p);
    if (!e || e[0]!.newText !== '' || e[0]!.range.end > text.length || text.slice(e[0]!.range.end - 1, e[0]!.range.end) !== '\n') return undefined;
    edits.push(p === first ? { range: e[0]!.range, newText: add } : e[0]!);
  }
  const perms = permissionEdits(text, wf, job);
  if (!perms) return undefined;
  append(edits, perms);
  return { title: `Switch this ${login.cloud} login to OIDC (fill in the placeholders) and allow \`id-token: write\``, safety: 'unsafe', edits };
}

/** Edits giving the job `id-token: write`; [] when it already has it; undefined when not mechanical. */
function permissionEdits(text: string, wf: Workflow, job: Job): TextEdit[] | undefined {
  const own = job.permissions;
  if (own) {
    if (own.kind === 'write-all') return [];
    if (own.kind !== 'map' && own.kind !== 'none') return undefined;
    if (own.scopes.get('id-token')?.value === 'write') return [];
    if (own.scopes.has('id-token') || !isMap(own.node) || own.node.items.length === 0) return undefined;
    return addMapEntries(text, job.node, 'permissions', undefined, [{ name: 'id-token', value: 'write' }]);
  }
  const inherited = wf.permissions;
  if (inherited?.kind === 'write-all') return [];
  if (inherited?.kind === 'map' && inherited.scopes.get('id-token')?.value === 'write') return [];
  // A job block replaces the workflow's: carry its scopes over, else start from `contents: read`.
  const scopes = inherited?.kind === 'map' && inherited.scopes.size > 0
    ? [...inherited.scopes].filter(([n]) => n !== 'id-token').map(([name, s]) => ({ name, value: s.value }))
    : [{ name: 'contents', value: 'read' }];
  return addMapEntries(text, job.node, 'permissions', getPair(job.node, 'steps'), [...scopes, { name: 'id-token', value: 'write' }]);
}

const AWS_KEY_NAME = /\bAWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\b/;
const AWS_CONFIGURE_KEY = /\baws[ \t]+configure[ \t]+set[ \t]+(?:default\.)?aws_(?:access_key_id|secret_access_key)\b/;
const WEB_IDENTITY = /assume-role-with-web-identity|AWS_WEB_IDENTITY_TOKEN_FILE|AWS_ROLE_ARN/;

function gitlabJobUse(job: GitlabJob): { node: unknown; index: number; length: number } | undefined {
  for (const v of job.variables) {
    if (AWS_KEY_NAME.test(v.name) && v.value !== undefined && /\$/.test(v.value)) return { node: v.key, index: 0, length: v.name.length };
  }
  for (const line of job.scripts) {
    if (/^\s*unset\b/.test(line.text)) continue;
    const m = AWS_KEY_NAME.exec(line.text) ?? AWS_CONFIGURE_KEY.exec(line.text);
    if (m) return { node: line.node, index: m.index, length: m[0].length };
  }
  return undefined;
}

function hasWebIdentity(job: GitlabJob): boolean {
  return get(job.node, 'id_tokens') !== undefined || job.scripts.some((l) => WEB_IDENTITY.test(l.text)) || job.variables.some((v) => WEB_IDENTITY.test(v.name));
}

export default defineRule({
  id: 'static-cloud-credentials',
  family: 'permissions',
  kinds: ['github-workflow', 'gitlab-ci'],
  severity: 'medium',
  description: 'Long-lived cloud keys passed to a cloud login where OIDC federation is available',
  cwe: [798, 522],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const login = step.action ? LOGINS.get(step.action) : undefined;
          if (!login) continue;
          const present = step.with.filter((w) => login.keys.includes(w.name) && w.value !== undefined && w.value.trim() !== '' && !computed(w.value));
          if (present.length === 0) continue;
          const range = rangeOf(present[0]!.key);
          if (!range) continue;
          const fix = githubFix(text, wf, job, step, login, present.map((p) => p.pair));
          ctx.report({
            range,
            message: `\`${step.action}\` logs in to ${login.cloud} with a long-lived key (\`${present.map((p) => p.name).join('`, `')}\`): anyone who gets the secret can use it from anywhere until someone rotates it. GitHub Actions can federate with OIDC instead: ${login.hint}, with \`permissions: id-token: write\` on the job.`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
    if (ctx.file.kind !== 'gitlab-ci') return;
    for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) {
      const byName = new Map(p.jobs.map((j) => [j.name, j]));
      const defaultTokens = get(p.default, 'id_tokens') !== undefined;
      for (const job of p.jobs) {
        if (defaultTokens || hasWebIdentity(job)) continue;
        // A template we cannot see may provide `id_tokens:`: unknown.
        const parents = job.extends.map((n) => byName.get(n));
        if (parents.some((x) => x === undefined || hasWebIdentity(x))) continue;
        const use = gitlabJobUse(job);
        if (!use) continue;
        const r = rangeOf(use.node);
        if (!r) continue;
        const node = use.node as { value?: unknown };
        const verbatim = isScalar(use.node) && typeof node.value === 'string' && text.slice(r.start, r.end) === node.value;
        const range: Range = verbatim ? { start: r.start + use.index, end: r.start + use.index + use.length } : r;
        ctx.report({
          range,
          message: `Job \`${job.name}\` uses long-lived AWS access keys, which work from anywhere until someone rotates them. GitLab can federate with AWS through OIDC: add \`id_tokens:\` (e.g. \`AWS_TOKEN: { aud: https://gitlab.com }\`) and exchange the token with \`aws sts assume-role-with-web-identity\` (or set \`AWS_ROLE_ARN\` and \`AWS_WEB_IDENTITY_TOKEN_FILE\`).`,
        });
      }
    }
  },
});
