// Table tests for compose-docker-socket.

import rule from '../../server/src/rules/hardening/compose-docker-socket.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'docker-compose.yml';
const svc = (vols: string): string => `services:\n  app:\n    image: a:1\n    volumes:\n${vols}`;

ruleTester(rule, {
  valid: [
    { name: 'named volume', path: P, code: svc('      - data:/var/lib/data\n') },
    { name: 'bind of a project folder', path: P, code: svc('      - ./src:/app/src\n') },
    { name: 'socket path from a variable', path: P, code: svc('      - ${DOCKER_SOCK}:/var/run/docker.sock\n') },
    { name: 'a socket file of another kind', path: P, code: svc('      - /run/mysqld/mysqld.sock:/run/mysqld/mysqld.sock\n') },
  ],
  invalid: [
    { name: 'short syntax, read-only', path: P, code: svc('      - /var/run/docker.sock:/var/run/docker.sock:ro\n'), errors: [{ line: 5, column: 9 }], output: null },
    { name: 'long syntax', path: P, code: svc('      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd/containerd.sock\n'), errors: [{ line: 6, column: 17 }] },
    { name: 'quoted, CRLF', path: P, code: svc('      - "/var/run/docker.sock:/tmp/docker.sock"\n').replace(/\n/g, '\r\n'), errors: [{ line: 5, column: 9 }] },
  ],
});
