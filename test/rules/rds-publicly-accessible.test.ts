// Table tests for rds-publicly-accessible.

import rule from '../../server/src/rules/hardening/rds-publicly-accessible.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/db.tf';
const db = (v: string): string => `resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = ${v}\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'false', path: TF, code: db('false') },
    { name: 'variable', path: TF, code: db('var.public') },
    { name: 'module input is not a resource', path: TF, code: 'module "db" {\n  source = "x"\n  publicly_accessible = true\n}\n' },
  ],
  invalid: [
    { name: 'true', path: TF, code: db('true'), errors: [{ line: 3, column: 25, endColumn: 29 }], output: db('false'), fixSafety: 'unsafe' },
    { name: 'Redshift, CRLF', path: TF, code: 'resource "aws_redshift_cluster" "r" {\r\n  publicly_accessible = true\r\n}\r\n', errors: [{ line: 2, column: 25 }], output: 'resource "aws_redshift_cluster" "r" {\r\n  publicly_accessible = false\r\n}\r\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'instance', path: TF, code: db('true') }]);
