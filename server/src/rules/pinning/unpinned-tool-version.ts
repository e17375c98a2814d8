// Setup actions that install whatever release of a tool is newest, because their version input is left out or set to `latest`.

import { isScalar } from 'yaml';
import { append } from '../../core/arrays.js';
import { actionOf, workflowsIn, type Step } from '../../models/github-workflow.js';
import { valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

interface ToolAction {
  /** the input that selects the tool's version. */
  readonly input: string;
  /** values of it (lower-cased) that mean "the newest release"; the default is one of them. */
  readonly floating: readonly string[];
  readonly tool: string;
}

/** Setup actions whose version input defaults to the newest release (as documented by each action). */
const TOOL_ACTIONS: ReadonlyMap<string, ToolAction> = new Map([
  ['aquasecurity/setup-trivy', { input: 'version', floating: ['latest'], tool: 'trivy' }],
  ['1password/load-secrets-action', { input: 'version', floating: ['latest'], tool: 'the 1Password CLI' }],
  ['extractions/setup-just', { input: 'just-version', floating: ['*'], tool: 'just' }],
  ['extractions/setup-crate', { input: 'version', floating: ['*'], tool: 'the crate' }],
]);

export default defineRule({
  id: 'unpinned-tool-version',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: 'Setup action installs the newest release of its tool: version input left out or set to `latest`',
  cwe: [1357, 494],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    const steps: Step[] = [];
    for (const wf of workflowsIn(ctx.file)) for (const job of wf.jobs) append(steps, job.steps);
    if (ctx.file.kind === 'github-action') {
      for (const doc of ctx.file.yaml?.docs ?? []) {
        const action = actionOf(doc);
        if (action) append(steps, action.steps);
      }
    }
    for (const step of steps) {
      const t = step.action ? TOOL_ACTIONS.get(step.action) : undefined;
      if (!t || !step.uses) continue;
      // `with: ${{ … }}`: the inputs are unknown.
      if (step.withNode !== undefined && step.withNode !== null && step.with.length === 0) continue;
      const input = step.with.find((w) => w.name === t.input);
      if (!input) {
        ctx.report({
          range: valueRange(step.uses, text),
          message:
            `${step.action!} without \`${t.input}:\` installs the newest release of ${t.tool} on every run: a compromised or broken release reaches this job the moment it is published, and the action's own pin does not cover it. ` +
            `Set \`${t.input}:\` to an exact version.`,
        });
        continue;
      }
      const v = input.value?.trim().toLowerCase();
      if (v === undefined || !isScalar(input.valueNode) || !t.floating.includes(v)) continue;
      ctx.report({
        range: valueRange(input.valueNode, text),
        message:
          `\`${t.input}: ${input.value!.trim()}\` makes ${step.action!} install the newest release of ${t.tool} on every run: a compromised or broken release reaches this job the moment it is published. ` +
          'Set an exact version.',
      });
    }
  },
});
