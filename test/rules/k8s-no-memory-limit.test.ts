// Table tests for k8s-no-memory-limit.

import rule from '../../server/src/rules/hardening/k8s-no-memory-limit.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/deploy.yaml';
const deploy = (containers: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n${containers}`;
const c = (name: string, extra = ''): string => `        - name: ${name}\n          image: app:1\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'memory limit', path: P, code: deploy(c('a', '          resources:\n            limits:\n              memory: 256Mi\n')) },
    { name: 'limits from a template', path: 'chart/templates/deploy.yaml', code: deploy(c('a', '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n')) },
    { name: 'resources as a template value', path: 'chart/templates/deploy.yaml', code: deploy(c('a', '          resources: {{ .Values.resources }}\n')) },
    { name: 'a LimitRange in the file gives a default', path: P, code: `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n    - type: Container\n      default:\n        memory: 512Mi\n---\n${deploy(c('a'))}` },
    { name: 'patch file', path: 'k8s/patch.yaml', code: deploy(c('a')) },
    { name: 'not a workload', path: P, code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n' },
  ],
  invalid: [
    { name: 'no resources', path: P, code: deploy(c('a')), errors: [{ line: 9, column: 17, endColumn: 18 }], output: null },
    { name: 'requests and a CPU limit only', path: P, code: deploy(c('a', '          resources:\n            requests:\n              memory: 64Mi\n            limits:\n              cpu: 500m\n') + c('b', '          resources: {limits: {memory: 1Gi}}\n')), errors: [{ line: 9, column: 17 }] },
    { name: 'init container of a CronJob', path: 'k8s/cron.yaml', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: init\n              image: busybox:1.36\n          containers:\n            - name: main\n              image: app:1\n              resources: {limits: {memory: 128Mi}}\n', errors: [{ line: 11, column: 21 }] },
  ],
});
