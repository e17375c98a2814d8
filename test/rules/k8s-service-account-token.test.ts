// Table tests for k8s-service-account-token.

import rule from '../../server/src/rules/hardening/k8s-service-account-token.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/deploy.yaml';
const deploy = (extra: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${extra}      containers:\n        - name: app\n`;

ruleTester(rule, {
  valid: [
    { name: 'false', path: P, code: deploy('      automountServiceAccountToken: false\n') },
    { name: 'explicit true: the workload uses the API', path: P, code: deploy('      automountServiceAccountToken: true\n') },
    { name: 'service account in the same file turns it off', path: P, code: `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n---\n${deploy('      serviceAccountName: web\n')}` },
    { name: 'service account from a variable', path: P, code: deploy('      serviceAccountName: ${SA}\n') },
    { name: 'patch', path: 'k8s/deploy.patch.yaml', code: deploy('') },
  ],
  invalid: [
    { name: 'missing', path: P, code: deploy(''), errors: [{ line: 7, column: 5, endColumn: 9 }], output: null },
    { name: 'service account elsewhere', path: P, code: deploy('      serviceAccountName: web\n'), errors: [{ line: 7, column: 5 }] },
  ],
});
