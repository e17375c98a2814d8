// Attacker-controlled `${{ }}` expressions expanded into `run:` scripts and github-script code before they run.

import type { Scalar } from 'yaml';
import type { Fix, Range, TextEdit } from '../../core/types.js';
import {
  actionTaint,
  findExpressions,
  scalarStrings,
  untrustedPathIn,
  workflowTaint,
  type Expression,
  type TaintScope,
} from '../../models/github-expressions.js';
import { actionOf, workflowOf, type Entry, type Job, type Step } from '../../models/github-workflow.js';
import type { Script } from '../../models/source-file.js';
import { jsContexts, shellContexts } from '../../models/quote-context.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

type Lang = 'shell' | 'js';

/** Names the runner owns, or that change how a shell or Node behaves: never generated. */
const RESERVED = new Set(['PATH', 'HOME', 'SHELL', 'PWD', 'OLDPWD', 'IFS', 'USER', 'LANG', 'TERM', 'TMPDIR', 'CI', 'HOSTNAME', 'PS1', 'PS4', 'ENV', 'BASH_ENV', 'CDPATH', 'LD_PRELOAD', 'NODE_OPTIONS']);
const SKIP_SEGMENTS = new Set(['github', 'event', 'steps', 'needs', 'outputs', 'inputs', '*']);

