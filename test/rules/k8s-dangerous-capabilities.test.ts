// Table tests for k8s-dangerous-capabilities.

import rule from '../../server/src/rules/hardening/k8s-dangerous-capabilities.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (caps: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n${caps}`;

ruleTester(rule, {
  valid: [
    { name: 'NET_BIND_SERVICE', path: P, code: pod('          add: [NET_BIND_SERVICE]\n') },
    { name: 'dropping ALL', path: P, code: pod('          drop: [ALL]\n') },
    { name: 'template', path: P, code: pod('          add: {{ .Values.caps }}\n') },
    { name: 'baseline capabilities', path: P, code: pod('          add: [CHOWN, SETUID, SETGID, KILL, AUDIT_WRITE, cap_sys_chroot]\n') },
    { name: 'templated list item', path: 'chart/templates/pod.yaml', code: pod('          add:\n            - {{ .Values.extraCap }}\n') },
    { name: 'values file: baseline only', path: 'chart/values.yaml', code: 'image:\n  repository: x\nsecurityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\nreplicaCount: 1\n' },
  ],
  invalid: [
    { name: 'SYS_ADMIN and NET_ADMIN', path: P, code: pod('          add: ["SYS_ADMIN", "NET_ADMIN", "CHOWN"]\n'), errors: [{ line: 10, column: 17, endColumn: 28 }, { line: 10, column: 30 }], output: null },
    { name: 'ALL, block list, CAP_ prefix, lower case', path: P, code: pod('          add:\n            - ALL\n            - cap_sys_module\n'), errors: [{ line: 11, column: 15 }, { line: 12, column: 15 }] },
    { name: 'NET_RAW is beyond the baseline (medium)', path: P, code: pod('          add: [NET_RAW, SYS_TIME, WHATEVER]\n'), errors: [{ line: 10, column: 17, messageIncludes: 'spoof' }, { line: 10, column: 26 }, { line: 10, column: 36 }] },
    { name: 'values file', path: 'charts/x/values.yaml', code: 'replicaCount: 1\nimage:\n  repository: x\ncontroller:\n  containerSecurityContext:\n    capabilities:\n      add:\n        - SYS_ADMIN\n', errors: [{ line: 8, column: 11, messageIncludes: 'controller.containerSecurityContext' }] },
  ],
});

describe('k8s-dangerous-capabilities severities', () => {
  it('near-root capabilities are high, other non-baseline ones medium', () => {
    const { findings } = analyzeWith(rule, { path: P, code: pod('          add: [SYS_ADMIN, NET_RAW]\n') });
    assert.deepEqual(findings.map((f) => f.severity), ['high', 'medium']);
  });
});
