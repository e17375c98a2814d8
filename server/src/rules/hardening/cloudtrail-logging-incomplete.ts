// CloudTrail trails that leave gaps in the audit log: logging turned off, a single region (the default), or log
// file validation off (the default), so tampering with the log goes unnoticed.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const FALSE = oneOf(false, 'false');
const AWS = 'hashicorp/aws 3.x–6.x';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_cloudtrail'],
    path: ['enable_logging'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the trail records nothing, so API activity (an attacker\'s included) leaves no audit record',
    remedy: 'Set enable_logging = true',
  },
  {
    resources: ['aws_cloudtrail'],
    path: ['is_multi_region_trail'],
    insecure: FALSE,
    secure: 'true',
    problem: 'activity in every other region is not recorded, and attackers use unwatched regions for exactly that reason',
    remedy: 'Set is_multi_region_trail = true',
    missing: { defaultsTo: 'false', provider: AWS },
  },
  {
    resources: ['aws_cloudtrail'],
    path: ['enable_log_file_validation'],
    insecure: FALSE,
    secure: 'true',
    problem: 'log files carry no signed digests, so a deleted or edited log file cannot be detected',
    remedy: 'Set enable_log_file_validation = true',
    missing: { defaultsTo: 'false', provider: AWS },
  },
];

export default defineRule({
  id: 'cloudtrail-logging-incomplete',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'A CloudTrail trail is off, covers one region, or has log file validation off (left at those defaults: low)',
  cwe: [778, 354],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