export function envNameFor(path: string): string {
  const segs = path.split('.').filter((s) => !SKIP_SEGMENTS.has(s));
  let name = segs.join('_').toUpperCase().replace(/[^A-Z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  if (name === '') name = 'VALUE';
  if (/^\d/.test(name) || RESERVED.has(name) || /^(GITHUB|RUNNER|ACTIONS|INPUT)_/.test(name)) name = `UNTRUSTED_${name}`;
  return name;
}

function describe(path: string): string {
  if (path.startsWith('inputs.')) return `the action input '${path}', which the calling workflow may fill with untrusted text`;
  if (path.startsWith('env.') || path.startsWith('steps.') || path.startsWith('needs.')) return `'${path}', which carries attacker-controlled event data set earlier in this file`;
  return `'${path}', text that whoever opens the issue, pull request, comment, branch or commit chooses`;
}

/** The step runs under bash or sh for sure (else a `$VAR` rewrite could mean something else). */
function isPosixShell(step: Step, job: Job | undefined): boolean {
  if (step.shell !== undefined) {
    const first = step.shell.trim().split(/\s+/)[0] ?? '';
    return /^(?:\/usr)?(?:\/bin\/)?(?:bash|sh)$/.test(first);
  }
  if (!job?.runsOn) return false;
  if (job.runsOn.labels.some((l) => /windows/i.test(l))) return false;
  if (job.runsOn.dynamic) return !scalarStrings(job.strategy).some((s) => /windows/i.test(s)) && job.strategy !== undefined;
  return true;
}

interface Sink {
  readonly node: Scalar;
  readonly lang: Lang;
  readonly anchorKey: string;
  readonly label: string;
}

/** The script as a sink: `run:` (shell) or the `script:` of actions/github-script (JavaScript). */
function sinkOf(script: Script): Sink | undefined {
  if (!script.node || typeof script.node.value !== 'string') return undefined;
  if (script.source === 'github-run') return { node: script.node, lang: 'shell', anchorKey: 'run', label: 'run:' };
  if (script.source === 'github-script') return { node: script.node, lang: 'js', anchorKey: 'with', label: 'github-script script:' };
  return undefined;
}

/** Encodes replacement text for the scalar style it goes into. */
function encode(s: string, node: Scalar): string {
  if (node.type === 'QUOTE_SINGLE') return s.replace(/'/g, "''");
  if (node.type === 'QUOTE_DOUBLE') return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return s;
}

function replacementFor(lang: Lang, ctx: string, name: string): string | undefined {
  if (lang === 'shell') {
    switch (ctx) {
      case 'plain':
        return `"\${${name}}"`;
      case 'double':
      case 'heredoc':
      case 'comment':
        return `\${${name}}`;
      case 'single':
        return `'"\${${name}}"'`;
      default:
        return undefined;
    }
  }
  switch (ctx) {
    case 'single':
      return `' + process.env.${name} + '`;
    case 'double':
      return `" + process.env.${name} + "`;
    case 'template':
      return `\${process.env.${name}}`;
    case 'comment':
      return `process.env.${name}`;
    default:
      return undefined;
  }
}

function normExpr(s: string): string {
  return s.replace(/\s+/g, '');
}

interface Occurrence {
  readonly expr: Expression;
  readonly path: string;
  /** where `${{ … }}` sits in the file. */
  readonly range: Range;
}

export default defineRule({
  id: 'template-injection',
  family: 'injection',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: 'Attacker-controlled `${{ }}` expression expanded into a run: script or github-script code',
  cwe: [78, 94],
  fix: 'safe',
  check(ctx) {
    const text = ctx.file.text;
    const yaml = ctx.file.yaml;
    if (!yaml) return;

    const checkStep = (sink: Sink, step: Step, job: Job | undefined, scope: TaintScope, outerEnv: readonly Entry[]): void => {
      const value = sink.node.value as string;
      if (value.length > 200_000) return;
      const exprs = findExpressions(value);
      const tainted = exprs.map((e) => untrustedPathIn(e.inner, scope));
      if (!tainted.some(Boolean)) return;
      const nr = rangeOf(sink.node);
      if (!nr) return;
      // Map each expression of the value onto the file: its source must read the same.
      const src = findExpressions(text.slice(nr.start, nr.end));
      const mapped = src.length === exprs.length && src.every((s, i) => normExpr(s.inner) === normExpr(exprs[i]!.inner));
      const occ: Occurrence[] = [];
      exprs.forEach((e, i) => {
        const path = tainted[i];
        if (!path) return;
        const range = mapped ? { start: nr.start + src[i]!.start, end: nr.start + src[i]!.end } : nr;
        occ.push({ expr: e, path, range });
      });
      const fix = mapped ? buildFix(sink, step, job, exprs, src.map((s) => ({ start: nr.start + s.start, end: nr.start + s.end })), tainted, outerEnv) : undefined;
      for (const o of occ) {
        ctx.report({
          range: o.range,
          message:
            `'\${{ ${o.expr.inner} }}' in ${sink.label} is pasted into the ${sink.lang === 'js' ? 'JavaScript' : 'script'} before it runs, and it reads ${describe(o.path)}: ` +
            `crafted text can run commands with this job's token and secrets. Pass it through env: and use the variable instead (quoted).`,
          fixes: fix ? [fix] : [],
        });
        if (!mapped) break;
      }
    };

    const buildFix = (
      sink: Sink,
      step: Step,
      job: Job | undefined,
      exprs: readonly Expression[],
      fileRanges: readonly Range[],
      tainted: readonly (string | undefined)[],
      outerEnv: readonly Entry[],
    ): Fix | undefined => {
      if (sink.lang === 'shell' && !isPosixShell(step, job)) return undefined;
      const value = sink.node.value as string;
      const contexts: string[] = sink.lang === 'shell' ? shellContexts(value, exprs) : jsContexts(value, exprs);
      const taken = new Set<string>([...step.env, ...outerEnv].map((e) => e.name.toUpperCase()));
      for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) taken.add(m[1]!.toUpperCase());
      const byExpr = new Map<string, string>();
      // Reuse an existing step env entry holding the same expression.
      for (const e of step.env) {
        const only = e.value !== undefined ? findExpressions(e.value) : [];
        if (only.length === 1 && only[0]!.start === 0 && only[0]!.end === e.value!.trim().length) byExpr.set(normExpr(only[0]!.inner), e.name);
      }
      const added: { name: string; value: string }[] = [];
      const edits: TextEdit[] = [];
      for (let i = 0; i < exprs.length; i++) {
        const path = tainted[i];
        if (!path) continue;
        const e = exprs[i]!;
        const key = normExpr(e.inner);
        let name = byExpr.get(key);
        if (!name) {
          const envRef = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(e.inner);
          if (envRef) name = envRef[1]!;
          else {
            const base = envNameFor(path);
            name = base;
            for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
            taken.add(name);
            added.push({ name, value: `\${{ ${e.inner} }}` });
          }
          byExpr.set(key, name);
        }
        // A caller may pass several words on purpose (`args: --a --b`): quoting them is not meaning-preserving.
        if (path.startsWith('inputs.') && contexts[i] === 'plain') return undefined;
        const rep = replacementFor(sink.lang, contexts[i]!, name);
        if (rep === undefined) return undefined;
        const r = fileRanges[i]!;
        if (sink.node.type === 'PLAIN' && r.start === rangeOf(sink.node)?.start && /^["']/.test(rep)) return undefined;
        edits.push({ range: r, newText: encode(rep, sink.node) });
      }
      if (added.length > 0) {
        const envEdits = addMapEntries(ctx.file.text, step.node, 'env', getPair(step.node, sink.anchorKey), added);
        if (!envEdits) return undefined;
        edits.push(...envEdits);
      }
      const names = [...new Set(byExpr.values())].join(', ');
      const many = byExpr.size > 1;
      return { title: `Pass the untrusted value${many ? 's' : ''} through env: (${names}) instead of expanding ${many ? 'them' : 'it'} in the ${sink.lang === 'js' ? 'script' : 'shell'}`, safety: 'safe', edits };
    };

    // The steps of every document, by their YAML node, to give each script of the `scripts` facet its context.
    const steps = new Map<unknown, { step: Step; job: Job | undefined; scope: TaintScope; outerEnv: readonly Entry[] }>();
    for (const doc of yaml.docs) {
      if (ctx.file.kind === 'github-workflow') {
        const wf = workflowOf(doc);
        if (!wf) continue;
        const taint = workflowTaint(wf);
        for (const job of wf.jobs) {
          for (const step of job.steps) steps.set(step.node, { step, job, scope: taint.envOf(job, step), outerEnv: [...wf.env, ...job.env] });
        }
      } else {
        const action = actionOf(doc);
        if (!action) continue;
        // An action under .github/ is a repository's own helper: its callers sit in the same repository, where this
        // rule checks them; a published action's inputs come from anyone's workflow.
        const published = !/(^|[\\/])\.github[\\/]/.test(ctx.file.path);
        for (const step of action.steps) steps.set(step.node, { step, job: undefined, scope: actionTaint(action, step, published), outerEnv: [] });
      }
    }
    for (const script of ctx.file.facets.scripts) {
      const sink = sinkOf(script);
      const at = steps.get(script.holder);
      if (sink && at) checkStep(sink, at.step, at.job, at.scope, at.outerEnv);
    }
  },
});
