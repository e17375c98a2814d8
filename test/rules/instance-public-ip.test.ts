// Table tests for instance-public-ip.

import rule from '../../server/src/rules/hardening/instance-public-ip.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/compute.tf';

ruleTester(rule, {
  valid: [
    { name: 'false', path: TF, code: 'resource "aws_instance" "i" {\n  associate_public_ip_address = false\n}\n' },
    { name: 'not set (the subnet decides)', path: TF, code: 'resource "aws_instance" "i" {\n  ami = "ami-1"\n}\n' },
    { name: 'private subnet', path: TF, code: 'resource "aws_subnet" "s" {\n  map_public_ip_on_launch = false\n}\n' },
    { name: 'GCP VM without access_config', path: TF, code: 'resource "google_compute_instance" "vm" {\n  network_interface {\n    network = "default"\n  }\n}\n' },
    { name: 'Azure NIC without public IP', path: TF, code: 'resource "azurerm_network_interface" "n" {\n  ip_configuration {\n    name = "internal"\n    public_ip_address_id = null\n  }\n}\n' },
    { name: 'unknown', path: TF, code: 'resource "aws_instance" "i" {\n  associate_public_ip_address = var.public\n}\n' },
  ],
  invalid: [
    { name: 'instance', path: TF, code: 'resource "aws_instance" "i" {\n  associate_public_ip_address = true\n}\n', errors: [{ line: 2, column: 33, endColumn: 37 }], output: 'resource "aws_instance" "i" {\n  associate_public_ip_address = false\n}\n', fixSafety: 'unsafe' },
    { name: 'launch template interface, CRLF', path: TF, code: 'resource "aws_launch_template" "t" {\r\n  network_interfaces {\r\n    associate_public_ip_address = "true"\r\n  }\r\n}\r\n', errors: [{ line: 3, column: 35 }] },
    { name: 'public subnet from a local', path: TF, code: 'resource "aws_subnet" "s" {\n  map_public_ip_on_launch = local.public\n}\nlocals {\n  public = true\n}\n', errors: [{ line: 2, column: 29, messageIncludes: 'local.public' }], output: null },
    { name: 'GCP access_config', path: TF, code: 'resource "google_compute_instance" "vm" {\n  network_interface {\n    access_config {}\n  }\n}\n', errors: [{ line: 3, column: 5, endColumn: 18 }] },
    { name: 'Azure NIC with public IP', path: TF, code: 'resource "azurerm_network_interface" "n" {\n  ip_configuration {\n    public_ip_address_id = azurerm_public_ip.p.id\n  }\n}\n', errors: [{ line: 3, column: 5 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'subnet', path: TF, code: 'resource "aws_subnet" "s" {\n  map_public_ip_on_launch = true\n}\n' }]);
