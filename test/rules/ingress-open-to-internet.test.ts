// Table tests for ingress-open-to-internet.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isWholeInternet } from '../../server/src/models/terraform-checks.js';
import rule, { exposure } from '../../server/src/rules/hardening/ingress-open-to-internet.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/network.tf';
const sg = (ingress: string): string => `resource "aws_security_group" "s" {\n  name = "s"\n  ingress {\n${ingress}\n  }\n}\n`;

it('exposure', () => {
  assert.equal(exposure(22, 22), 'port 22 (SSH)');
  assert.equal(exposure(0, 65535), 'all ports');
  assert.equal(exposure(3000, 3500), 'port 3389 (RDP)');
  assert.equal(exposure(443, 443), undefined);
  assert.ok(isWholeInternet('0.0.0.0/0') && isWholeInternet('10.1.2.3/0') && isWholeInternet('::/0') && isWholeInternet('0:0:0:0:0:0:0:0/0'));
  assert.ok(!isWholeInternet('10.0.0.0/8') && !isWholeInternet('0.0.0.0/1') && !isWholeInternet('*', false));
});

const vars = (text: string): { files: { name: string; text: string }[] } => ({ files: [{ name: 'variables.tf', text }] });

ruleTester(rule, {
  valid: [
    { name: 'HTTPS from anywhere', path: TF, code: sg('    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]') },
    { name: 'SSH from a known range', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]') },
    { name: 'ports from variables', path: TF, code: sg('    from_port = var.port\n    to_port = var.port\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]') },
    { name: 'egress rule', path: TF, code: 'resource "aws_security_group_rule" "e" {\n  type = "egress"\n  from_port = 0\n  to_port = 0\n  protocol = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n' },
    { name: 'Azure outbound', path: TF, code: 'resource "azurerm_network_security_rule" "r" {\n  direction = "Outbound"\n  access = "Allow"\n  source_address_prefix = "*"\n  destination_port_range = "22"\n}\n' },
    { name: 'GCP egress', path: TF, code: 'resource "google_compute_firewall" "f" {\n  direction = "EGRESS"\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = ["22"]\n  }\n}\n' },
    { name: 'broken mid-edit', path: TF, code: sg('    from_port = 22\n    cidr_blocks = ["0.0.0.0/0"') },
    { name: 'ICMP from anywhere', path: TF, code: sg('    from_port = -1\n    to_port = -1\n    protocol = "icmp"\n    cidr_blocks = ["0.0.0.0/0"]') },
    { name: 'variable with a private default', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = var.cidrs'), module: vars('variable "cidrs" {\n  default = ["10.0.0.0/8"]\n}\n') },
    { name: 'variable without a default', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = var.cidrs'), module: vars('variable "cidrs" {\n  type = list(string)\n}\n') },
    { name: 'Azure: only Azure services (0.0.0.0 to 0.0.0.0)', path: TF, code: 'resource "azurerm_mssql_firewall_rule" "azure" {\n  start_ip_address = "0.0.0.0"\n  end_ip_address = "0.0.0.0"\n}\n' },
    { name: 'GCP firewall with source tags', path: TF, code: 'resource "google_compute_firewall" "f" {\n  source_tags = ["bastion"]\n  allow {\n    protocol = "tcp"\n    ports = ["22"]\n  }\n}\n' },
    { name: 'GCP firewall disabled', path: TF, code: 'resource "google_compute_firewall" "f" {\n  disabled = true\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = [22]\n  }\n}\n' },
    { name: 'EKS node group SSH limited to security groups', path: TF, code: 'resource "aws_eks_node_group" "n" {\n  remote_access {\n    ec2_ssh_key = "ops"\n    source_security_group_ids = [aws_security_group.bastion.id]\n  }\n}\n' },
  ],
  invalid: [
    { name: 'SSH', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]'), errors: [{ line: 7, column: 20, endColumn: 31 }], output: null },
    { name: 'all traffic over IPv6', path: TF, code: sg('    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    ipv6_cidr_blocks = ["::/0"]'), errors: [{ line: 7, column: 25 }] },
    { name: 'security group rule', path: TF, code: 'resource "aws_security_group_rule" "r" {\n  type = "ingress"\n  from_port = 3389\n  to_port = 3389\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n', errors: [{ line: 6, column: 18 }] },
    { name: 'vpc ingress rule', path: TF, code: 'resource "aws_vpc_security_group_ingress_rule" "r" {\n  cidr_ipv4 = "0.0.0.0/0"\n  from_port = 5432\n  to_port = 5432\n  ip_protocol = "tcp"\n}\n', errors: [{ line: 2, column: 15 }] },
    { name: 'Azure NSG inline rule', path: TF, code: 'resource "azurerm_network_security_group" "g" {\n  security_rule {\n    direction = "Inbound"\n    access = "Allow"\n    source_address_prefix = "Internet"\n    destination_port_ranges = ["80", "22"]\n  }\n}\n', errors: [{ line: 5, column: 29 }] },
    { name: 'any a.b.c.d/0', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "6"\n    cidr_blocks = ["10.0.0.0/0"]'), errors: [{ line: 7, column: 20 }] },
    {
      name: 'CIDRs from a variable default in another file',
      path: TF,
      code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = var.cidrs'),
      module: vars('variable "cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n'),
      errors: [{ line: 7, column: 19, endColumn: 28, messageIncludes: 'var.cidrs, default in variables.tf:3' }],
    },
    {
      name: 'terraform.tfvars wins over the default',
      path: TF,
      code: sg('    from_port = local.ssh\n    to_port = local.ssh\n    protocol = "tcp"\n    cidr_blocks = [var.cidr]') + 'locals {\n  ssh = 22\n}\n',
      module: { files: [{ name: 'variables.tf', text: 'variable "cidr" {\n  default = "10.0.0.0/8"\n}\n' }, { name: 'terraform.tfvars', text: 'cidr = "0.0.0.0/0"\n' }] },
      errors: [{ line: 7, column: 20, endColumn: 28, messageIncludes: 'var.cidr, terraform.tfvars:1' }],
    },
    { name: 'default security group', path: TF, code: 'resource "aws_default_security_group" "d" {\n  ingress {\n    protocol = -1\n    from_port = 0\n    to_port = 0\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n', errors: [{ line: 6, column: 20 }] },
    { name: 'Azure SQL firewall open to all addresses', path: TF, code: 'resource "azurerm_mssql_firewall_rule" "all" {\n  server_id = azurerm_mssql_server.s.id\n  start_ip_address = "0.0.0.0"\n  end_ip_address = "255.255.255.255"\n}\n', errors: [{ line: 4, column: 20 }] },
    { name: 'Cloud SQL authorized network 0.0.0.0/0', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        value = "0.0.0.0/0"\n      }\n    }\n  }\n}\n', errors: [{ line: 5, column: 17 }] },
    { name: 'GCP numeric ports', path: TF, code: 'resource "google_compute_firewall" "f" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = [80, 3389]\n  }\n}\n', errors: [{ line: 2, column: 20 }] },
    { name: 'GCP firewall without any source', path: TF, code: 'resource "google_compute_firewall" "f" {\n  network = "default"\n  allow {\n    protocol = "all"\n  }\n}\n', errors: [{ line: 1, column: 10 }] },
    { name: 'EKS node group SSH without source groups', path: TF, code: 'resource "aws_eks_node_group" "n" {\n  remote_access {\n    ec2_ssh_key = "ops"\n  }\n}\n', errors: [{ line: 2, column: 3 }] },
    { name: 'GCP firewall, CRLF', path: TF, code: 'resource "google_compute_firewall" "f" {\r\n  source_ranges = ["0.0.0.0/0"]\r\n  allow {\r\n    protocol = "tcp"\r\n    ports = ["3300-3400"]\r\n  }\r\n}\r\n', errors: [{ line: 2, column: 20 }] },
  ],
});
