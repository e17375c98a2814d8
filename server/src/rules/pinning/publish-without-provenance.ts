// Release jobs that publish packages or images with no provenance or signature, and PyPI publishing with a token where trusted publishing works.

import type { Fix, Range, TextEdit } from '../../core/types.js';
import { effectivePermissions, workflowsIn, type Job, type Step, type Workflow } from '../../models/github-workflow.js';
import { scriptCommands } from '../../models/file-commands.js';
import { programIndex, programNameAt, type Command } from '../../models/shell-words.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import type { Script } from '../../models/scripts.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { scalarText } from '../../models/yaml-values.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';
import { lineStartOf } from '../../core/text.js';

/** Actions that attest or sign what the job built. */
const ATTESTERS = new Set(['actions/attest-build-provenance', 'actions/attest', 'actions/attest-sbom']);
const SLSA_GENERATOR = 'slsa-framework/slsa-github-generator';
const PYPI_PUBLISH = 'pypa/gh-action-pypi-publish';

/** A registry on the build machine (a Verdaccio, a `registry:2` container) used to test a publish. */
const LOCAL = /^(?:[a-z]+:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?:[:/]|$)/i;

interface Publish {
  readonly range: Range;
  readonly what: string;
}

function hasWord(cmd: Command, from: number, test: (v: string) => boolean): boolean {
  for (let i = from; i < cmd.length; i++) if (test(cmd[i]!.value)) return true;
  return false;
}

/** What a command publishes without provenance, or 'signs' when it signs or attests. */
/** The programs `classify` knows: any other command is passed over before its words are copied. */
const PUBLISHERS = new Set(['cosign', 'docker', 'npm', 'pnpm', 'yarn', 'twine', 'gh', 'goreleaser']);

function classify(cmd: Command, npmProvenanceEnv: boolean): Publish | 'signs' | undefined {
  const at = programIndex(cmd);
  if (at === -1) return undefined;
  const prog = programNameAt(cmd, at);
  if (prog === undefined || !PUBLISHERS.has(prog)) return undefined;
  const args = cmd.slice(at + 1).map((w) => w.value);
  const local = args.some((a, i) => LOCAL.test(a.startsWith('--registry=') ? a.slice(11) : args[i - 1] === '--registry' ? a : ''));
  const dryRun = args.includes('--dry-run') || local;
  const word = cmd[at]!;
  switch (prog) {
    case 'cosign':
      return args[0] === 'sign' || args[0] === 'attest' || args[0] === 'sign-blob' || args[0] === 'attest-blob' ? 'signs' : undefined;
    case 'docker':
      if (args[0] === 'push' && !dryRun && !LOCAL.test(args.filter((a) => !a.startsWith('-'))[1] ?? '')) return { range: word.range, what: '`docker push`' };
      if (args[0] === 'buildx' && (args[1] === 'build' || args[1] === 'bake') && hasWord(cmd, at + 1, (v) => v === '--push' || v === '--output=type=registry' || v === 'type=registry')) {
        if (hasWord(cmd, at + 1, (v) => v.startsWith('--provenance') || v.startsWith('--attest'))) return undefined;
        return { range: word.range, what: `\`docker buildx ${args[1]} --push\`` };
      }
      return undefined;
    case 'npm':
    case 'pnpm':
    case 'yarn': {
      const publish = args[0] === 'publish' || (prog === 'yarn' && args[0] === 'npm' && args[1] === 'publish');
      if (!publish || dryRun) return undefined;
      if (args.some((a) => a === '--provenance' || a === '--provenance=true')) return 'signs';
      if (npmProvenanceEnv) return 'signs';
      return { range: word.range, what: `\`${prog} publish\` without \`--provenance\`` };
    }
    case 'twine':
      return args[0] === 'upload' ? { range: word.range, what: '`twine upload`' } : undefined;
    case 'gh':
      return args[0] === 'release' && args[1] === 'upload' ? { range: word.range, what: '`gh release upload`' } : undefined;
    case 'goreleaser':
      return !dryRun && (args.length === 0 || args[0] === 'release' || args[0] === '--clean' || args[0] === '--rm-dist') && !args.includes('--snapshot') && !args.includes('--skip=publish') ? { range: word.range, what: '`goreleaser release`' } : undefined;
    default:
      return undefined;
  }
}

function npmProvenance(entries: readonly { name: string; value: string | undefined }[]): boolean {
  return entries.some((e) => e.name.toUpperCase() === 'NPM_CONFIG_PROVENANCE' && e.value !== undefined && /^(true|1)$/i.test(e.value));
}

