// Table tests for unversioned-provider.

import rule from '../../server/src/rules/pinning/unversioned-provider.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'versions.tf';
const req = (entries: string): string => `terraform {\n  required_providers {\n${entries}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'object form with version', path: TF, code: req('    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }') },
    { name: 'lower bound only (reusable module)', path: TF, code: req('    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 6.28"\n    }') },
    { name: 'legacy string form', path: TF, code: req('    aws = "~> 3.0"') },
    { name: 'empty required_providers', path: TF, code: req('') },
    { name: 'a provider block is not a requirement', path: TF, code: 'provider "aws" {\n  region = "eu-west-1"\n}\n' },
    { name: 'required_providers outside terraform {}', path: TF, code: 'locals {\n  required_providers {\n    aws = {}\n  }\n}\n' },
    {
      name: 'version in the provider block (deprecated form)',
      path: TF,
      code: `${req('    aws = {\n      source = "hashicorp/aws"\n    }')}provider "aws" {\n  version = "~> 2.0"\n}\n`,
    },
    { name: 'an unfinished entry', path: TF, code: req('    aws =') },
  ],
  invalid: [
    {
      name: 'object form without version',
      path: TF,
      code: req('    random = {\n      source = "hashicorp/random"\n    }'),
      errors: [{ line: 3, column: 5, endColumn: 11, messageIncludes: 'hashicorp/random' }],
      output: null,
    },
    { name: 'empty object', path: TF, code: req('    aws = {}'), errors: [{ line: 3, column: 5 }] },
    { name: 'empty version string', path: TF, code: req('    aws = {\n      source  = "hashicorp/aws"\n      version = ""\n    }'), errors: [{ line: 5, column: 18 }] },
    { name: 'legacy form, empty', path: TF, code: req('    aws = ""'), errors: [{ line: 3, column: 12 }] },
    {
      name: 'several entries, one without',
      path: TF,
      code: req('    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n    tls = {\n      source = "hashicorp/tls"\n    }'),
      errors: [{ line: 7, column: 5 }],
    },
    {
      name: 'CRLF and an unclosed block before',
      path: TF,
      code: 'resource "a" "b" {\r\n  x = {\r\n\r\nterraform {\r\n  required_providers {\r\n    aws = { source = "hashicorp/aws" }\r\n  }\r\n}\r\n',
      errors: [{ line: 6, column: 5, endColumn: 8 }],
    },
  ],
});
