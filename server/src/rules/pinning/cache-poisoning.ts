// Caches restored by jobs that publish releases: a cache poisoned from any other workflow ends up in what you ship.

import { isMap, type Pair } from 'yaml';
import type { Fix, TextEdit } from '../../core/types.js';
import { parseVersion, trailingVersionComment } from '../../models/action-versions.js';
import { publishCommand } from '../../models/publish-commands.js';
import { scalarText, workflowsIn, type Job, type Step, type Trigger } from '../../models/github-workflow.js';
import { eolOf, addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Actions that publish a package, a release or an image: their job ships what it built. */
const PUBLISHERS = new Set([
  'pypa/gh-action-pypi-publish',
  'rubygems/release-gem',
  'goreleaser/goreleaser-action',
  'jreleaser/release-action',
  'softprops/action-gh-release',
  'ncipollo/release-action',
  'googleapis/release-please-action',
  'docker/build-push-action',
  'redhat-actions/push-to-registry',
  'js-devtools/npm-publish',
  'changesets/action',
]);

type Toggle = { readonly kind: 'opt-in'; readonly input: string; readonly values?: readonly string[] } | { readonly kind: 'default-on'; readonly input: string; readonly sinceMajor?: number } | { readonly kind: 'opt-out'; readonly input: string };

/** How each cache-aware action turns caching on, and what the fix is. */
const CACHERS: ReadonlyMap<string, { readonly toggle: Toggle; readonly fix?: 'remove' | 'false' }> = new Map([
  ['actions/cache', { toggle: { kind: 'opt-out', input: 'lookup-only' } }],
  ['actions/cache/restore', { toggle: { kind: 'opt-out', input: 'lookup-only' } }],
  ['actions/setup-node', { toggle: { kind: 'opt-in', input: 'cache', values: ['npm', 'yarn', 'pnpm'] }, fix: 'remove' }],
  ['actions/setup-python', { toggle: { kind: 'opt-in', input: 'cache' }, fix: 'remove' }],
  ['actions/setup-java', { toggle: { kind: 'opt-in', input: 'cache' }, fix: 'remove' }],
  ['actions/setup-dotnet', { toggle: { kind: 'opt-in', input: 'cache', values: ['true'] }, fix: 'remove' }],
  ['actions/setup-go', { toggle: { kind: 'default-on', input: 'cache', sinceMajor: 4 }, fix: 'false' }],
  ['astral-sh/setup-uv', { toggle: { kind: 'opt-in', input: 'enable-cache', values: ['true'] }, fix: 'false' }],
  ['ruby/setup-ruby', { toggle: { kind: 'opt-in', input: 'bundler-cache', values: ['true'] }, fix: 'remove' }],
  ['swatinem/rust-cache', { toggle: { kind: 'opt-out', input: 'lookup-only' } }],
  ['gradle/actions/setup-gradle', { toggle: { kind: 'opt-out', input: 'cache-disabled' } }],
]);

/**
 * A workflow that exists to release: every trigger is a release, a tag push or a manual run (so each job is part of
 * shipping). A CI workflow that also runs on tags is judged job by job instead.
 */
function releaseWorkflow(triggers: readonly Trigger[]): string | undefined {
  let why: string | undefined;
  for (const t of triggers) {
    if (t.name === 'release') why ??= 'the `release` event';
    else if (t.name === 'push' && getPair(t.config, 'tags') && !getPair(t.config, 'branches') && !getPair(t.config, 'branches-ignore')) why ??= 'tag pushes';
    else if (t.name !== 'workflow_dispatch') return undefined;
  }
  return why;
}

/** What in the job publishes, for the message. */
function publishes(job: Job): string | undefined {
  for (const s of job.steps) {
    if (s.action && PUBLISHERS.has(s.action) && !(s.action === 'docker/build-push-action' && !/^true$/i.test(input(s, 'push').value ?? ''))) return `'${s.action}'`;
    const run = scalarText(s.run);
    if (run === undefined || run.length > 100_000) continue;
    for (const line of run.split('\n')) {
      const cmd = publishCommand(line);
      if (cmd) return `\`${cmd}\``;
    }
  }
  return undefined;
}

const input = (step: Step, name: string): { value: string | undefined; pair: Pair<unknown, unknown> | undefined } => {
  const e = step.with.find((w) => w.name === name);
  return { value: e?.value, pair: e?.pair };
};

/** The major version a step runs, from its tag or its SHA's version comment; undefined when unknown. */
function majorOf(text: string, step: Step): number | undefined {
  const uses = step.usesValue ?? '';
  const at = uses.lastIndexOf('@');
  const ref = at === -1 ? '' : uses.slice(at + 1);
  const v = parseVersion(ref) ?? (/^[0-9a-f]{40}$/.test(ref) && step.uses ? parseVersion(trailingVersionComment(text, rangeOf(step.uses)?.end ?? 0)?.version) : undefined);
  return v?.parts[0];
}

/** Whether the step restores a cache, and the input that turns it on (for the message and the fix). */
function caches(text: string, step: Step): { input?: string; pair?: Pair<unknown, unknown>; entry: { toggle: Toggle; fix?: 'remove' | 'false' } } | undefined {
  const entry = step.action ? CACHERS.get(step.action) : undefined;
  if (!entry) return undefined;
  const t = entry.toggle;
  switch (t.kind) {
    case 'opt-out': {
      const v = input(step, t.input).value;
      return v !== undefined && /^true$/i.test(v.trim()) ? undefined : { entry };
    }
    case 'opt-in': {
      const { value, pair } = input(step, t.input);
      if (value === undefined || value.trim() === '' || value.includes('${{')) return undefined;
      if (t.values && !t.values.includes(value.trim().toLowerCase())) return undefined;
      return pair ? { input: t.input, pair, entry } : undefined;
    }
    case 'default-on': {
      const { value, pair } = input(step, t.input);
      if (value !== undefined) return /^true$/i.test(value.trim()) && pair ? { input: t.input, pair, entry } : undefined;
      const major = majorOf(text, step);
      return major !== undefined && major >= (t.sinceMajor ?? 0) ? { input: t.input, entry } : undefined;
    }
  }
}

/** Lines `[start, end)` holding a block-map pair, when it sits alone on its own lines. */
function pairLines(text: string, pair: Pair<unknown, unknown>): { start: number; end: number } | undefined {
  const k = rangeOf(pair.key);
  const v = rangeOf(pair.value) ?? k;
  if (!k || !v) return undefined;
  const start = text.lastIndexOf('\n', k.start - 1) + 1;
  if (text.slice(start, k.start).trim() !== '') return undefined;
  let end = v.end;
  if (text[end - 1] !== '\n') {
    const nl = text.indexOf('\n', end);
    const rest = nl === -1 ? '' : text.slice(end, nl);
    const hash = rest.indexOf('#');
    if ((hash === -1 ? rest : rest.slice(0, hash)).trim() !== '') return undefined;
    end = nl === -1 ? text.length : nl + 1;
  }
  return { start, end };
}

function fixFor(text: string, step: Step, hit: NonNullable<ReturnType<typeof caches>>): Fix[] {
  const withPair = getPair(step.node, 'with');
  const map = withPair?.value;
  if (hit.entry.fix === 'false') {
    if (hit.pair) {
      const r = rangeOf(hit.pair.value);
      return r ? [{ title: `Set \`${hit.input}: false\``, safety: 'unsafe', edits: [{ range: r, newText: 'false' }] }] : [];
    }
    const edits = addMapEntries(text, step.node, 'with', undefined, [{ name: hit.input ?? 'cache', value: 'false' }]);
    return edits ? [{ title: `Add \`${hit.input ?? 'cache'}: false\``, safety: 'unsafe', edits }] : [];
  }
  if (hit.entry.fix !== 'remove' || !hit.pair || !isMap(map) || map.flow) return [];
  // The only input: remove `with:` too, so no empty mapping is left behind.
  const target = map.items.length === 1 && withPair ? withPair : hit.pair;
  const lines = pairLines(text, target);
  if (!lines) return [];
  const edit: TextEdit = { range: lines, newText: '' };
  // Deleting the last line of a file that has no final line break must not join the previous line to nothing.
  if (lines.end === text.length && !text.endsWith('\n') && lines.start > 0) {
    const eol = eolOf(text);
    return [{ title: `Remove \`${hit.input}:\``, safety: 'unsafe', edits: [{ range: { start: lines.start - eol.length, end: lines.end }, newText: '' }] }];
  }
  return [{ title: `Remove \`${hit.input}:\` (the release job then builds without the cache)`, safety: 'unsafe', edits: [edit] }];
}

export default defineRule({
  id: 'cache-poisoning',
  family: 'pinning',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: 'Cache restored in a workflow or job that publishes releases',
  cwe: [349],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      const byTrigger = releaseWorkflow(wf.triggers);
      for (const job of wf.jobs) {
        const publisher = publishes(job);
        const why = publisher ? `publishes (${publisher})` : byTrigger ? `is part of a release workflow (it runs on ${byTrigger} only)` : undefined;
        if (!why) continue;
        reportJob(job, why);
      }
    }
    function reportJob(job: Job, why: string): void {
      for (const step of job.steps) {
        const hit = caches(text, step);
        if (!hit || !step.uses) continue;
        const range = rangeOf(hit.pair?.key) ?? rangeOf(step.uses);
        if (!range) continue;
        ctx.report({
          range,
          message:
            `Job '${job.id}' ${why} and restores a cache through '${step.action}'${hit.input ? ` (\`${hit.input}\`)` : ''}: caches are shared with the default branch, so a workflow an attacker can influence there (a pull_request_target job, an injected script) can plant a poisoned cache that this release job restores and ships. ` +
            'Build releases without restored caches.',
          fixes: fixFor(text, step, hit),
        });
      }
    }
  },
});
