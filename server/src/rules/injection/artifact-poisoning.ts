// Privileged jobs that download another run's artifacts and then run code the artifact can replace.

import type { Fix } from '../../core/types.js';
import { crossRunDownloads, type ArtifactDownload } from '../../models/artifact-downloads.js';
import { privilegedTriggers } from '../../models/github-triggers.js';
import { workflowsIn, type Step } from '../../models/github-workflow.js';
import type { Script } from '../../models/source-file.js';
import { runCommands } from '../../models/shell-expansions.js';
import { executionFinder, stepExecutes, trimSlashes, type Execution } from '../../models/workspace-execution.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { defineRule } from '../define.js';

const RUNNER_TEMP = /^\$\{\{\s*runner\.temp\s*\}\}/;
const RUNS_FILE = new Set(['bash', 'sh', 'zsh', 'source', '.', 'python', 'python3', 'node', 'ruby', 'perl', 'pwsh', 'chmod']);

/** Spellings of an outside-the-workspace directory a script may use (`${{ runner.temp }}/x` is `$RUNNER_TEMP/x`). */
function spellings(written: string): string[] {
  const w = trimSlashes(written);
  if (!RUNNER_TEMP.test(w)) return [w];
  const rest = w.replace(RUNNER_TEMP, '');
  return [w, `$RUNNER_TEMP${rest}`, `\${RUNNER_TEMP}${rest}`];
}

/** A command that runs (or makes executable) a file under a directory outside the workspace. */
function runsFileUnder(script: Script, written: string): Execution | undefined {
  const prefixes = spellings(written).map((s) => `${s}/`);
  const text = script.text;
  for (const { cmd, program: p } of runCommands(text)) {
    const word = cmd[p]!;
    const raw = (w: { range: { start: number; end: number } }): string => text.slice(w.range.start, w.range.end).replace(/^["']|["']$/g, '');
    const named = RUNS_FILE.has(word.value) ? cmd.slice(p + 1).find((w) => !w.value.startsWith('-') && !/^[+ugoa]*[+=-][rwx]+$|^\d{3,4}$/.test(w.value)) : word;
    if (named && prefixes.some((pre) => raw(named).startsWith(pre))) {
      return { range: script.fileRange(word.range.start, word.range.end), what: `'${raw(word)}${named === word ? '' : ` ${raw(named)}`}'` };
    }
  }
  return undefined;
}

function moveFix(text: string, step: Step): Fix | undefined {
  if (step.action !== 'actions/download-artifact' && step.action !== 'dawidd6/action-download-artifact') return undefined;
  const path = step.with.find((w) => w.name === 'path');
  if (path) return undefined;
  const edits = addMapEntries(text, step.node, 'with', undefined, [{ name: 'path', value: '${{ runner.temp }}/artifacts' }]);
  if (!edits) return undefined;
  return { title: 'Download the artifact into ${{ runner.temp }}/artifacts, outside the workspace (later steps that read it there must be updated)', safety: 'unsafe', edits };
}

export default defineRule({
  id: 'artifact-poisoning',
  family: 'injection',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'Privileged job downloads another run\'s artifacts and then runs code they can replace',
  cwe: [494, 829],
  fix: 'unsafe',
  check(ctx) {
    const scripts = new Map<unknown, Script>();
    for (const s of ctx.file.facets.scripts) if (s.source === 'github-run') scripts.set(s.holder, s);
    const scriptOf = (step: Step): Script | undefined => scripts.get(step.node);
    for (const wf of workflowsIn(ctx.file)) {
      const privileged = privilegedTriggers(wf);
      if (privileged.length === 0) continue;
      const names = [...new Set(privileged.map((t) => t.name))].join('/');
      for (const job of wf.jobs) {
        const downloads = crossRunDownloads(job, scriptOf);
        const find = executionFinder(job.steps, scriptOf);
        for (const d of downloads) {
          const hit = firstExecution(job.steps, d, scriptOf, find);
          if (!hit) continue;
          const { exec, step } = hit;
          const where = d.dir === '' ? 'into the workspace itself, over the checked-out files' : `into '${d.written}'`;
          const line = ctx.file.lines.positionAt(exec.range.start).line + 1;
          const dlStep = job.steps[d.index]!;
          const fix = d.dir === '' ? moveFix(ctx.file.text, dlStep) : undefined;
          ctx.report({
            range: d.range,
            message:
              `Job '${job.id}' of this ${names} workflow downloads artifacts of another run (${d.how}) ${where}, and ${exec.what} on line ${line}${step.name ? ` ('${step.name}')` : ''} then runs code from there. ` +
              'Whoever controls that run (a pull request from a fork) chooses those files and so runs code with this job\'s token and secrets. ' +
              'Download into a directory outside the workspace (${{ runner.temp }}), treat the files as data, and validate what you read.',
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});

function firstExecution(
  steps: readonly Step[],
  d: ArtifactDownload,
  scriptOf: (s: Step) => Script | undefined,
  find: ReturnType<typeof executionFinder>,
): { exec: Execution; step: Step } | undefined {
  // The downloading step's own script counts for what comes after the download (`gh run download … && make`).
  const own = steps[d.index]!;
  const ownScript = scriptOf(own);
  if (ownScript) {
    const exec = d.dir !== undefined ? stepExecutes(own, ownScript, d.dir) : runsFileUnder(ownScript, d.written);
    if (exec && exec.range.start > d.range.start) return { exec, step: own };
  }
  if (d.dir !== undefined) {
    const hit = find(d.index + 1, d.dir);
    return hit ? { exec: hit.exec, step: steps[hit.index]! } : undefined;
  }
  for (let i = d.index + 1; i < steps.length; i++) {
    const script = scriptOf(steps[i]!);
    const exec = script ? runsFileUnder(script, d.written) : undefined;
    if (exec) return { exec, step: steps[i]! };
  }
  return undefined;
}
