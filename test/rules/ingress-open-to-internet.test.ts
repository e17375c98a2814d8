// Table tests for ingress-open-to-internet.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { exposure } from '../../server/src/rules/hardening/ingress-open-to-internet.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/network.tf';
const sg = (ingress: string): string => `resource "aws_security_group" "s" {\n  name = "s"\n  ingress {\n${ingress}\n  }\n}\n`;

it('exposure', () => {
  assert.equal(exposure(22, 22), 'port 22 (SSH)');
  assert.equal(exposure(0, 65535), 'all ports');
  assert.equal(exposure(3000, 3500), 'port 3389 (RDP)');
  assert.equal(exposure(443, 443), undefined);
});

ruleTester(rule, {
  valid: [
    { name: 'HTTPS from anywhere', path: TF, code: sg('    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]') },
    { name: 'SSH from a known range', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]') },
    { name: 'ports from variables', path: TF, code: sg('    from_port = var.port\n    to_port = var.port\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]') },
    { name: 'egress rule', path: TF, code: 'resource "aws_security_group_rule" "e" {\n  type = "egress"\n  from_port = 0\n  to_port = 0\n  protocol = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n' },
    { name: 'Azure outbound', path: TF, code: 'resource "azurerm_network_security_rule" "r" {\n  direction = "Outbound"\n  access = "Allow"\n  source_address_prefix = "*"\n  destination_port_range = "22"\n}\n' },
    { name: 'GCP egress', path: TF, code: 'resource "google_compute_firewall" "f" {\n  direction = "EGRESS"\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = ["22"]\n  }\n}\n' },
    { name: 'broken mid-edit', path: TF, code: sg('    from_port = 22\n    cidr_blocks = ["0.0.0.0/0"') },
  ],
  invalid: [
    { name: 'SSH', path: TF, code: sg('    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]'), errors: [{ line: 7, column: 20, endColumn: 31 }], output: null },
    { name: 'all traffic over IPv6', path: TF, code: sg('    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    ipv6_cidr_blocks = ["::/0"]'), errors: [{ line: 7, column: 25 }] },
    { name: 'security group rule', path: TF, code: 'resource "aws_security_group_rule" "r" {\n  type = "ingress"\n  from_port = 3389\n  to_port = 3389\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n', errors: [{ line: 6, column: 18 }] },
    { name: 'vpc ingress rule', path: TF, code: 'resource "aws_vpc_security_group_ingress_rule" "r" {\n  cidr_ipv4 = "0.0.0.0/0"\n  from_port = 5432\n  to_port = 5432\n  ip_protocol = "tcp"\n}\n', errors: [{ line: 2, column: 15 }] },
    { name: 'Azure NSG inline rule', path: TF, code: 'resource "azurerm_network_security_group" "g" {\n  security_rule {\n    direction = "Inbound"\n    access = "Allow"\n    source_address_prefix = "Internet"\n    destination_port_ranges = ["80", "22"]\n  }\n}\n', errors: [{ line: 5, column: 29 }] },
    { name: 'GCP firewall, CRLF', path: TF, code: 'resource "google_compute_firewall" "f" {\r\n  source_ranges = ["0.0.0.0/0"]\r\n  allow {\r\n    protocol = "tcp"\r\n    ports = ["3300-3400"]\r\n  }\r\n}\r\n', errors: [{ line: 2, column: 20 }] },
  ],
});
