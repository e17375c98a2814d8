// Attacker-controlled `${{ }}` expressions expanded into `run:` scripts and github-script code before they run.

import type { Scalar } from 'yaml';
import type { Fix, Range, Severity, TextEdit } from '../../core/types.js';
import {
  actionTaint,
  contextPaths,
  findExpressions,
  scalarStrings,
  untrustedPathIn,
  workflowTaint,
  type Expression,
  type TaintScope,
} from '../../models/github-expressions.js';
import { inputExposure } from '../../models/github-triggers.js';
import { actionOf, workflowOf, type Entry, type Job, type Step, type Workflow } from '../../models/github-workflow.js';
import type { Script } from '../../models/source-file.js';
import { jsContexts, shellContexts } from '../../models/quote-context.js';
import { atCommandStart, runCommands, varRefs } from '../../models/shell-expansions.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

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

/**
 * How directly an outsider chooses the text: `event` (issue, PR, comment, branch, commit text), `derived` (an env
 * variable or output set from it in this file), `action-input` (a published action's input: as untrusted as its
 * callers make it), `call-input` / `dispatch-input` (a reusable workflow's or a manual run's input), `dispatch-payload`
 * (`repository_dispatch`), `actor-code` (a login, whose charset cannot quote or separate, pasted where code is parsed).
 */
type Tier = 'event' | 'derived' | 'action-input' | 'call-input' | 'dispatch-input' | 'dispatch-payload' | 'actor-code';

interface Hit {
  readonly path: string;
  readonly tier: Tier;
}

const SEVERITY: Readonly<Record<Tier, Severity>> = {
  event: 'high',
  derived: 'high',
  'action-input': 'medium',
  'call-input': 'medium',
  'dispatch-input': 'low',
  'dispatch-payload': 'low',
  'actor-code': 'low',
};

/** Logins: letters, digits and dashes (`[bot]` for apps). Harmless inside a string, not where a program name goes. */
const LOGIN = /^github\.(?:actor|triggering_actor|event\.(?:sender|(?:issue|pull_request|comment|review|discussion)\.user)\.login)$/;
const WORKFLOW_INPUT = /^(?:github\.event\.)?inputs\.([a-z0-9_-]+)$/;
/** Input names that say the value is code or command-line words. */
const CODE_INPUT = /(?:^|[-_])(?:command|commands|cmd|script|run|args|arguments|flags|options|opts)$/;
const CALLER_TIERS: ReadonlySet<Tier> = new Set(['action-input', 'call-input', 'dispatch-input', 'dispatch-payload']);

function describe(hit: Hit): string {
  const { path } = hit;
  switch (hit.tier) {
    case 'action-input':
      return `the action input '${path}', which the calling workflow may fill with untrusted text`;
    case 'derived':
      return `'${path}', which carries attacker-controlled event data set earlier in this file`;
    case 'call-input':
      return `the reusable-workflow input '${path}', which a calling workflow may fill with event text`;
    case 'dispatch-input':
      return `the workflow input '${path}', which whoever starts the run (with write access) types in`;
    case 'dispatch-payload':
      return `'${path}', which the sender of a repository_dispatch event chooses`;
    case 'actor-code':
      return `'${path}', a login that becomes the command name here`;
    default:
      return `'${path}', text that whoever opens the issue, pull request, comment, branch or commit chooses`;
  }
}

/** A value an outsider (or a caller) chooses, read by the expression; `code`: the expression sits where code is parsed. */
function classify(inner: string, scope: TaintScope, wf: Workflow | undefined, code: boolean): Hit | undefined {
  const p = untrustedPathIn(inner, scope);
  if (p) {
    if (p.startsWith('inputs.')) return { path: p, tier: 'action-input' };
    if (p.startsWith('env.') || p.startsWith('steps.') || p.startsWith('needs.')) return { path: p, tier: 'derived' };
    return { path: p, tier: 'event' };
  }
  let hit: Hit | undefined;
  for (const path of contextPaths(inner)) {
    const input = wf ? WORKFLOW_INPUT.exec(path) : null;
    if (input && wf) {
      const exposure = inputExposure(wf, input[1]!);
      if (exposure === 'call') return { path, tier: 'call-input' };
      if (exposure === 'dispatch') hit ??= { path, tier: 'dispatch-input' };
    } else if (path.startsWith('github.event.client_payload')) hit ??= { path, tier: 'dispatch-payload' };
    else if (code && LOGIN.test(path)) hit ??= { path, tier: 'actor-code' };
  }
  return hit;
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
  readonly hit: Hit;
  /** where `${{ … }}` sits in the file. */
  readonly range: Range;
}

