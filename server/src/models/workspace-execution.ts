// What a step runs out of the workspace: local actions, scripts, and build tools that execute the files they read.

import type { Range } from '../core/types.js';
import type { Step } from './github-workflow.js';
import type { Script } from './scripts.js';
import { runCommands } from './shell-expansions.js';
import type { Command } from './shell-words.js';
import { get, rangeOf } from './yaml-nodes.js';
import { scalarText } from './yaml-values.js';

export interface Execution {
  /** where the step names what it runs (the program word, or `uses:`). */
  readonly range: Range;
  readonly what: string;
}

/**
 * A workspace-relative directory as a plain path: `''` for the workspace itself, `undefined` when it is outside the
 * workspace or not known before the run (`/tmp`, `$RUNNER_TEMP`, `${{ runner.temp }}`).
 */
export function workspaceDir(raw: string | undefined): string | undefined {
  if (raw === undefined) return '';
  let p = raw.trim().replace(/^\$\{\{\s*github\.workspace\s*\}\}/i, '.').replace(/^\$\{?GITHUB_WORKSPACE\}?/, '.');
  if (p === '' || p === '.' || p === './') return '';
  if (p.startsWith('/') || p.startsWith('~') || p.includes('$')) return undefined;
  p = trimSlashes(p.replace(/^(?:\.\/)+/, '').replace(/^\.$/, ''));
  if (p.split('/').includes('..')) return undefined;
  return p;
}

/** The text without trailing `/` (a loop: `/\/+$/` backtracks quadratically on long runs of slashes). */
export function trimSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end--;
  return s.slice(0, end);
}

/** `dir` joined with a relative path (normalised), or undefined when the result leaves the known tree. */
function join(dir: string, rel: string): string | undefined {
  if (rel.startsWith('/') || rel.startsWith('~') || rel.includes('$')) return undefined;
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function within(path: string | undefined, dir: string): boolean {
  if (path === undefined) return false;
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** Subcommands that run a project's own code (scripts, build files, tests, lifecycle hooks), by tool. */
const SUBCOMMANDS: ReadonlyMap<string, ReadonlySet<string> | 'any'> = new Map<string, ReadonlySet<string> | 'any'>([
  ['npm', new Set(['install', 'i', 'ci', 'test', 't', 'run', 'run-script', 'start', 'exec', 'rebuild', 'pack', 'publish', 'build', 'install-test', 'it'])],
  ['npx', 'any'],
  ['yarn', 'any'],
  ['pnpm', 'any'],
  ['bun', 'any'],
  ['make', 'any'],
  ['gmake', 'any'],
  ['cmake', 'any'],
  ['ninja', 'any'],
  ['meson', 'any'],
  ['bazel', 'any'],
  ['bazelisk', 'any'],
  ['just', 'any'],
  ['task', 'any'],
  ['go', new Set(['build', 'test', 'run', 'generate', 'install'])],
  ['cargo', new Set(['build', 'test', 'run', 'check', 'clippy', 'bench', 'doc', 'install', 'b', 't', 'r', 'c'])],
  ['mvn', 'any'],
  ['gradle', 'any'],
  ['ant', 'any'],
  ['sbt', 'any'],
  ['poetry', new Set(['install', 'run', 'build'])],
  ['pipenv', new Set(['install', 'run', 'sync'])],
  ['uv', new Set(['sync', 'run', 'build'])],
  ['hatch', 'any'],
  ['pdm', new Set(['install', 'run', 'build', 'sync'])],
  ['tox', 'any'],
  ['nox', 'any'],
  ['pytest', 'any'],
  ['pre-commit', 'any'],
  ['bundle', new Set(['install', 'exec'])],
  ['rake', 'any'],
  ['composer', new Set(['install', 'update', 'run-script', 'run', 'test'])],
  ['dotnet', new Set(['build', 'test', 'run', 'restore', 'pack', 'publish'])],
  ['swift', new Set(['build', 'test', 'run'])],
  ['mix', 'any'],
  ['deno', new Set(['run', 'test', 'task'])],
  ['jest', 'any'],
  ['vitest', 'any'],
  ['mocha', 'any'],
  ['eslint', 'any'],
  ['webpack', 'any'],
  ['vite', 'any'],
  ['rollup', 'any'],
  ['turbo', 'any'],
  ['nx', 'any'],
  ['lerna', 'any'],
  ['skaffold', new Set(['build', 'run', 'dev', 'deploy'])],
  ['docker', new Set(['build', 'buildx', 'compose'])],
  ['podman', new Set(['build'])],
  ['docker-compose', new Set(['build', 'up'])],
]);

/** Programs that run the file named by their first argument (unless it is `-c`/`-e`/`-m`). */
const INTERPRETERS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'source', '.', 'python', 'python3', 'node', 'ruby', 'perl', 'pwsh', 'php', 'ts-node', 'tsx']);

