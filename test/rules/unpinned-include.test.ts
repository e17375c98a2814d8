// Table tests for unpinned-include.

import rule from '../../server/src/rules/pinning/unpinned-include.js';
import { ruleTester } from '../helpers/rule-tester.js';

const GL = '.gitlab-ci.yml';
const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

ruleTester(rule, {
  valid: [
    { name: 'project at a tag', path: GL, code: "include:\n  - project: g/p\n    ref: v1.2.0\n    file: '/t.yml'\n" },
    { name: 'project at a SHA', path: GL, code: `include:\n  project: g/p\n  ref: ${SHA}\n  file: t.yml\n` },
    { name: 'ref from a variable', path: GL, code: 'include:\n  - project: g/p\n    ref: $TEMPLATES_REF\n    file: t.yml\n' },
    { name: 'local and template includes', path: GL, code: "include:\n  - local: '/ci/a.yml'\n  - template: Auto-DevOps.gitlab-ci.yml\n  - '/ci/b.yml'\n" },
    { name: 'remote URL containing a commit', path: GL, code: `include:\n  - remote: https://gitlab.com/g/p/-/raw/${SHA}/t.yml\n` },
    { name: 'remote URL verified by integrity', path: GL, code: 'include:\n  - remote: https://example.com/ci.yml\n    integrity: sha256-L3/GAoKaw0Arw6hDCKeKQlV1QPEgHYxGBHsH4zG1IY8=\n' },
    { name: 'component at a version', path: GL, code: 'include:\n  - component: $CI_SERVER_FQDN/g/c/build@1.0.0\n' },
    { name: 'component at a SHA', path: GL, code: `include:\n  - component: gitlab.com/g/c/build@${SHA}\n` },
  ],
  invalid: [
    { name: 'project without ref', path: GL, code: 'include:\n  - project: g/p\n    file: t.yml\n', errors: [{ line: 2, column: 14, endColumn: 17, messageIncludes: 'default branch' }] },
    { name: 'project on main', path: GL, code: "include:\n  - project: 'g/p'\n    ref: main\n    file: t.yml\n", errors: [{ line: 3, column: 10, endColumn: 14, messageIncludes: "'main'" }] },
    { name: 'remote URL, string and map forms', path: GL, code: "include:\n  - 'https://example.com/ci.yml'\n  - remote: https://example.com/b.yml\n", errors: [{ line: 2, column: 6 }, { line: 3, column: 13 }] },
    { name: 'single remote string', path: GL, code: 'include: https://example.com/ci.yml\n', errors: [{ line: 1, column: 10 }] },
    { name: 'component at ~latest and at main', path: GL, code: 'include:\n  - component: $CI_SERVER_FQDN/g/c/a@~latest\n  - component: gitlab.com/g/c/b@main\n', errors: [{ line: 2, column: 16 }, { line: 3, column: 16 }] },
    { name: 'CRLF', path: GL, code: 'include:\r\n  - project: g/p\r\n    ref: master\r\n', errors: [{ line: 3, column: 10 }] },
  ],
});
