// Table tests for k8s-host-port.

import rule from '../../server/src/rules/hardening/k8s-host-port.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/deploy.yaml';
const deploy = (ports: string, podExtra = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podExtra}      containers:\n        - name: nginx\n          image: nginx:1.27\n          ports:\n${ports}`;

ruleTester(rule, {
  valid: [
    { name: 'containerPort only', path: P, code: deploy('            - containerPort: 80\n') },
    { name: 'hostPort 0 means none', path: P, code: deploy('            - containerPort: 80\n              hostPort: 0\n') },
    { name: 'templated hostPort', path: 'chart/templates/deploy.yaml', code: deploy('            - containerPort: 80\n              hostPort: {{ .Values.hostPort }}\n') },
    { name: 'with hostNetwork (k8s-host-namespaces reports it)', path: P, code: deploy('            - containerPort: 80\n              hostPort: 80\n', '      hostNetwork: true\n') },
    { name: 'string port', path: P, code: deploy('            - containerPort: 80\n              hostPort: "80"\n') },
  ],
  invalid: [
    {
      name: 'hostPort on a Deployment',
      path: P,
      code: deploy('            - containerPort: 80\n              hostPort: 80\n            - containerPort: 443\n              hostPort: 443\n'),
      errors: [{ line: 13, column: 25, endColumn: 27 }, { line: 15, column: 25, endColumn: 28 }],
      output: null,
    },
    {
      name: 'flow style, CRLF',
      path: P,
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: a\r\n      ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]\r\n',
      errors: [{ line: 8, column: 45 }],
    },
  ],
});