/** Where a shell script parses text as code a second time: the arguments of `eval`, the command string of `sh -c`. */
function reparsedSpans(value: string): { start: number; end: number; how: string }[] {
  const out: { start: number; end: number; how: string }[] = [];
  if (!value.includes('eval') && !value.includes('sh ')) return out;
  for (const { cmd, program: p } of runCommands(value)) {
    const prog = cmd[p]!.value;
    const name = prog.slice(prog.lastIndexOf('/') + 1);
    if (name === 'eval') {
      for (const w of cmd.slice(p + 1)) out.push({ ...w.range, how: 'into eval' });
    } else if (/^(?:ba|z|da|k)?sh$/.test(name)) {
      const flag = cmd.findIndex((w, k) => k > p && /^-[A-Za-z]+$/.test(w.value) && w.value.includes('c'));
      const body = flag === -1 ? undefined : cmd[flag + 1];
      if (body) out.push({ ...body.range, how: `into the command string of ${name} -c` });
    }
  }
  return out;
}

/** Actions whose inputs run as code (after the public lists of code-injection sinks); the key is lower-cased. */
const ACTION_SINKS: ReadonlyMap<string, { readonly inputs: readonly string[]; readonly lang: string }> = new Map([
  ['amadevus/pwsh-script', { inputs: ['script'], lang: 'PowerShell' }],
  ['jannekem/run-python-script-action', { inputs: ['script'], lang: 'Python' }],
  ['cardinalby/js-eval-action', { inputs: ['expression'], lang: 'JavaScript' }],
  ['azure/cli', { inputs: ['inlinescript'], lang: 'a shell script' }],
  ['azure/powershell', { inputs: ['inlinescript'], lang: 'PowerShell' }],
  ['addnab/docker-run-action', { inputs: ['run'], lang: 'a shell script in the container' }],
  ['appleboy/ssh-action', { inputs: ['script'], lang: 'a shell script on the remote host' }],
  ['nick-fields/retry', { inputs: ['command'], lang: 'a shell command' }],
  ['wandalen/wretry.action', { inputs: ['command'], lang: 'a shell command' }],
  ['uraimo/run-on-arch-action', { inputs: ['run'], lang: 'a shell script' }],
  ['cross-platform-actions/action', { inputs: ['run'], lang: 'a shell script in the VM' }],
  ['devcontainers/ci', { inputs: ['runcmd'], lang: 'a shell command in the container' }],
  ['mikefarah/yq', { inputs: ['cmd'], lang: 'a shell command' }],
]);

