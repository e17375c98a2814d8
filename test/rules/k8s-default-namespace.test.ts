// Table tests for k8s-default-namespace.

import rule from '../../server/src/rules/hardening/k8s-default-namespace.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/svc.yaml';
const svc = (meta: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${meta}spec:\n  ports: [{port: 80}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'own namespace', path: P, code: svc('  namespace: shop\n') },
    { name: 'no namespace (set at deploy time)', path: P, code: svc('') },
    { name: 'templated namespace', path: 'chart/templates/svc.yaml', code: svc('  namespace: {{ .Release.Namespace }}\n') },
    { name: 'a subject namespace is not the object namespace', path: P, code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\n  namespace: shop\nsubjects:\n  - kind: ServiceAccount\n    name: a\n    namespace: default\n' },
  ],
  invalid: [
    { name: 'namespace: default', path: P, code: svc('  namespace: default\n'), errors: [{ line: 5, column: 14, endColumn: 21, messageIncludes: "Service 'web'" }], output: null },
    { name: 'quoted, second document, CRLF', path: P, code: `${svc('  namespace: shop\n')}---\n${svc('  namespace: "default"\n')}`.replace(/\n/g, '\r\n'), errors: [{ line: 13, column: 15, endColumn: 22 }] },
  ],
});
