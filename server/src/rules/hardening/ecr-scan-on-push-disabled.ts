// ECR repositories that do not scan images for vulnerabilities when they are pushed (the default), with no
// registry-wide scanning configuration in the module.

import type { HclBlock, TerraformFile } from '../../models/terraform.js';
import { moduleHasResource, oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** A registry scanning configuration (basic or enhanced) in the module replaces per-repository scan on push. */
function registryScanning(_r: HclBlock, tf: TerraformFile): boolean {
  return moduleHasResource(tf, 'aws_ecr_registry_scanning_configuration');
}

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_ecr_repository'],
    path: ['image_scanning_configuration', 'scan_on_push'],
    insecure: oneOf(false, 'false'),
    secure: 'true',
    problem: 'images with known vulnerabilities are stored and deployed without anyone being told',
    remedy: 'Set scan_on_push = true (or configure registry-wide scanning with aws_ecr_registry_scanning_configuration)',
    missing: { defaultsTo: 'false', provider: 'hashicorp/aws 3.x–6.x', unless: registryScanning },
    when: (r, tf) => !registryScanning(r, tf),
  },
];

export default defineRule({
  id: 'ecr-scan-on-push-disabled',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'low',
  description: 'An ECR repository does not scan images on push (off, or left at that default)',
  cwe: [1395],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
