// EC2 instances and launch templates that allow IMDSv1 (`metadata_options.http_tokens` not "required").

import { isKnown, attribute, blocksOf, stringValue } from '../../models/terraform.js';
import { replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

const TYPES = new Set(['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_spot_instance_request']);

export default defineRule({
  id: 'ec2-imdsv1',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An EC2 instance or launch template allows IMDSv1 (`http_tokens` is not "required")',
  cwe: [918, 306],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, TYPES)) {
      for (const mo of blocksOf(r.block.body, 'metadata_options')) {
        // IMDS turned off altogether: nothing to steal.
        if (stringValue(attribute(mo.body, 'http_endpoint')?.value) === 'disabled') continue;
        const tokens = attribute(mo.body, 'http_tokens');
        const why = 'any SSRF or proxy bug in software on the instance can then read the instance role\'s credentials from the metadata service with a plain GET. Set http_tokens = "required" (IMDSv2 only).';
        if (!tokens) {
          ctx.report({ range: mo.typeRange, message: `${r.type} '${r.name}' has metadata_options without http_tokens, which defaults to "optional" (IMDSv1 allowed): ${why}` });
          continue;
        }
        const v = stringValue(tokens.value);
        if (!isKnown(tokens.value) || v === undefined || v === 'required') continue;
        const edit = replaceValue(tokens, 'required');
        ctx.report({
          range: tokens.value.range,
          message: `${r.type} '${r.name}' sets http_tokens = "${v}", which allows IMDSv1: ${why}`,
          fixes: edit ? [{ title: 'Set http_tokens = "required"', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