/** Publishes of one job and whether anything in it signs or attests. */
function scanJob(job: Job, byHolder: ReadonlyMap<object, Script[]>): { publishes: Publish[]; signs: boolean } {
  const publishes: Publish[] = [];
  let signs = false;
  const jobEnvProv = npmProvenance(job.env);
  for (const step of job.steps) {
    if (step.action && ATTESTERS.has(step.action)) signs = true;
    if (step.action === 'goreleaser/goreleaser-action') {
      const a = step.with.find((e) => e.name === 'args')?.value ?? '';
      if (/\brelease\b/.test(a) && !/--snapshot|--skip=publish/.test(a)) publishes.push({ range: rangeOf(step.uses) ?? step.range, what: '`goreleaser release`' });
    }
    const scripts = byHolder.get(step.node as object);
    if (!scripts) continue;
    const prov = jobEnvProv || npmProvenance(step.env);
    for (const sc of scripts) {
      const cmdList = scriptCommands(sc);
      for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
        const cmd = cmdList[cmdAt]!;
        const c = classify(cmd, prov);
        if (c === 'signs') signs = true;
        else if (c) publishes.push(c);
      }
    }
  }
  return { publishes, signs };
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Edits deleting whole lines of `with:` entries (the `with:` key too when nothing else is left), or undefined. */
function removeInputs(text: string, step: Step, names: readonly string[]): TextEdit[] | undefined {
  const entries = step.with;
  const drop = entries.filter((e) => names.includes(e.name));
  const edits: TextEdit[] = [];
  const withPair = getPair(step.node, 'with');
  if (!withPair) return undefined;
  const whole = drop.length === entries.length;
  const targets = whole ? [{ start: rangeOf(withPair.key)?.start, end: rangeOf(withPair.value)?.end }] : drop.map((e) => ({ start: rangeOf(e.key)?.start, end: rangeOf(e.valueNode)?.end }));
  for (const t of targets) {
    if (t.start === undefined || t.end === undefined) return undefined;
    const s = lineStartOf(text, t.start);
    // only whole lines holding just this entry
    if (!/^ *$/.test(text.slice(s, t.start))) return undefined;
    const endLine = text[t.end - 1] === '\n' ? t.end : lineEndAfter(text, t.end);
    const rest = text.slice(t.end, endLine);
    if (!/^[ \t]*(#[^\n]*)?\r?\n?$/.test(rest)) return undefined;
    edits.push({ range: { start: s, end: endLine }, newText: '' });
  }
  return edits;
}

function pypiFix(text: string, wf: Workflow, job: Job, step: Step): Fix | undefined {
  const user = step.with.find((e) => e.name === 'user');
  const names = ['password', ...(user?.value === '__token__' ? ['user'] : [])];
  const removal = removeInputs(text, step, names);
  if (!removal) return undefined;
  const edits: TextEdit[] = [...removal];
  const perms = job.permissions;
  const eff = effectivePermissions(wf, job);
  const granted = eff?.kind === 'write-all' || eff?.scopes.get('id-token')?.value === 'write';
  if (!granted) {
    if (perms && perms.kind !== 'map') return undefined;
    const idToken = perms?.scopes.get('id-token');
    if (idToken) edits.push({ range: idToken.range, newText: 'write' });
    else {
      const add = perms ? [{ name: 'id-token', value: 'write' }] : [{ name: 'contents', value: 'read' }, { name: 'id-token', value: 'write' }];
      const e = addMapEntries(text, job.node, 'permissions', getPair(job.node, 'steps'), add);
      if (!e) return undefined;
      append(edits, e);
    }
  }
  return { title: 'Use PyPI trusted publishing: remove the token and grant `id-token: write`', safety: 'unsafe', edits };
}

export default defineRule({
  id: 'publish-without-provenance',
  family: 'pinning',
  kinds: ['github-workflow'],
  severity: 'info',
  description: 'A release job publishes packages or images without provenance or a signature, or publishes to PyPI with a long-lived token',
  cwe: [345, 353],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    const byHolder = new Map<object, Script[]>();
    for (const sc of ctx.file.facets.scripts) {
      if (sc.source !== 'github-run' || typeof sc.holder !== 'object' || sc.holder === null) continue;
      const list = byHolder.get(sc.holder) ?? [];
      list.push(sc);
      byHolder.set(sc.holder, list);
    }
    for (const wf of workflowsIn(ctx.file)) {
      // The SLSA generator runs as its own job (a reusable workflow) over the other jobs' outputs.
      const slsa = wf.jobs.some((j) => scalarText(j.uses)?.toLowerCase().startsWith(SLSA_GENERATOR) || j.steps.some((s) => s.action?.startsWith(SLSA_GENERATOR)));
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (step.action !== PYPI_PUBLISH) continue;
          const pw = step.with.find((e) => e.name === 'password');
          if (!pw || pw.value === undefined || pw.value.trim() === '') continue;
          const fix = pypiFix(text, wf, job, step);
          ctx.report({
            range: rangeOf(pw.key) ?? step.range,
            severity: 'low',
            message: `\`${PYPI_PUBLISH}\` in job '${job.id}' publishes with a PyPI API token: a long-lived token that leaks (logs, a compromised step, a fork) lets anyone publish to the project until it is revoked, and the upload gets no attestation. Configure a trusted publisher for this workflow on PyPI, remove \`password:\` and grant the job \`id-token: write\`.`,
            ...(fix && { fixes: [fix] }),
          });
        }
        if (slsa) continue;
        const { publishes, signs } = scanJob(job, byHolder);
        if (signs || publishes.length === 0) continue;
        const first = publishes[0]!;
        ctx.report({
          range: first.range,
          message: `Job '${job.id}' publishes (${[...new Set(publishes.map((p) => p.what))].join(', ')}) with no provenance or signature step: consumers cannot verify that the artifact was built from this repository by this workflow, so a stolen publish token or a tampered build goes unnoticed. Add \`actions/attest-build-provenance\` (with \`id-token: write\` and \`attestations: write\`), sign with \`cosign sign\`, or use \`npm publish --provenance\`.`,
        });
      }
    }
  },
});
