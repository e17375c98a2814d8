// EC2 instances and launch templates that allow IMDSv1: `http_tokens = "optional"`, or left out (the provider default
// is "optional" unless the AMI or the account asks for IMDSv2; low severity).

import { blocksOf, type HclBlock, type TerraformFile } from '../../models/terraform.js';
import { moduleHasResource, oneOf, reportSettings, valueOf, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** IMDS turned off altogether: nothing to steal. */
function imdsOn(r: HclBlock, tf: TerraformFile): boolean {
  return !blocksOf(r.body, 'metadata_options').some((mo) => valueOf(tf, mo, 'http_endpoint') === 'disabled');
}

/** Account-wide instance metadata defaults in the module (`aws_ec2_instance_metadata_defaults`) set the default instead. */
function accountDefaults(_r: HclBlock, tf: TerraformFile): boolean {
  return moduleHasResource(tf, 'aws_ec2_instance_metadata_defaults');
}

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_spot_instance_request'],
    path: ['metadata_options', 'http_tokens'],
    insecure: oneOf('optional'),
    secure: '"required"',
    problem: "IMDSv1 is allowed, so any SSRF or proxy bug in software on the instance can read the instance role's credentials from the metadata service with a plain GET",
    remedy: 'Set http_tokens = "required" (IMDSv2 only)',
    when: imdsOn,
    missing: { defaultsTo: '"optional" unless the AMI requires IMDSv2', provider: 'hashicorp/aws 3.x–6.x', unless: accountDefaults },
  },
];

export default defineRule({
  id: 'ec2-imdsv1',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An EC2 instance or launch template allows IMDSv1 (`http_tokens` is "optional", or left at that default: low)',
  cwe: [918, 306],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
