// Table tests for k8s-unconfined-security.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../server/src/rules/hardening/k8s-unconfined-security.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (podSc: string, containerSc: string, annotations = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n${podSc}  containers:\n    - name: app\n      image: app:1\n${containerSc}`;

ruleTester(rule, {
  valid: [
    { name: 'RuntimeDefault and Localhost', path: P, code: pod('  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n', '      securityContext:\n        seccompProfile:\n          type: Localhost\n          localhostProfile: p.json\n        appArmorProfile:\n          type: RuntimeDefault\n') },
    { name: 'allowed SELinux type and level', path: P, code: pod('  securityContext:\n    seLinuxOptions:\n      type: container_init_t\n      level: "s0:c123,c456"\n', '') },
    { name: 'procMount Default', path: P, code: pod('', '      securityContext:\n        procMount: Default\n') },
    { name: 'runtime/default annotations', path: P, code: pod('', '', '  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n') },
    { name: 'templated type', path: 'chart/templates/pod.yaml', code: pod('  securityContext:\n    seccompProfile:\n      type: {{ .Values.seccomp }}\n', '') },
    { name: 'not a workload', path: P, code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  procMount: Unmasked\n' },
  ],
  invalid: [
    {
      name: 'seccomp and AppArmor Unconfined',
      path: P,
      code: pod('  securityContext:\n    seccompProfile:\n      type: Unconfined\n', '      securityContext:\n        appArmorProfile:\n          type: "Unconfined"\n'),
      errors: [{ line: 8, column: 13, endColumn: 23 }, { line: 14, column: 18, endColumn: 28 }],
      output: pod('  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n', '      securityContext:\n        appArmorProfile:\n          type: "RuntimeDefault"\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'legacy annotations',
      path: P,
      code: pod('', '', '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n'),
      errors: [{ line: 6, column: 47 }, { line: 7, column: 57 }],
      output: pod('', '', '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n'),
    },
    {
      name: 'SELinux spc_t, user and role; no fix',
      path: P,
      code: pod('  securityContext:\n    seLinuxOptions:\n      type: spc_t\n      user: system_u\n      role: system_r\n', ''),
      errors: [{ line: 8, column: 13, messageIncludes: 'super privileged' }, { line: 9, column: 13 }, { line: 10, column: 13 }],
      output: null,
    },
    {
      name: 'procMount Unmasked in a Deployment template',
      path: 'k8s/deploy.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        container.seccomp.security.alpha.kubernetes.io/a: unconfined\n    spec:\n      containers:\n        - name: a\n          securityContext: {procMount: Unmasked}\n',
      errors: [{ line: 9, column: 59 }, { line: 13, column: 40 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        container.seccomp.security.alpha.kubernetes.io/a: runtime/default\n    spec:\n      containers:\n        - name: a\n          securityContext: {procMount: Default}\n',
    },
    {
      name: 'chart values file',
      path: 'charts/x/values.yaml',
      code: 'image:\n  repository: x\npodSecurityContext:\n  seccompProfile:\n    type: Unconfined\nreplicaCount: 1\n',
      errors: [{ line: 5, column: 11, messageIncludes: "'podSecurityContext'" }],
    },
  ],
});

describe('k8s-unconfined-security severities', () => {
  it('seccomp is high, a custom SELinux user medium', () => {
    const { findings } = analyzeWith(rule, { path: P, code: pod('  securityContext:\n    seccompProfile:\n      type: Unconfined\n    seLinuxOptions:\n      user: u\n', '') });
    assert.deepEqual(findings.map((f) => f.severity), ['high', 'medium']);
  });
});

fixRoundTrip(rule, [{ name: 'every fixable hazard', path: P, code: pod('  securityContext:\n    seccompProfile:\n      type: Unconfined\n', '      securityContext:\n        procMount: Unmasked\n        appArmorProfile:\n          type: Unconfined\n') }]);
