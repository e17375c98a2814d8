// Table tests for terraform-state-file: a committed state file is one finding, whatever it holds.

import rule from '../../server/src/rules/secrets/terraform-state-file.js';
import { ruleTester } from '../helpers/rule-tester.js';

const STATE = '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {"type": "aws_db_instance", "instances": [{"attributes": {"password": "Zq7mW2xK9pLrT4vB"}}]}\n  ]\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'Terraform code', path: 'main.tf', code: 'resource "x" "y" {}\n' },
    { name: 'a JSON file that is not state', path: 'plan.json', code: '{"format_version": "1.2"}\n' },
    { name: 'excluded by configuration', path: 'fixtures/terraform.tfstate', code: STATE, config: { text: { exclude: ['fixtures/**'] } } },
  ],
  invalid: [
    { name: 'terraform.tfstate', path: 'infra/terraform.tfstate', code: STATE, errors: [{ line: 1, column: 1 }], output: null },
    { name: 'a backup, with leading blank lines', path: 'terraform.tfstate.backup', code: `\n\n${STATE}`, errors: [{ line: 3, column: 1 }], output: null },
    { name: 'an empty state is still state', path: 'envs/prod/prod.tfstate', code: '{"version": 4, "resources": []}', errors: [{ line: 1, column: 1 }] },
  ],
});
