// Table tests for cloudtrail-logging-incomplete.

import rule from '../../server/src/rules/hardening/cloudtrail-logging-incomplete.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/audit.tf';
const trail = (body: string): string => `resource "aws_cloudtrail" "t" {\n  name           = "t"\n  s3_bucket_name = "logs"\n${body}}\n`;
const good = '  is_multi_region_trail      = true\n  enable_log_file_validation = true\n';

ruleTester(rule, {
  valid: [
    { name: 'complete', path: TF, code: trail(good) },
    { name: 'from variables without defaults', path: TF, code: trail('  is_multi_region_trail      = var.multi\n  enable_log_file_validation = var.validate\n') },
  ],
  invalid: [
    { name: 'logging off', path: TF, code: trail(`${good}  enable_logging = false\n`), errors: [{ line: 6, column: 20 }], output: trail(`${good}  enable_logging = true\n`), fixSafety: 'unsafe' },
    { name: 'defaults (low, two findings), CRLF', path: TF, code: trail('').replace(/\n/g, '\r\n'), errors: [{ line: 1, column: 10 }, { line: 1, column: 10 }] },
    { name: 'single region', path: TF, code: trail('  is_multi_region_trail = false\n  enable_log_file_validation = true\n'), errors: [{ line: 4, column: 27 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'defaults', path: TF, code: trail('') }]);
