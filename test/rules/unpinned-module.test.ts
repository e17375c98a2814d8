// Table tests for unpinned-module.

import rule from '../../server/src/rules/pinning/unpinned-module.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/main.tf';
const mod = (body: string): string => `module "m" {\n${body}\n}\n`;
const SHA = '0c4d1e5b8f2a9e7d6c3b1a0f9e8d7c6b5a4f3e2d';

ruleTester(rule, {
  valid: [
    { name: 'local module', path: TF, code: mod('  source = "./modules/app"') },
    { name: 'parent directory', path: TF, code: mod('  source = "../shared"') },
    { name: 'registry with exact version', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"') },
    { name: 'registry with = version', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = "= 5.8.1"') },
    { name: 'registry with ~>', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.8"') },
    { name: 'registry with a range', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = ">= 5.0, < 6.0"') },
    { name: 'private registry with version', path: TF, code: mod('  source  = "app.terraform.io/acme/vpc/aws"\n  version = "1.2.0"') },
    { name: 'registry submodule with version', path: TF, code: mod('  source  = "terraform-aws-modules/iam/aws//modules/iam-role"\n  version = "5.1.0"') },
    { name: 'version from a variable is unknown', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = var.vpc_version') },
    { name: 'git with tag', path: TF, code: mod('  source = "git::https://example.com/vpc.git?ref=v1.2.0"') },
    { name: 'git with full SHA', path: TF, code: mod(`  source = "git::https://example.com/vpc.git?ref=${SHA}"`) },
    { name: 'git with subdir and tag', path: TF, code: mod('  source = "git::https://example.com/net.git//modules/vpc?depth=1&ref=1.4.0"') },
    { name: 'github shorthand with tag', path: TF, code: mod('  source = "github.com/hashicorp/example?ref=v0.1.0"') },
    { name: 'scp-style git with tag', path: TF, code: mod('  source = "git@github.com:hashicorp/example.git?ref=v1.0.0"') },
    { name: 'hg with rev tag', path: TF, code: mod('  source = "hg::http://example.com/vpc.hg?rev=v1.2.0"') },
    { name: 'archive with a version in the URL', path: TF, code: mod('  source = "https://example.com/vpc-module-1.2.0.zip"') },
    { name: 's3 archive with a version', path: TF, code: mod('  source = "s3::https://s3-eu-west-1.amazonaws.com/examplecorp-terraform-modules/vpc/v3/vpc.zip"') },
    { name: 'interpolated source is unknown', path: TF, code: mod('  source = "git::https://example.com/${var.repo}.git"') },
    { name: 'no source yet (typing)', path: TF, code: mod('  source =') },
    { name: 'a full tag ref', path: TF, code: mod('  source = "git::https://example.com/vpc.git?ref=refs/tags/v1.2.0"') },
    { name: 'a ref that is neither a branch nor a version', path: TF, code: mod('  source = "git::https://example.com/vpc.git?ref=prod-2024"') },
    { name: 'not a module block', path: TF, code: 'resource "x" "y" {\n  source = "github.com/a/b"\n}\n' },
    { name: 'not Terraform', path: 'main.tf.md', code: mod('  source = "github.com/a/b"') },
  ],
  invalid: [
    {
      name: 'git without ref',
      path: TF,
      code: mod('  source = "git::https://example.com/vpc.git"'),
      errors: [{ line: 2, column: 13, endColumn: 45, messageIncludes: '?ref=' }],
      output: null,
    },
    {
      name: 'git on main',
      path: TF,
      code: mod('  source = "git::https://example.com/vpc.git?ref=main"'),
      errors: [{ line: 2, column: 50, endColumn: 54, messageIncludes: "'main'" }],
    },
    { name: 'github shorthand without ref', path: TF, code: mod('  source = "github.com/hashicorp/example"'), errors: [{ line: 2, column: 13 }] },
    { name: 'bitbucket shorthand on master', path: TF, code: mod('  source = "bitbucket.org/hashicorp/tf-test-git?ref=master"'), errors: [{ line: 2, column: 53 }] },
    { name: 'HEAD', path: TF, code: mod('  source = "git::ssh://git@example.com/vpc.git?ref=HEAD"'), errors: [{ line: 2, column: 52 }] },
    { name: 'a branch path', path: TF, code: mod('  source = "git::https://example.com/vpc.git?ref=feature/x"'), errors: [{ line: 2, column: 50 }] },
    { name: 'a full branch ref', path: TF, code: mod('  source = "git::https://example.com/vpc.git?ref=refs/heads/release-1"'), errors: [{ line: 2, column: 50 }] },
    { name: 'scp-style without ref', path: TF, code: mod('  source = "git@github.com:hashicorp/example.git"'), errors: [{ line: 2, column: 13 }] },
    { name: 'hg without rev', path: TF, code: mod('  source = "hg::http://example.com/vpc.hg"'), errors: [{ line: 2, column: 13, messageIncludes: '?rev=' }] },
    { name: 'registry without version', path: TF, code: mod('  source = "terraform-aws-modules/vpc/aws"'), errors: [{ line: 2, column: 13, endColumn: 42 }] },
    { name: 'registry with empty version', path: TF, code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = ""'), errors: [{ line: 2, column: 14 }] },
    {
      name: 'registry with an unbounded constraint',
      path: TF,
      code: mod('  source  = "terraform-aws-modules/vpc/aws"\n  version = ">= 5.0"'),
      errors: [{ line: 3, column: 14, endColumn: 20, messageIncludes: '>= 5.0' }],
    },
    { name: 'http archive without a version', path: TF, code: mod('  source = "https://example.com/vpc-module.zip"'), errors: [{ line: 2, column: 13 }] },
    { name: 's3 archive without a version', path: TF, code: mod('  source = "s3::https://s3-eu-west-1.amazonaws.com/corp-modules/vpc.zip"'), errors: [{ line: 2, column: 13 }] },
    { name: 'gcs archive without a version', path: TF, code: mod('  source = "gcs::https://www.googleapis.com/storage/v1/modules/foomodule.zip"'), errors: [{ line: 2, column: 13 }] },
    {
      name: 'a password in the URL and keys in the query never reach the message',
      path: TF,
      code: mod('  source = "git::https://bob:ghp_s3cr3tT0ken@example.com/vpc.git?depth=1"'),
      errors: [{ line: 2, column: 13, messageExcludes: 'ghp_s3cr3tT0ken' }],
    },
    {
      name: 'S3 credentials in the query never reach the message',
      path: TF,
      code: mod('  source = "s3::https://s3.amazonaws.com/b/vpc.zip?aws_access_key_secret=wJalrXUtnFEMIK7MDENG"'),
      errors: [{ line: 2, column: 13, messageExcludes: 'wJalrXUtnFEMIK7MDENG' }],
    },
    {
      name: 'CRLF, in a broken file: the intact module still reports',
      path: TF,
      code: 'resource "a" "b" {\r\n  name = \r\n\r\nmodule "m" {\r\n  source = "github.com/a/b?ref=main"\r\n}\r\n',
      errors: [{ line: 5, column: 32, endColumn: 36 }],
    },
    {
      name: '.tfvars is Terraform too, but modules live in .tf',
      path: 'modules.tf',
      code: 'module "a" {\n  source = "github.com/a/b"\n}\nmodule "b" {\n  source = "github.com/a/c?ref=v1"\n}\n',
      errors: [{ line: 2, column: 13 }],
    },
  ],
});
