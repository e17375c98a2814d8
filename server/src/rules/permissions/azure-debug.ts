// `system.debug: true` in Azure Pipelines variables.

import { isTruthy } from '../../models/github-workflow.js';
import { allAzureVariables, azurePipelines } from '../../models/azure.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'azure-debug',
  family: 'permissions',
  kinds: ['azure-pipelines'],
  severity: 'medium',
  description: '`system.debug: true` turns on verbose logs for every run',
  cwe: [215, 532],
  fix: 'none',
  check(ctx) {
    for (const p of azurePipelines(ctx.file.yaml?.docs ?? [])) {
      for (const v of allAzureVariables(p)) {
        if (v.name.toLowerCase() !== 'system.debug' || !isTruthy(v.value)) continue;
        const range = rangeOf(v.valueNode) ?? rangeOf(v.nameNode);
        if (!range) continue;
        ctx.report({
          range,
          message: '`system.debug: true` makes every run write diagnostic logs with environment, variables and command details, which can expose tokens and internal data to everyone who can read the pipeline logs. Remove it and queue a single run with "Enable system diagnostics" when you need it.',
        });
      }
    }
  },
});
