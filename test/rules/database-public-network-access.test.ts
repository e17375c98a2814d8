// Table tests for database-public-network-access.

import rule from '../../server/src/rules/hardening/database-public-network-access.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/db.tf';
const sql = 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      ipv4_enabled = true\n    }\n  }\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'Azure SQL private', path: TF, code: 'resource "azurerm_mssql_server" "s" {\n  public_network_access_enabled = false\n}\n' },
    { name: 'not set: the default is public but firewall rules decide (not flagged)', path: TF, code: 'resource "azurerm_mssql_server" "s" {\n  version = "12.0"\n}\n' },
    { name: 'Cloud SQL private IP', path: TF, code: sql.replace('true', 'false') },
    { name: 'module input', path: TF, code: 'module "db" {\n  source = "./db"\n  public_network_access_enabled = true\n}\n' },
  ],
  invalid: [
    { name: 'Azure PostgreSQL', path: TF, code: 'resource "azurerm_postgresql_server" "p" {\n  public_network_access_enabled = true\n}\n', errors: [{ line: 2, column: 35, endColumn: 39 }], output: 'resource "azurerm_postgresql_server" "p" {\n  public_network_access_enabled = false\n}\n', fixSafety: 'unsafe' },
    { name: 'Redis from a variable default', path: TF, code: 'resource "azurerm_redis_cache" "r" {\n  public_network_access_enabled = var.public\n}\n', module: { files: [{ name: 'variables.tf', text: 'variable "public" {\n  default = true\n}\n' }] }, errors: [{ line: 2, column: 35, messageIncludes: 'default in variables.tf:2' }] },
    { name: 'Cloud SQL public IPv4, CRLF', path: TF, code: sql.replace(/\n/g, '\r\n'), errors: [{ line: 4, column: 22 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'Cloud SQL', path: TF, code: sql }]);