/** Actions that build or run what is in the workspace root (or their working-directory input). */
const EXECUTING_ACTIONS: ReadonlyMap<string, string | undefined> = new Map([
  ['github/codeql-action/autobuild', 'working-directory'],
  ['pre-commit/action', undefined],
  ['cypress-io/github-action', 'working-directory'],
  ['bahmutov/npm-install', 'working-directory'],
  ['borales/actions-yarn', 'dir'],
  ['gradle/gradle-build-action', 'build-root-directory'],
]);

function subcommand(cmd: Command, from: number): string | undefined {
  for (let k = from; k < cmd.length; k++) {
    const v = cmd[k]!.value;
    if (!v.startsWith('-')) return v;
  }
  return undefined;
}

/** `pip install .`, `-e .`, `-r requirements.txt`, a local path: installs (and runs the setup code of) files in the tree. */
function pipInstallsLocal(cmd: Command, from: number, cwd: string, dir: string): boolean {
  for (let k = from; k < cmd.length; k++) {
    const v = cmd[k]!.value;
    if (v === '-r' || v === '--requirement' || v === '-e' || v === '--editable' || v === '-c') {
      const next = cmd[k + 1]?.value;
      if (next !== undefined && within(join(cwd, next), dir)) return true;
      continue;
    }
    if (v.startsWith('-')) continue;
    if ((v === '.' || v.startsWith('./') || v.startsWith('../') || /\.(?:whl|tar\.gz|zip)$/.test(v) || (v.includes('/') && !v.includes('://'))) && within(join(cwd, v), dir)) return true;
  }
  return false;
}

/** The first command of a script that runs code from `dir` (workspace-relative, `''` for the whole workspace). */
export function scriptExecutes(script: Script, step: Step, dir: string): Execution | undefined {
  let cwd: string | undefined = workspaceDir(scalarText(get(step.node, 'working-directory')));
  for (const { cmd, program: p } of runCommands(script.text)) {
    const word = cmd[p]!;
    const prog = word.value;
    const at = (): Range => script.fileRange(word.range.start, word.range.end);
    if (prog === 'cd' || prog === 'pushd') {
      const target = cmd[p + 1]?.value;
      cwd = target === undefined || cwd === undefined ? undefined : join(cwd, target);
      continue;
    }
    if (cwd === undefined) continue;
    if (prog.includes('/') && !prog.includes('$')) {
      if (within(join(cwd, prog), dir)) return { range: at(), what: `'${prog}'` };
      continue;
    }
    const name = prog;
    if (INTERPRETERS.has(name)) {
      const arg = cmd.slice(p + 1).find((w) => !w.value.startsWith('-'));
      const flagged = cmd.slice(p + 1).some((w) => /^-(?:c|e|m|-command|-eval)$/.test(w.value) || (/^-[a-z]*c$/.test(w.value) && name.endsWith('sh')));
      // Activating a virtualenv runs what an earlier step created, not a file of the project.
      if (!flagged && arg && !arg.dynamic && !/\/bin\/activate$/.test(arg.value) && within(join(cwd, arg.value), dir)) return { range: at(), what: `'${name} ${arg.value}'` };
      if (/^python3?$/.test(name)) {
        const m = cmd.findIndex((w) => w.value === '-m');
        const mod = m === -1 ? undefined : cmd[m + 1]?.value;
        if (mod === 'pip' && cmd[m + 2]?.value === 'install' && pipInstallsLocal(cmd, m + 3, cwd, dir)) return { range: at(), what: `'pip install' of local files` };
        if (mod !== undefined && /^(?:pytest|tox|nox|build|setup)$/.test(mod) && within(cwd, dir)) return { range: at(), what: `'python -m ${mod}'` };
      }
      continue;
    }
    if (name === 'pip' || name === 'pip3') {
      if (subcommand(cmd, p + 1) === 'install' && pipInstallsLocal(cmd, p + 2, cwd, dir)) return { range: at(), what: `'pip install' of local files` };
      continue;
    }
    if (name === 'uv' && cmd[p + 1]?.value === 'pip') {
      if (cmd[p + 2]?.value === 'install' && pipInstallsLocal(cmd, p + 3, cwd, dir)) return { range: at(), what: `'uv pip install' of local files` };
      continue;
    }
    const subs = SUBCOMMANDS.get(name);
    if (!subs) continue;
    // `npm --prefix x`, `make -C x`, `yarn --cwd x`: the tool runs in that directory.
    let where: string | undefined = cwd;
    for (let k = p + 1; k < cmd.length; k++) {
      if (/^(?:--prefix|-C|--cwd|--dir|--directory|--manifest-path|-p|--project-dir|--file|-f)$/.test(cmd[k]!.value) && cmd[k + 1]) {
        const target = cmd[k + 1]!.value.replace(/\/(?:Cargo\.toml|pom\.xml|docker-compose\.ya?ml|compose\.ya?ml|Dockerfile)$/, '');
        where = join(cwd, target);
        break;
      }
    }
    if (name === 'docker' || name === 'podman') {
      // The build context: the last argument that is not an option.
      const sub = subcommand(cmd, p + 1);
      if (sub !== 'build' && sub !== 'buildx' && sub !== 'compose') continue;
      if (sub !== 'build' && !cmd.some((w) => w.value === 'build' || w.value === 'up' || w.value === 'bake')) continue;
      if (sub !== 'compose') {
        const ctxArg = [...cmd].reverse().find((w) => !w.value.startsWith('-') && w !== word && w.value !== 'build' && w.value !== 'buildx');
        if (ctxArg && !within(join(cwd, ctxArg.value), dir)) continue;
      }
    }
    if (!within(where, dir)) continue;
    if (subs !== 'any') {
      const sub = subcommand(cmd, p + 1);
      if (sub === undefined || !subs.has(sub)) continue;
    } else if (cmd.slice(p + 1).some((w) => w.value === '--version' || w.value === '-v')) continue;
    return { range: at(), what: `'${cmd.slice(p, p + 2).map((w) => w.value).join(' ')}'` };
  }
  return undefined;
}