export default defineRule({
  id: 'template-injection',
  family: 'injection',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: 'Attacker-controlled `${{ }}` expression expanded into a run: script, github-script code or another input that runs as code',
  cwe: [78, 94],
  fix: 'safe',
  check(ctx) {
    const text = ctx.file.text;
    const yaml = ctx.file.yaml;
    if (!yaml) return;

    interface At {
      readonly step: Step;
      readonly job: Job | undefined;
      readonly wf: Workflow | undefined;
      readonly scope: TaintScope;
      readonly outerEnv: readonly Entry[];
    }

    /** Where code is parsed: unquoted at the start of a shell command, or JavaScript outside a string. */
    const codePositions = (sink: Sink, value: string, exprs: readonly Expression[]): boolean[] => {
      if (sink.lang === 'js') return jsContexts(value, exprs).map((c) => c === 'code');
      const contexts = shellContexts(value, exprs);
      return exprs.map((e, i) => contexts[i] === 'plain' && atCommandStart(value, e.start));
    };

    const checkStep = (sink: Sink, at: At): void => {
      const { step, job, wf, scope, outerEnv } = at;
      const value = sink.node.value as string;
      const exprs = findExpressions(value);
      if (exprs.length === 0) return;
      const code = codePositions(sink, value, exprs);
      const plain = sink.lang === 'shell' ? shellContexts(value, exprs).map((c) => c === 'plain') : exprs.map(() => false);
      const hits = exprs.map((e, i) => {
        const hit = classify(e.inner, scope, wf, code[i]!);
        // toJSON() pasted as JavaScript code is a JSON literal: strings stay strings.
        if (hit && sink.lang === 'js' && code[i] && /^tojson\s*\([^()]*\)$/i.test(e.inner)) return undefined;
        // An input pasted unquoted as a command, or named as one (`build-command`, `args`), is code its caller passes on purpose.
        if (hit && CALLER_TIERS.has(hit.tier) && plain[i] && (code[i] || CODE_INPUT.test(hit.path.slice(hit.path.lastIndexOf('.') + 1)))) return undefined;
        return hit;
      });
      if (!hits.some(Boolean)) return;
      const nr = rangeOf(sink.node);
      if (!nr) return;
      // Map each expression of the value onto the file: its source must read the same.
      const src = findExpressions(text.slice(nr.start, nr.end));
      const mapped = src.length === exprs.length && src.every((s, i) => normExpr(s.inner) === normExpr(exprs[i]!.inner));
      const occ: Occurrence[] = [];
      exprs.forEach((e, i) => {
        const hit = hits[i];
        if (!hit) return;
        const range = mapped ? { start: nr.start + src[i]!.start, end: nr.start + src[i]!.end } : nr;
        occ.push({ expr: e, hit, range });
      });
      const fix = mapped ? buildFix(sink, step, job, exprs, src.map((s) => ({ start: nr.start + s.start, end: nr.start + s.end })), hits, outerEnv) : undefined;
      for (const o of occ) {
        ctx.report({
          range: o.range,
          severity: SEVERITY[o.hit.tier],
          message:
            `'\${{ ${o.expr.inner} }}' in ${sink.label} is pasted into the ${sink.lang === 'js' ? 'JavaScript' : 'script'} before it runs, and it reads ${describe(o.hit)}: ` +
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
      hits: readonly (Hit | undefined)[],
      outerEnv: readonly Entry[],
    ): Fix | undefined => {
      if (sink.lang === 'shell' && !isPosixShell(step, job)) return undefined;
      const value = sink.node.value as string;
      const contexts: string[] = sink.lang === 'shell' ? shellContexts(value, exprs) : jsContexts(value, exprs);
      // An env variable expanded inside eval or `sh -c` is parsed as code all the same: no rewrite makes that safe.
      const reparsed = sink.lang === 'shell' ? reparsedSpans(value) : [];
      if (exprs.some((e, i) => hits[i] && hits[i].tier !== 'actor-code' && reparsed.some((r) => r.start <= e.start && e.end <= r.end))) return undefined;
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
        const hit = hits[i];
        if (!hit) continue;
        const e = exprs[i]!;
        const key = normExpr(e.inner);
        let name = byExpr.get(key);
        if (!name) {
          const envRef = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(e.inner);
          if (envRef) name = envRef[1]!;
          else {
            const base = envNameFor(hit.path);
            name = base;
            for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
            taken.add(name);
            added.push({ name, value: `\${{ ${e.inner} }}` });
          }
          byExpr.set(key, name);
        }
        // A caller may pass several words on purpose (`args: --a --b`): quoting them is not meaning-preserving.
        if (hit.tier !== 'event' && hit.tier !== 'derived' && hit.tier !== 'actor-code' && contexts[i] === 'plain') return undefined;
        const rep = replacementFor(sink.lang, contexts[i]!, name);
        if (rep === undefined) return undefined;
        const r = fileRanges[i]!;
        if (sink.node.type === 'PLAIN' && r.start === rangeOf(sink.node)?.start && /^["']/.test(rep)) return undefined;
        edits.push({ range: r, newText: encode(rep, sink.node) });
      }
      if (added.length > 0) {
        const envEdits = addMapEntries(ctx.file.text, step.node, 'env', getPair(step.node, sink.anchorKey), added);
        if (!envEdits) return undefined;
        append(edits, envEdits);
      }
      const names = [...new Set(byExpr.values())].join(', ');
      const many = byExpr.size > 1;
      return { title: `Pass the untrusted value${many ? 's' : ''} through env: (${names}) instead of expanding ${many ? 'them' : 'it'} in the ${sink.lang === 'js' ? 'script' : 'shell'}`, safety: 'safe', edits };
    };

    /** An env variable set from attacker data, expanded where the shell parses its value as code. */
    const checkEvalSinks = (script: Script, at: At): void => {
      if (at.scope.env.size === 0) return;
      const shell = at.step.shell?.trim().split(/\s+/)[0] ?? '';
      if (/pwsh|powershell|cmd|python|node/i.test(shell)) return;
      const value = script.text;
      const tainted = (name: string): boolean => at.scope.env.has(`env.${name.toLowerCase()}`);
      const report = (ref: { name: string; start: number; end: number }, how: string): void => {
        ctx.report({
          range: script.fileRange(ref.start, ref.end),
          severity: at.wf ? 'high' : 'medium',
          message:
            `'$${ref.name}' holds attacker-controlled text (set in env: from event data${at.wf ? '' : ' or an input'}) and is expanded ${how}, so the shell parses its value as code: the env: indirection no longer protects it. ` +
            'Pass the value as data (a quoted argument, or a file) instead of evaluating it.',
        });
      };
      for (const span of reparsedSpans(value)) {
        for (const r of varRefs(value, span.start, span.end)) if (tainted(r.name)) report(r, span.how);
      }
      for (const { cmd, program: p } of runCommands(value)) {
        const prog = cmd[p]!;
        const lead = varRefs(value, prog.range.start, prog.range.end)[0];
        if (lead && lead.start === prog.range.start && !lead.quoted && tainted(lead.name)) report(lead, 'unquoted as the command to run');
      }
    };

    /** `with:` inputs of well-known actions that run their value as code. */
    const checkActionSinks = (at: At): void => {
      const sink = at.step.action !== undefined ? ACTION_SINKS.get(at.step.action) : undefined;
      if (!sink) return;
      for (const w of at.step.with) {
        if (!sink.inputs.includes(w.name.toLowerCase()) || w.value === undefined) continue;
        const node = w.valueNode as Scalar;
        const nr = rangeOf(node);
        if (!nr) continue;
        const exprs = findExpressions(w.value);
        const src = findExpressions(text.slice(nr.start, nr.end));
        const mapped = src.length === exprs.length && src.every((x, i) => normExpr(x.inner) === normExpr(exprs[i]!.inner));
        exprs.forEach((e, i) => {
          const hit = classify(e.inner, at.scope, at.wf, false);
          if (!hit) return;
          ctx.report({
            range: mapped ? { start: nr.start + src[i]!.start, end: nr.start + src[i]!.end } : nr,
            severity: SEVERITY[hit.tier],
            message:
              `'\${{ ${e.inner} }}' in the '${w.name}' input of ${at.step.action}, which runs it as ${sink.lang}, reads ${describe(hit)}: ` +
              `GitHub pastes the value in before the code runs, so crafted text becomes code. Pass it through env: (or the action's own arguments) and read the variable in the code.`,
          });
        });
      }
    };

    // The steps of every document, by their YAML node, to give each script of the `scripts` facet its context.
    const steps = new Map<unknown, At>();
    for (const doc of yaml.docs) {
      if (ctx.file.kind === 'github-workflow') {
        const wf = workflowOf(doc);
        if (!wf) continue;
        const taint = workflowTaint(wf);
        for (const job of wf.jobs) {
          for (const step of job.steps) steps.set(step.node, { step, job, wf, scope: taint.envOf(job, step), outerEnv: [...wf.env, ...job.env] });
        }
      } else {
        const action = actionOf(doc);
        if (!action) continue;
        // An action under .github/ is a repository's own helper: its callers sit in the same repository, where this
        // rule checks them; a published action's inputs come from anyone's workflow.
        const published = !/(^|[\\/])\.github[\\/]/.test(ctx.file.path);
        for (const step of action.steps) steps.set(step.node, { step, job: undefined, wf: undefined, scope: actionTaint(action, step, published), outerEnv: [] });
      }
    }
    for (const script of ctx.file.facets.scripts) {
      const sink = sinkOf(script);
      const at = steps.get(script.holder);
      if (!sink || !at) continue;
      checkStep(sink, at);
      if (sink.lang === 'shell') checkEvalSinks(script, at);
    }
    for (const at of steps.values()) checkActionSinks(at);
  },
});
