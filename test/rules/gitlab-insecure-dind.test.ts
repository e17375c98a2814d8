// Table tests for gitlab-insecure-dind.

import rule from '../../server/src/rules/permissions/gitlab-insecure-dind.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CI = '.gitlab-ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'TLS on', path: CI, code: 'variables:\n  DOCKER_TLS_CERTDIR: "/certs"\n  DOCKER_HOST: tcp://docker:2376\n' },
    { name: 'unix socket', path: CI, code: 'variables:\n  DOCKER_HOST: unix:///var/run/docker.sock\n' },
  ],
  invalid: [
    { name: 'TLS disabled', path: CI, code: 'variables:\n  DOCKER_TLS_CERTDIR: ""\n', errors: [{ line: 2, column: 23, endColumn: 25 }], output: null },
    { name: 'plain port in a job', path: CI, code: 'build:\n  variables:\n    DOCKER_HOST: tcp://docker:2375/\n  script: [docker info]\n', errors: [{ line: 3, column: 18 }] },
  ],
});
