// ECR repositories whose tags can be moved: `image_tag_mutability = "MUTABLE"`, the default, so `app:1.4` may name a
// different image tomorrow — pushed by anyone with push rights.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_ecr_repository'],
    path: ['image_tag_mutability'],
    insecure: oneOf('MUTABLE'),
    secure: '"IMMUTABLE"',
    problem: 'a tag can be pushed again with a different image, so deployments that pull by tag can be switched to another image by anyone with push rights',
    remedy: 'Set image_tag_mutability = "IMMUTABLE" and publish each build under a new tag',
    severity: 'low',
    missing: { defaultsTo: '"MUTABLE"', provider: 'hashicorp/aws 3.x–6.x' },
  },
];

export default defineRule({
  id: 'ecr-mutable-tags',
  family: 'pinning',
  kinds: ['terraform'],
  severity: 'low',
  description: 'An ECR repository allows tags to be overwritten (MUTABLE, the default)',
  cwe: [494],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
