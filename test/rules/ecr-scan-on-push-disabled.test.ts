// Table tests for ecr-scan-on-push-disabled.

import rule from '../../server/src/rules/hardening/ecr-scan-on-push-disabled.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/ecr.tf';
const repo = (body: string): string => `resource "aws_ecr_repository" "r" {\n  name = "app"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'scan on push', path: TF, code: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n') },
    { name: 'registry-wide scanning in the module', path: TF, code: repo(''), module: { files: [{ name: 'registry.tf', text: 'resource "aws_ecr_registry_scanning_configuration" "s" {\n  scan_type = "ENHANCED"\n}\n' }] } },
  ],
  invalid: [
    { name: 'off', path: TF, code: repo('  image_scanning_configuration {\n    scan_on_push = false\n  }\n'), errors: [{ line: 4, column: 20 }], output: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n'), fixSafety: 'unsafe' },
    { name: 'no block (low), CRLF', path: TF, code: repo('').replace(/\n/g, '\r\n'), errors: [{ line: 1, column: 10 }], output: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n').replace(/\n/g, '\r\n') },
  ],
});

fixRoundTrip(rule, [{ name: 'no block', path: TF, code: repo('') }]);
