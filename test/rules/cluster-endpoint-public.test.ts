// Table tests for cluster-endpoint-public.

import rule from '../../server/src/rules/hardening/cluster-endpoint-public.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/k8s.tf';
const eks = (vpc: string): string => `resource "aws_eks_cluster" "c" {\n  name = "c"\n  vpc_config {\n    subnet_ids = var.subnets\n${vpc}  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'EKS private only', path: TF, code: eks('    endpoint_private_access = true\n    endpoint_public_access  = false\n') },
    { name: 'EKS public with listed CIDRs', path: TF, code: eks('    public_access_cidrs = ["203.0.113.0/24"]\n') },
    { name: 'EKS CIDRs from a variable without default', path: TF, code: eks('    public_access_cidrs = var.cidrs\n') },
    { name: 'GKE with authorized networks', path: TF, code: 'resource "google_container_cluster" "g" {\n  master_authorized_networks_config {\n    cidr_blocks {\n      cidr_block = "10.0.0.0/8"\n    }\n  }\n}\n' },
    { name: 'GKE private endpoint', path: TF, code: 'resource "google_container_cluster" "g" {\n  private_cluster_config {\n    enable_private_endpoint = true\n  }\n}\n' },
    { name: 'GKE dynamic authorized networks', path: TF, code: 'resource "google_container_cluster" "g" {\n  dynamic "master_authorized_networks_config" {\n    for_each = var.n\n    content {}\n  }\n}\n' },
    { name: 'AKS private', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\n  private_cluster_enabled = true\n}\n' },
    { name: 'AKS authorized ranges', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\n  api_server_access_profile {\n    authorized_ip_ranges = ["198.51.100.0/24"]\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'EKS defaults (low): the fix turns the public endpoint off',
      path: TF,
      code: eks(''),
      errors: [{ line: 3, column: 3, endColumn: 13, messageIncludes: 'defaults to 0.0.0.0/0' }],
      output: eks('    endpoint_private_access = true\n    endpoint_public_access = false\n'),
      fixSafety: 'unsafe',
    },
    { name: 'EKS public endpoint explicitly on', path: TF, code: eks('    endpoint_public_access = true\n'), errors: [{ line: 5, column: 30 }], output: null },
    { name: 'EKS 0.0.0.0/0 from a variable default', path: TF, code: eks('    public_access_cidrs = var.cidrs\n'), module: { files: [{ name: 'variables.tf', text: 'variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\n' }] }, errors: [{ line: 5, column: 27, messageIncludes: 'var.cidrs' }] },
    { name: 'GKE without authorized networks (low)', path: TF, code: 'resource "google_container_cluster" "g" {\n  name = "g"\n}\n', errors: [{ line: 1, column: 10 }], output: 'resource "google_container_cluster" "g" {\n  name = "g"\n  master_authorized_networks_config {}\n}\n' },
    { name: 'GKE authorizes 0.0.0.0/0, CRLF', path: TF, code: 'resource "google_container_cluster" "g" {\r\n  master_authorized_networks_config {\r\n    cidr_blocks {\r\n      cidr_block = "0.0.0.0/0"\r\n    }\r\n  }\r\n}\r\n', errors: [{ line: 4, column: 20 }] },
    { name: 'AKS without ranges (low, no fix)', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\n  name = "a"\n}\n', errors: [{ line: 1, column: 10 }], output: null },
    { name: 'AKS empty list', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\n  api_server_authorized_ip_ranges = []\n}\n', errors: [{ line: 2, column: 37 }] },
  ],
});

fixRoundTrip(rule, [
  { name: 'EKS', path: TF, code: eks('    endpoint_private_access = true\n') },
  { name: 'GKE', path: TF, code: 'resource "google_container_cluster" "g" {}\n' },
]);
