// Table tests for k8s-unsafe-sysctls.

import rule from '../../server/src/rules/hardening/k8s-unsafe-sysctls.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (sysctls: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls:\n${sysctls}  containers:\n    - name: a\n`;

ruleTester(rule, {
  valid: [
    { name: 'safe set', path: P, code: pod('      - name: net.ipv4.ip_unprivileged_port_start\n        value: "0"\n      - name: kernel.shm_rmid_forced\n        value: "1"\n      - name: net/ipv4/tcp_keepalive_time\n        value: "600"\n') },
    { name: 'templated name', path: 'chart/templates/pod.yaml', code: pod('      - name: {{ .Values.sysctl }}\n        value: "1"\n') },
    { name: 'sysctls outside securityContext are not the pod', path: P, code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  sysctls: kernel.msgmax\n' },
  ],
  invalid: [
    {
      name: 'unsafe sysctls',
      path: P,
      code: pod('      - name: kernel.msgmax\n        value: "65536"\n      - name: net.core.somaxconn\n        value: "1024"\n      - name: "vm.overcommit_memory"\n        value: "1"\n'),
      errors: [{ line: 8, column: 15, endColumn: 28 }, { line: 10, column: 15 }, { line: 12, column: 15 }],
      output: null,
    },
    { name: 'flow style in a Deployment', path: 'k8s/d.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      securityContext: {sysctls: [{name: net.ipv4.ip_forward, value: "1"}]}\n', errors: [{ line: 8, column: 42 }] },
  ],
});