/** What a step runs out of `dir` (`''`: the whole workspace): a local action, an executing action, or a command of its script. */
export function stepExecutes(step: Step, script: Script | undefined, dir: string): Execution | undefined {
  const uses = step.usesValue;
  if (uses?.startsWith('./')) {
    const path = join('', uses);
    if (within(path, dir)) return { range: rangeOf(step.uses) ?? step.range, what: `the local action '${uses}'` };
    return undefined;
  }
  if (step.action !== undefined && EXECUTING_ACTIONS.has(step.action)) {
    const input = EXECUTING_ACTIONS.get(step.action);
    const wd = input ? step.with.find((w) => w.name === input)?.value : undefined;
    if (within(workspaceDir(wd), dir)) return { range: rangeOf(step.uses) ?? step.range, what: `${step.action}, which builds and runs the project` };
    return undefined;
  }
  if (step.action === 'docker/build-push-action') {
    // Without `context:` the action builds the repository at the event's commit, not the workspace.
    const context = step.with.find((w) => w.name === 'context')?.value;
    if (context !== undefined && within(workspaceDir(context), dir)) return { range: rangeOf(step.uses) ?? step.range, what: 'docker/build-push-action on the workspace' };
    return undefined;
  }
  if (step.action === 'ruby/setup-ruby' && step.with.some((w) => w.name === 'bundler-cache' && w.value === 'true')) {
    if (within(workspaceDir(step.with.find((w) => w.name === 'working-directory')?.value), dir)) return { range: rangeOf(step.uses) ?? step.range, what: 'ruby/setup-ruby with bundler-cache (bundle install)' };
    return undefined;
  }
  if (script) return scriptExecutes(script, step, dir);
  return undefined;
}

/**
 * `find(from, dir)`: the first step at index `from` or later that runs code out of `dir`, with its index. Each
 * directory's answers are computed once per job (a suffix scan), so many checkouts or downloads stay linear.
 */
export function executionFinder(
  steps: readonly Step[],
  scriptOf: (step: Step) => Script | undefined,
): (from: number, dir: string) => { exec: Execution; index: number } | undefined {
  const byDir = new Map<string, ({ exec: Execution; index: number } | undefined)[]>();
  return (from, dir) => {
    let next = byDir.get(dir);
    if (!next) {
      next = new Array<{ exec: Execution; index: number } | undefined>(steps.length + 1);
      for (let k = steps.length - 1; k >= 0; k--) {
        const exec = stepExecutes(steps[k]!, scriptOf(steps[k]!), dir);
        next[k] = exec ? { exec, index: k } : next[k + 1];
      }
      byDir.set(dir, next);
    }
    return from < steps.length ? next[Math.max(0, from)] : undefined;
  };
}
