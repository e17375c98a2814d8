// Table tests for unauthenticated-packages.

import rule from '../../server/src/rules/hardening/unauthenticated-packages.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'plain install', path: DF, code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
    { name: 'flag text echoed', path: DF, code: 'FROM debian:12\nRUN echo --allow-unauthenticated\n' },
    { name: 'flag for another program', path: DF, code: 'FROM debian:12\nRUN mytool --nogpgcheck\n' },
    { name: 'zypper auto-import still verifies', path: DF, code: 'FROM opensuse/leap:15\nRUN zypper --gpg-auto-import-keys refresh\n' },
    { name: 'broken mid-edit', path: DF, code: 'FROM debian:12\nRUN apt-get install "\n' },
  ],
  invalid: [
    { name: 'apt-get', path: DF, code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n', errors: [{ line: 2, column: 24, endColumn: 47 }], output: null },
    { name: 'force-yes with sudo', path: DF, code: 'FROM debian:12\nRUN sudo apt-get -y --force-yes install curl\n', errors: [{ line: 2, column: 21 }] },
    { name: 'apt -o option', path: DF, code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install curl\n', errors: [{ line: 2, column: 16 }] },
    { name: 'yum, continuation CRLF', path: DF, code: 'FROM centos:7\r\nRUN yum install -y \\\r\n    --nogpgcheck tar\r\n', errors: [{ line: 3, column: 5 }] },
    { name: 'dnf', path: DF, code: 'FROM fedora:40\nRUN dnf install --nogpgcheck -y x.rpm\n', errors: [{ line: 2, column: 17 }] },
    { name: 'apk', path: DF, code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk\n', errors: [{ line: 2, column: 13 }] },
    { name: 'workflow step', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: sudo apt-get install -y --allow-unauthenticated foo\n', errors: [{ line: 6, column: 38 }] },
    { name: 'GitLab script', path: '.gitlab-ci.yml', code: 'test:\n  script:\n    - apk add --allow-untrusted ./pkg.apk\n', errors: [{ line: 3, column: 15 }] },
    { name: 'zypper', path: DF, code: 'FROM opensuse/leap:15\nRUN zypper --no-gpg-checks install -y curl\n', errors: [{ line: 2, column: 12 }] },
  ],
});
