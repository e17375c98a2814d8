// Attacker-controlled text written to $GITHUB_ENV, $GITHUB_PATH or $GITHUB_OUTPUT in privileged workflows and actions.

import type { Fix, Severity } from '../../core/types.js';
import { pwshEnvFileWrites, shellEnvFileWrites, type EnvFile, type EnvFileWrite, type WrittenLine } from '../../models/env-file-writes.js';
import { crossRunDownloads, type ArtifactDownload } from '../../models/artifact-downloads.js';
import { actionTaint, findExpressions, mayHoldNewline, untrustedPathIn, workflowTaint, type TaintScope } from '../../models/github-expressions.js';
import { hasTrigger, privilegedTriggers } from '../../models/github-triggers.js';
import { actionOf, workflowsIn, type Entry, type Job, type Step } from '../../models/github-workflow.js';
import type { Script } from '../../models/source-file.js';
import { varRefs } from '../../models/shell-expansions.js';
import { programIndex, shellCommands } from '../../models/shell-words.js';
import { trimSlashes, workspaceDir } from '../../models/workspace-execution.js';
import { eolOf } from '../../models/yaml-edit.js';
import { defineRule } from '../define.js';

/** Attacker data, and whether it can hold a line break (which adds entries of its own to the file). */
interface Taint {
  readonly label: string;
  readonly newline: boolean;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const DECLARERS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
const PWSH_ENV_REF = /\$env:([A-Za-z_][A-Za-z0-9_]*)/gi;
const PWSH_ASSIGN = /^[ \t]*\$([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(\S[^\n]*)$/gm;
const PWSH_VAR = /\$([A-Za-z_][A-Za-z0-9_]*)\b(?!:)/g;
const CMD_VAR = /%([A-Za-z_][A-Za-z0-9_]*)%/g;
const VALIDATED = /\[\[\s*"?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"?\s*=~/g;
const OPEN_BLOCK = new Set(['if', 'case', 'while', 'until', 'for', 'select']);
const CLOSE_BLOCK = new Set(['fi', 'esac', 'done']);
const READERS = new Set(['cat', 'head', 'tail', 'jq', 'yq', 'sed', 'awk', 'tr', 'cut', 'grep', 'xargs']);

/** A `$(…)` in a value: whether its output carries its input through, and whether it is cut to one line. */
interface Substitution {
  readonly start: number;
  readonly end: number;
  readonly passes: boolean;
  readonly oneLine: boolean;
}

const PASS_THROUGH = new Set(['echo', 'printf', 'cat', 'sed', 'awk', 'tr', 'cut', 'head', 'tail', 'grep', 'sort', 'uniq', 'rev', 'basename', 'dirname', 'envsubst', 'xargs', 'fold', 'base64']);

/** `$( … )` substitutions in text[from, to), with the pipeline inside read stage by stage. */
function substitutions(text: string, from: number, to: number): Substitution[] {
  const out: Substitution[] = [];
  for (let i = text.indexOf('$(', from); i !== -1 && i < to; i = text.indexOf('$(', i + 2)) {
    let depth = 0;
    let end = -1;
    for (let k = i + 1; k < to && k - i < 2000; k++) {
      if (text[k] === '(') depth++;
      else if (text[k] === ')' && --depth === 0) {
        end = k + 1;
        break;
      }
    }
    if (end === -1) continue;
    let passes = true;
    let oneLine = false;
    for (const stage of text.slice(i + 2, end - 1).split('|')) {
      const words = stage.trim().split(/\s+/);
      const prog = words[0] ?? '';
      if (prog === 'jq' || prog === 'yq') {
        // Without -r a JSON string keeps its line breaks escaped.
        if (!words.some((w) => w === '--raw-output' || (/^-[a-zA-Z]+$/.test(w) && w.includes('r')))) oneLine = true;
        continue;
      }
      if (prog === '' || prog.startsWith('<')) continue;
      if (!PASS_THROUGH.has(prog)) {
        passes = false;
        break;
      }
      const args = words.slice(1).join(' ');
      if ((prog === 'tr' && /-d/.test(args) && /\\n|\[:space:\]|\[:cntrl:\]/.test(args)) || (prog === 'head' && /(?:^|\s)-(?:n\s*)?1(?:\s|$)/.test(args)) || prog === 'basename' || prog === 'dirname') oneLine = true;
    }
    out.push({ start: i, end, passes, oneLine });
    i = end - 2;
  }
  return out;
}

/** A `$(cat file)` / `$(< file)` read of a file under a downloaded artifact's directory: the file, and whether it is cut to one line. */
function artifactRead(text: string, subs: readonly Substitution[], artifacts: readonly ArtifactDownload[]): { file: string; oneLine: boolean } | undefined {
  if (artifacts.length === 0) return undefined;
  for (const sub of subs) {
    const words = text.slice(sub.start + 2, sub.end - 1).split('|')[0]!.trim().split(/\s+/);
    const lead = words[0]!;
    const files = lead === '<' ? words.slice(1, 2) : lead.startsWith('<') ? [lead.slice(1)] : READERS.has(lead) ? words.slice(1).filter((w) => !w.startsWith('-') && !/^['"]/.test(w)) : [];
    for (const raw of files) {
      const f = raw.replace(/^["']|["']$/g, '');
      for (const a of artifacts) {
        if (a.dir === undefined) {
          if (f.startsWith(`${trimSlashes(a.written)}/`)) return { file: f, oneLine: sub.oneLine };
          continue;
        }
        const rel = workspaceDir(f);
        if (rel === undefined || rel === '') continue;
        if (a.dir === '' || rel.startsWith(`${a.dir}/`)) return { file: f, oneLine: sub.oneLine };
      }
    }
  }
  return undefined;
}

const WHAT: Readonly<Record<EnvFile, string>> = {
  GITHUB_ENV: 'environment variables for every later step (LD_PRELOAD, NODE_OPTIONS and BASH_ENV run code)',
  GITHUB_PATH: 'directories searched first for every later command',
  GITHUB_OUTPUT: 'step outputs of its choosing',
};

/** A GitHub-hosted Linux or macOS runner, no container: bash, `od` and /dev/urandom are there. */
function hostedUnix(job: Job | undefined): boolean {
  if (!job?.runsOn || job.runsOn.dynamic || job.container !== undefined || job.runsOn.labels.length === 0) return false;
  return job.runsOn.labels.every((l) => /^(?:ubuntu|macos)-/.test(l));
}

function isBash(step: Step, job: Job | undefined): boolean {
  const first = step.shell?.trim().split(/\s+/)[0];
  if (first !== undefined) return /^(?:\/usr)?(?:\/bin\/)?bash$/.test(first);
  return job?.runsOn !== undefined && !job.runsOn.dynamic && !job.runsOn.labels.some((l) => /windows/i.test(l));
}

export default defineRule({
  id: 'github-env',
  family: 'injection',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: 'Attacker-controlled text written to $GITHUB_ENV, $GITHUB_PATH or $GITHUB_OUTPUT where it can add entries',
  cwe: [15, 93],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    const scripts = new Map<unknown, Script>();
    for (const s of ctx.file.facets.scripts) if (s.source === 'github-run') scripts.set(s.holder, s);

    interface Opts {
      readonly workflow: boolean;
      readonly headRef: boolean;
      /** where artifacts of another run were downloaded earlier in the job. */
      readonly artifacts: readonly ArtifactDownload[];
    }

    const analyze = (step: Step, job: Job | undefined, scope: TaintScope, envs: readonly (readonly Entry[])[], opts: Opts): void => {
      const script = scripts.get(step.node);
      if (!script) return;
      const body = script.text;

      const exprTaint = (from: number, to: number, subs: readonly Substitution[] = []): Taint | undefined => {
        let best: Taint | undefined;
        for (const e of findExpressions(body.slice(from, to))) {
          const sub = subs.find((x) => x.start <= from + e.start && from + e.end <= x.end);
          if (sub && !sub.passes) continue;
          const p = untrustedPathIn(e.inner, scope);
          if (!p) continue;
          const newline = !sub?.oneLine && (p.startsWith('env.') ? (envTaint.get(p.slice(4))?.newline ?? true) : p.startsWith('github.') ? mayHoldNewline(p) : true);
          if (!best || (newline && !best.newline)) best = { label: `\${{ ${e.inner} }}`, newline };
        }
        return best;
      };

      // env: entries (workflow, job, step: later ones win) holding attacker data, by lower-cased name.
      const envTaint = new Map<string, Taint>();
      for (const list of envs) {
        for (const e of list) {
          const key = e.name.toLowerCase();
          envTaint.delete(key);
          if (e.value === undefined) continue;
          for (const x of findExpressions(e.value)) {
            const p = untrustedPathIn(x.inner, scope);
            if (!p) continue;
            const newline = p.startsWith('env.') ? (envTaint.get(p.slice(4))?.newline ?? true) : p.startsWith('github.') ? mayHoldNewline(p) : true;
            const prev = envTaint.get(key);
            if (!prev || (newline && !prev.newline)) envTaint.set(key, { label: `$${e.name} (from \${{ ${x.inner} }})`, newline });
          }
        }
      }

      // Shell variables assigned in the script, in order: the last assignment before a use decides.
      // An assignment inside if/case/loop bodies may not run: it does not clear an earlier tainted one.
      const assigned = new Map<string, { at: number; taint: Taint | undefined; nested: boolean }[]>();
      const shellVar = (name: string, at: number): Taint | undefined => {
        if (validated.has(name)) return undefined;
        const list = assigned.get(name);
        if (list) {
          for (let k = list.length - 1; k >= 0; k--) {
            const a = list[k]!;
            if (a.at >= at) continue;
            if (a.taint) return a.taint;
            if (!a.nested) return undefined;
          }
        }
        const env = envTaint.get(name.toLowerCase());
        if (env) return env;
        if (name === 'GITHUB_HEAD_REF' && opts.headRef) return { label: '$GITHUB_HEAD_REF (the pull request branch)', newline: false };
        return undefined;
      };
      const spanTaint = (from: number, to: number, expands: boolean): Taint | undefined => {
        const subs = expands ? substitutions(body, from, to) : [];
        let best = exprTaint(from, to, subs);
        if (!expands || best?.newline) return best;
        const read = artifactRead(body, subs, opts.artifacts);
        if (read && (!best || !read.oneLine)) best = { label: `the content of ${read.file}, from another run's artifact`, newline: !read.oneLine };
        if (best?.newline) return best;
        for (const r of varRefs(body, from, to)) {
          // A command's output is not its arguments, unless the command passes its input through (echo, sed, jq -r …).
          const sub = subs.find((x) => x.start <= r.start && r.end <= x.end);
          if (sub && !sub.passes) continue;
          let t = shellVar(r.name, r.start);
          if (t && sub?.oneLine) t = { ...t, newline: false };
          if (t && (!best || (t.newline && !best.newline))) best = t.label.startsWith('$') ? t : { ...t, label: `$${r.name}, ${t.label}` };
          if (best?.newline) break;
        }
        return best;
      };
      // `[[ "$V" =~ ^[0-9]+$ ]]`: the script checks the variable's shape.
      const validated = new Set<string>();
      for (const m of body.matchAll(VALIDATED)) validated.add(m[1] ?? m[2]!);
      let depth = 0;
      for (const cmd of shellCommands(body)) {
        const w0 = cmd[0]!.value;
        if (OPEN_BLOCK.has(w0)) depth++;
        else if (CLOSE_BLOCK.has(w0) && depth > 0) depth--;
        const p = programIndex(cmd);
        const words = p === -1 ? cmd : DECLARERS.has(cmd[p]!.value) ? cmd.slice(p + 1) : cmd.slice(0, p);
        for (const w of words) {
          const m = ASSIGN.exec(w.value);
          if (!m) continue;
          const raw = body.slice(w.range.start, w.range.end);
          const eq = raw.indexOf('=');
          // The lexer ends a word at `(`: an unquoted `V=$(cmd …)` continues to its closing parenthesis.
          let end = w.range.end;
          if (raw.endsWith('$') && body[end] === '(') {
            let d = 0;
            for (let k = end; k < body.length && k - end < 2000; k++) {
              if (body[k] === '(') d++;
              else if (body[k] === ')' && --d === 0) {
                end = k + 1;
                break;
              }
            }
          }
          const taint = spanTaint(w.range.start + eq + 1, end, true);
          const list = assigned.get(m[1]!) ?? [];
          list.push({ at: w.range.end, taint, nested: depth > 0 || OPEN_BLOCK.has(w0) });
          assigned.set(m[1]!, list);
        }
      }
      // PowerShell variables (`$x = "${{ … }}"`), without order.
      const pwshVars = new Map<string, Taint>();
      const pwshRefs = (s: string): Taint | undefined => {
        for (const m of s.matchAll(PWSH_ENV_REF)) {
          const t = envTaint.get(m[1]!.toLowerCase());
          if (t) return t;
        }
        for (const m of s.matchAll(CMD_VAR)) {
          const t = envTaint.get(m[1]!.toLowerCase());
          if (t) return t;
        }
        for (const m of s.matchAll(PWSH_VAR)) {
          const t = pwshVars.get(m[1]!.toLowerCase());
          if (t) return t;
        }
        return undefined;
      };
      for (const m of body.matchAll(PWSH_ASSIGN)) {
        const valueAt = m.index + m[0].length - m[2]!.length;
        const t = exprTaint(valueAt, valueAt + m[2]!.length) ?? pwshRefs(m[2]!);
        if (t) pwshVars.set(m[1]!.toLowerCase(), t);
      }

      const lineTaint = (l: WrittenLine, pwsh: boolean): Taint | undefined =>
        pwsh ? (exprTaint(l.start, l.end) ?? (l.expands ? pwshRefs(body.slice(l.start, l.end)) : undefined)) : spanTaint(l.start, l.end, l.expands);

      const report = (w: EnvFileWrite, l: WrittenLine, t: Taint, why: 'line' | 'newline' | 'delimiter' | 'path'): void => {
        const sev: Severity = opts.workflow ? (w.file === 'GITHUB_OUTPUT' ? 'medium' : 'high') : w.file === 'GITHUB_OUTPUT' ? 'low' : 'medium';
        const how =
          why === 'path'
            ? 'whoever controls it chooses a directory that is searched before the system ones'
            : why === 'line'
              ? 'it starts the line, so it can name any entry'
              : why === 'delimiter'
                ? 'the heredoc delimiter is fixed, so a value containing it ends the entry early and adds lines of its own'
                : 'a line break in it ends the entry and adds lines of its own';
        const fix = why === 'newline' ? heredocFix(w, step, job) : undefined;
        ctx.report({
          range: script.fileRange(l.start, l.end),
          severity: sev,
          message:
            `Attacker-controlled text (${t.label}) is written to $${w.file}: ${how}, which sets ${WHAT[w.file]}. ` +
            (w.file === 'GITHUB_PATH'
              ? 'Do not put outside data in PATH; add a fixed directory instead.'
              : 'Write it as `NAME<<DELIMITER` with a random delimiter (or validate it first), and never let it start the line.'),
          fixes: fix ? [fix] : [],
        });
      };

      const heredocFix = (w: EnvFileWrite, s: Step, j: Job | undefined): Fix | undefined => {
        if (!w.simple || w.file === 'GITHUB_PATH' || script.node?.type !== 'BLOCK_LITERAL' || !isBash(s, j)) return undefined;
        const fr = script.fileRange(w.start, w.end);
        if (text.slice(fr.start, fr.end) !== body.slice(w.start, w.end)) return undefined;
        const lineStart = text.lastIndexOf('\n', fr.start - 1) + 1;
        const indent = text.slice(lineStart, fr.start);
        if (!/^[ \t]*$/.test(indent)) return undefined;
        let v = 'delimiter';
        for (let k = 2; body.includes(v); k++) v = `delimiter_${k}`;
        const eol = eolOf(text);
        const value = body.slice(w.simple.valueStart, w.simple.valueEnd);
        const lines = [
          '{',
          `  ${v}="ghadelimiter_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"`,
          `  printf '%s\\n' "${w.simple.name}<<\${${v}}" "${value}" "\${${v}}"`,
          `} >> "$${w.file}"`,
        ];
        return {
          title: `Write ${w.simple.name} with a random heredoc delimiter, so a line break in the value cannot add entries`,
          safety: hostedUnix(j) ? 'safe' : 'unsafe',
          edits: [{ range: fr, newText: lines.join(eol + indent) }],
        };
      };

      for (const [writes, pwsh] of [
        [shellEnvFileWrites(body), false],
        [pwshEnvFileWrites(body), true],
      ] as const) {
        // An open `NAME<<DELIMITER` per file: the lines until the delimiter are its value.
        const open = new Map<EnvFile, { delimiter: string; random: boolean }>();
        for (const w of writes) {
          for (const l of w.lines) {
            const state = open.get(w.file);
            if (state) {
              if (l.bare === state.delimiter) {
                open.delete(w.file);
                continue;
              }
              const t = state.random ? undefined : lineTaint(l, pwsh);
              if (t?.newline) report(w, l, t, 'delimiter');
              continue;
            }
            if (l.shape === 'heredoc-open') {
              open.set(w.file, { delimiter: l.delimiter!, random: l.delimiter!.includes('$') });
              continue;
            }
            const t = lineTaint(l, pwsh);
            if (!t) continue;
            if (w.file === 'GITHUB_PATH') report(w, l, t, 'path');
            else if (l.shape === 'raw') report(w, l, t, 'line');
            else if (t.newline) report(w, l, t, 'newline');
          }
        }
      }
    };

    for (const wf of workflowsIn(ctx.file)) {
      if (privilegedTriggers(wf).length === 0) continue;
      const taint = workflowTaint(wf);
      const headRef = hasTrigger(wf, 'pull_request_target');
      for (const job of wf.jobs) {
        const downloads = crossRunDownloads(job, (s) => scripts.get(s.node));
        job.steps.forEach((step, i) => {
          const artifacts = downloads.filter((d) => d.index <= i);
          if (step.run) analyze(step, job, taint.envOf(job, step), [wf.env, job.env, step.env], { workflow: true, headRef, artifacts });
        });
      }
    }
    if (ctx.file.kind === 'github-action') {
      const published = !/(^|[\\/])\.github[\\/]/.test(ctx.file.path);
      for (const doc of ctx.file.yaml?.docs ?? []) {
        const action = actionOf(doc);
        if (!action) continue;
        for (const step of action.steps) {
          if (step.run) analyze(step, undefined, actionTaint(action, step, published), [step.env], { workflow: false, headRef: false, artifacts: [] });
        }
      }
    }
  },
});
