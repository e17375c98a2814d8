// Steps that fetch artifacts of another workflow run (the one that triggered a workflow_run, say) into a job.

import type { Range } from '../core/types.js';
import type { Job, Step } from './github-workflow.js';
import type { Script } from './scripts.js';
import { runCommands } from './shell-expansions.js';
import type { Command } from './shell-words.js';
import { workspaceDir } from './workspace-execution.js';
import { rangeOf } from './yaml-nodes.js';

export interface ArtifactDownload {
  /** index of the step in its job. */
  readonly index: number;
  /** where the files land, workspace-relative (`''`: the workspace itself); undefined when outside it (runner.temp). */
  readonly dir: string | undefined;
  /** the directory as written (`.pr`, `${{ runner.temp }}/pr`), to recognise it in later scripts. */
  readonly written: string;
  readonly range: Range;
  /** how the step downloads, for messages. */
  readonly how: string;
}

function withValue(step: Step, name: string): string | undefined {
  return step.with.find((w) => w.name === name)?.value;
}

function flagValue(cmd: Command, flags: readonly string[]): string | undefined {
  for (let k = 0; k < cmd.length; k++) {
    const v = cmd[k]!.value;
    for (const f of flags) {
      if (v === f) return cmd[k + 1]?.value;
      if (f.startsWith('--') && v.startsWith(`${f}=`)) return v.slice(f.length + 1);
      if (!f.startsWith('--') && v.startsWith(f) && v.length > f.length) return v.slice(f.length);
    }
  }
  return undefined;
}

function download(index: number, written: string | undefined, range: Range, how: string): ArtifactDownload {
  const w = written ?? '.';
  return { index, dir: workspaceDir(w), written: w, range, how };
}

/**
 * Artifacts this job takes from another run: `actions/download-artifact` with `run-id:`, `dawidd6/action-download-artifact`,
 * `gh run download`, and a github-script `downloadArtifact` call whose zip a later `unzip` (or `tar`) extracts.
 */
export function crossRunDownloads(job: Job, scriptOf: (step: Step) => Script | undefined): ArtifactDownload[] {
  const out: ArtifactDownload[] = [];
  let pendingZip: string | undefined;
  job.steps.forEach((step, index) => {
    const at = rangeOf(step.uses) ?? step.range;
    if (step.action === 'actions/download-artifact') {
      if (withValue(step, 'run-id') !== undefined) out.push(download(index, withValue(step, 'path'), at, 'actions/download-artifact with run-id'));
      return;
    }
    if (step.action === 'dawidd6/action-download-artifact') {
      out.push(download(index, withValue(step, 'path'), at, 'dawidd6/action-download-artifact'));
      return;
    }
    if (step.action === 'actions/github-script') {
      const script = withValue(step, 'script') ?? '';
      if (/\bdownloadArtifact\s*\(/.test(script)) {
        pendingZip = '.zip';
        for (const m of script.slice(0, 20_000).matchAll(/['"`/]([\w-][\w.-]*)['"`]/g)) if (m[1]!.endsWith('.zip')) pendingZip = m[1]!;
      }
      return;
    }
    const script = scriptOf(step);
    if (!script) return;
    for (const { cmd, program: p } of runCommands(script.text)) {
      const prog = cmd[p]!.value;
      const range = script.fileRange(cmd[p]!.range.start, cmd[cmd.length - 1]!.range.end);
      if (prog === 'gh' && cmd[p + 1]?.value === 'run' && cmd[p + 2]?.value === 'download') {
        out.push(download(index, flagValue(cmd, ['-D', '--dir']), range, 'gh run download'));
      } else if (pendingZip !== undefined && (prog === 'unzip' || prog === '7z' || prog === 'tar') && cmd.some((w) => w.value.endsWith(pendingZip!) || w.value.endsWith('.zip'))) {
        out.push(download(index, flagValue(cmd, prog === 'tar' ? ['-C', '--directory'] : prog === '7z' ? ['-o'] : ['-d']), range, `'${prog}' of an artifact downloaded by github-script`));
      }
    }
  });
  return out;
}
