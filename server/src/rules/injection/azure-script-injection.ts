// Azure Pipelines macros holding branch names or commit messages, substituted into scripts before they run.

import type { Scalar } from 'yaml';
import type { Fix, TextEdit } from '../../core/types.js';
import { azurePipelines, type AzurePipeline, type AzureStep } from '../../models/azure.js';
import { scalarText } from '../../models/github-workflow.js';
import { shellContexts } from '../../models/quote-context.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Predefined variables whose text a branch creator, committer or pull request author chooses. */
const MACRO = /\$\((Build\.SourceBranchName|Build\.SourceBranch|Build\.SourceVersionMessage|Build\.RequestedFor|System\.PullRequest\.SourceBranchName|System\.PullRequest\.SourceBranch|System\.PullRequest\.SourceRepositoryURI)\)/gi;

/** Azure exposes every variable to scripts as an environment variable: upper case, dots as underscores. */
export function azureEnvName(variable: string): string {
  return variable.toUpperCase().replace(/\./g, '_');
}

function encode(s: string, node: Scalar): string {
  if (node.type === 'QUOTE_SINGLE') return s.replace(/'/g, "''");
  if (node.type === 'QUOTE_DOUBLE') return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return s;
}

/** The step's script runs in bash for sure: a `bash:` step or Bash task, or `script:` on a Linux/macOS image. */
function runsBash(step: AzureStep, p: AzurePipeline): boolean {
  if (step.shell === 'bash') return true;
  if (step.shell !== 'default') return false;
  const job = p.jobs.find((j) => j.name === step.job && j.steps.some((s) => s.node === step.node));
  const image = scalarText(get(job?.pool ?? p.pool, 'vmImage')) ?? scalarText(get(p.pool, 'vmImage'));
  return image !== undefined && /^(ubuntu|macos)-/i.test(image);
}

export default defineRule({
  id: 'azure-script-injection',
  family: 'injection',
  kinds: ['azure-pipelines'],
  severity: 'high',
  description: 'Branch names, commit messages or PR data substituted into an Azure Pipelines script as `$(Build.SourceBranchName)`-style macros',
  cwe: [78, 94],
  fix: 'safe',
  check(ctx) {
    const text = ctx.file.text;
    // Step views by YAML node, to know the shell of each script of the `scripts` facet.
    const steps = new Map<unknown, { step: AzureStep; p: AzurePipeline }>();
    for (const p of azurePipelines(ctx.file.yaml?.docs ?? [])) for (const step of p.steps) steps.set(step.node, { step, p });
    for (const script of ctx.file.facets.scripts) {
      const at = script.source === 'azure-script' ? steps.get(script.holder) : undefined;
      if (!at) continue;
      const { step, p } = at;
      const node = script.node;
      const value = typeof node?.value === 'string' ? node.value : undefined;
      const r = rangeOf(node);
      if (!node || !value || !r) continue;
      const found = [...value.matchAll(MACRO)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1]! }));
      if (found.length === 0) continue;
      const src = [...text.slice(r.start, r.end).matchAll(MACRO)];
      const mapped = src.length === found.length && src.every((m, i) => m[1]!.toLowerCase() === found[i]!.name.toLowerCase());
      // Each occurrence is its own edit (no env: to add), so each finding carries only its own.
      const edits: (TextEdit | undefined)[] = found.map(() => undefined);
      if (mapped && runsBash(step, p)) {
        const contexts = shellContexts(value, found);
        found.forEach((f, i) => {
          const env = azureEnvName(f.name);
          const c = contexts[i];
          const rep = c === 'plain' ? `"\${${env}}"` : c === 'double' || c === 'heredoc' || c === 'comment' ? `\${${env}}` : c === 'single' ? `'"\${${env}}"'` : undefined;
          const s = r.start + src[i]!.index;
          if (rep === undefined || (node.type === 'PLAIN' && s === r.start && rep.startsWith('"'))) return;
          edits[i] = { range: { start: s, end: s + src[i]![0].length }, newText: encode(rep, node) };
        });
      }
      found.forEach((f, i) => {
        ctx.report({
          range: mapped ? { start: r.start + src[i]!.index, end: r.start + src[i]!.index + src[i]![0].length } : script.fileRange(f.start, f.end),
          message: `\`$(${f.name})\` is replaced in the script text before the shell runs, and whoever names the branch or writes the commit or pull request chooses it: crafted text runs commands with this job's access token and secrets. Use the environment variable instead, quoted: "$${azureEnvName(f.name)}".`,
          fixes: edits[i] ? [{ title: `Read $${azureEnvName(f.name)} instead of the $(${f.name}) macro`, safety: 'safe', edits: [edits[i]!] } satisfies Fix] : [],
        });
      });
    }
  },
});
