// `actions/checkout` leaving the job token in .git/config in jobs that upload artifacts or hold a write token, and
// artifacts that include such a checkout's .git directory (artipacked).

import type { Fix } from '../../core/types.js';
import { effectivePermissions, grantsWrite, workflowsIn, type Job, type Step } from '../../models/github-workflow.js';
import { workspaceDir } from '../../models/workspace-execution.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const UPLOADERS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact']);
/** Actions that push with the credentials checkout left behind. */
const GIT_PUSHERS = new Set(['stefanzweifel/git-auto-commit-action', 'endbug/add-and-commit', 'ad-m/github-push-action', 'changesets/action']);
const REMOTE_GIT = /\bgit\s+(?:-C\s+\S+\s+)?(?:push|fetch|pull|ls-remote|submodule)\b/;

/** A later step talks to the remote with git: turning persistence off would change what it does. */
function laterStepUsesGit(steps: readonly Step[], after: number): boolean {
  return steps.slice(after + 1).some((s) => (s.action !== undefined && GIT_PUSHERS.has(s.action)) || (typeof s.run?.value === 'string' && REMOTE_GIT.test(s.run.value)));
}

function fixFor(text: string, step: Step): Fix | undefined {
  const edits = addMapEntries(text, step.node, 'with', undefined, [{ name: 'persist-credentials', value: 'false' }]);
  return edits ? { title: 'Add `persist-credentials: false` to this checkout', safety: 'safe', edits } : undefined;
}

/**
 * `actions/upload-artifact` before v4.4.0 packs hidden files (`.git`) by default; later versions only with
 * `include-hidden-files: true`. The version comes from the ref or a `# vX.Y.Z` comment after a SHA; undefined: unknown.
 */
function uploadsHiddenFiles(text: string, step: Step): boolean | undefined {
  if (step.with.some((w) => w.name === 'include-hidden-files' && w.value === 'true')) return true;
  const ref = step.usesValue?.slice(step.usesValue.indexOf('@') + 1) ?? '';
  let version = /^v?(\d+)(?:\.(\d+))?/.exec(ref);
  if (!version && /^[0-9a-f]{40}$/.test(ref)) {
    const r = rangeOf(step.uses);
    const nl = r ? text.indexOf('\n', r.end) : -1;
    const rest = r ? text.slice(r.end, nl === -1 ? text.length : nl) : '';
    version = /#\s*v?(\d+)(?:\.(\d+))?/.exec(rest);
  }
  if (!version) return /^(?:main|master)$/.test(ref) ? false : undefined;
  const major = Number(version[1]);
  const minor = version[2] === undefined ? undefined : Number(version[2]);
  if (major < 4) return true;
  if (major > 4 || minor === undefined) return false;
  return minor < 4;
}

/** The upload's included paths (one per line, `!` lines exclude), as workspace directories; root globs count as the root. */
function uploadDirs(step: Step): { raw: string; dir: string }[] {
  const value = step.with.find((w) => w.name === 'path')?.value;
  if (value === undefined) return [];
  const out: { raw: string; dir: string }[] = [];
  for (const line of value.split('\n')) {
    const raw = line.trim();
    if (raw === '' || raw.startsWith('!') || raw.startsWith('#')) continue;
    // `dir/**`, `./*`: everything under `dir`; a narrower glob (`*.log`) does not take .git.
    const norm = raw.replace(/^\$\{\{\s*github\.workspace\s*\}\}/i, '.');
    if (norm.includes('${{')) continue;
    const segs = norm.split('/');
    const g = segs.findIndex((x) => /[*?[{]/.test(x));
    if (g !== -1 && segs[g] !== '*' && segs[g] !== '**') continue;
    const base = g === -1 ? norm : segs.slice(0, g).join('/');
    const dir = workspaceDir(base === '' ? '.' : base);
    if (dir !== undefined) out.push({ raw, dir });
  }
  return out;
}

/** A checkout whose .git directory (with the persisted token) an upload of the job includes. */
function artipacked(text: string, job: Job): { upload: Step; checkout: Step; raw: string; dir: string }[] {
  const out: { upload: Step; checkout: Step; raw: string; dir: string }[] = [];
  const persisted: { step: Step; dir: string }[] = [];
  for (const step of job.steps) {
    if (step.action === 'actions/checkout') {
      const pc = step.with.find((w) => w.name === 'persist-credentials')?.value;
      const dir = workspaceDir(step.with.find((w) => w.name === 'path')?.value);
      if (pc !== 'false' && dir !== undefined) persisted.push({ step, dir });
      continue;
    }
    if (step.action !== 'actions/upload-artifact' || persisted.length === 0 || !uploadsHiddenFiles(text, step)) continue;
    for (const u of uploadDirs(step)) {
      const hit = persisted.find((c) => u.dir === '' || c.dir === u.dir || c.dir.startsWith(`${u.dir}/`));
      if (hit) {
        out.push({ upload: step, checkout: hit.step, raw: u.raw, dir: hit.dir });
        break;
      }
    }
  }
  return out;
}

export default defineRule({
  id: 'credential-persistence',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: '`actions/checkout` keeps the token in .git/config in a job that uploads artifacts or can write, or an artifact includes that .git',
  cwe: [522],
  fix: 'safe',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      for (const job of wf.jobs) {
        const uploads = job.steps.some((s) => s.action !== undefined && UPLOADERS.has(s.action));
        const writes = grantsWrite(effectivePermissions(wf, job));
        if (!uploads && !writes) continue;
        job.steps.forEach((step, i) => {
          if (step.action !== 'actions/checkout') return;
          // An explicit value (even `true`, or an expression) is a decision the author made.
          if (step.with.some((w) => w.name === 'persist-credentials')) return;
          const range = rangeOf(step.uses) ?? rangeOf(getPair(step.node, 'uses')?.key);
          if (!range) return;
          const why = uploads ? 'this job uploads artifacts, which may include .git/config' : 'this job holds a write token';
          const usesGit = laterStepUsesGit(job.steps, i);
          const fix = usesGit ? undefined : fixFor(ctx.file.text, step);
          ctx.report({
            range,
            message: usesGit
              ? `actions/checkout stores the job's token in .git/config by default, where every later step (and ${why}) can read it. A later step uses git against the remote: give that step the token explicitly (for example in its remote URL) and set \`persist-credentials: false\`.`
              : `actions/checkout stores the job's token in .git/config by default, where every later step (and ${why}) can read it. Set \`persist-credentials: false\`.`,
            fixes: fix ? [fix] : [],
          });
        });
        for (const a of artipacked(ctx.file.text, job)) {
          const pathNode = a.upload.with.find((w) => w.name === 'path')?.valueNode;
          const range = rangeOf(pathNode) ?? rangeOf(a.upload.uses);
          if (!range) continue;
          const explicit = a.checkout.with.some((w) => w.name === 'persist-credentials');
          const index = job.steps.indexOf(a.checkout);
          const fix = explicit || laterStepUsesGit(job.steps, index) ? undefined : fixFor(ctx.file.text, a.checkout);
          const line = ctx.file.lines.positionAt(rangeOf(a.checkout.uses)?.start ?? 0).line + 1;
          ctx.report({
            range,
            severity: 'high',
            message:
              `This artifact uploads '${a.raw}', which contains the checkout of line ${line}${a.dir ? ` (in '${a.dir}')` : ''} and its .git/config, where actions/checkout stored the job's token: anyone who can download the artifact gets the token. ` +
              'Set `persist-credentials: false` on that checkout, or upload only the build output.',
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});
