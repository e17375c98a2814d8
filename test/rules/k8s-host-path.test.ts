// Table tests for k8s-host-path.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { sensitiveHostPath } from '../../server/src/rules/hardening/k8s-host-path.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (path: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n  volumes:\n    - name: v\n      hostPath:\n        path: ${path}\n`;

it('sensitiveHostPath', () => {
  for (const p of ['/', '/etc', '/etc/', '/proc', '/var/run', '/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/lib/kubelet/pods', '/sys/fs/cgroup']) assert.equal(sensitiveHostPath(p), true, p);
  for (const p of ['/data', '/var/log', '/mnt/disks/ssd0', '/etcd-data', '/opt/docker.sock.d']) assert.equal(sensitiveHostPath(p), false, p);
});

ruleTester(rule, {
  valid: [
    { name: 'log directory', path: P, code: pod('/var/log') },
    { name: 'variable', path: P, code: pod('${ROOT}/etc') },
    { name: 'emptyDir', path: P, code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: v\n      emptyDir: {}\n' },
  ],
  invalid: [
    { name: 'docker socket', path: P, code: pod('/var/run/docker.sock'), errors: [{ line: 11, column: 15, endColumn: 35 }], output: null },
    { name: 'root, quoted', path: P, code: pod('"/"'), errors: [{ line: 11, column: 15 }] },
    { name: 'etc with trailing slash', path: P, code: pod('/etc/'), errors: [{ line: 11, column: 15 }] },
  ],
});
