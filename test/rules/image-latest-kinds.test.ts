// Table tests for image-latest across the YAML kinds (the Dockerfile cases are in image-latest.test.ts).

import rule from '../../server/src/rules/pinning/image-latest.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const GL = '.gitlab-ci.yml';
const AZ = 'azure-pipelines.yml';
const BB = 'bitbucket-pipelines.yml';
const CC = '.circleci/config.yml';
const DC = 'docker-compose.yml';
const K8S = 'k8s/deploy.yaml';
const pod = (containers: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n${containers}`;

ruleTester(rule, {
  valid: [
    { name: 'GitHub container with tag', path: WF, code: 'on: push\njobs:\n  a:\n    container: node:20\n    services:\n      db:\n        image: postgres:16\n' },
    { name: 'GitHub container from an expression', path: WF, code: 'on: push\njobs:\n  a:\n    container: ${{ matrix.image }}\n' },
    { name: 'GitLab image from a variable', path: GL, code: 'build:\n  image: $CI_REGISTRY_IMAGE/builder\n  script: [make]\n' },
    { name: 'GitLab service with tag, name form', path: GL, code: 'test:\n  services:\n    - name: docker:24-dind\n  script: [make]\n' },
    { name: 'GitLab keyword that is not a job', path: GL, code: 'variables:\n  image: node\n' },
    { name: 'Azure container alias', path: AZ, code: 'resources:\n  containers:\n    - container: build\n      image: ubuntu:22.04\njobs:\n  - job: a\n    container: build\n' },
    { name: 'Azure bare name may be an alias from a template', path: AZ, code: 'jobs:\n  - job: a\n    container: builder\n' },
    { name: 'CircleCI parameterised image', path: CC, code: 'version: 2.1\njobs:\n  b:\n    docker:\n      - image: << parameters.image >>\n' },
    { name: 'compose image from a variable', path: DC, code: 'services:\n  app:\n    image: ${IMAGE}\n' },
    { name: 'compose image that names what build: produces', path: DC, code: 'services:\n  app:\n    build: .\n    image: myapp\n' },
    { name: 'Kubernetes image with digest', path: K8S, code: pod(`      containers:\n        - name: app\n          image: nginx@sha256:${'a'.repeat(64)}\n`) },
    { name: 'Helm template value', path: K8S, code: pod('      containers:\n        - name: app\n          image: "{{ .Values.image }}"\n') },
    { name: 'env value named image in a workflow', path: WF, code: 'on: push\nenv:\n  image: node\njobs: {}\n' },
  ],
  invalid: [
    {
      name: 'GitHub container string and services image',
      path: WF,
      code: 'on: push\njobs:\n  a:\n    container: node\n    services:\n      db:\n        image: "postgres:latest"\n',
      errors: [{ line: 4, column: 16, endColumn: 20, messageIncludes: 'no tag' }, { line: 7, column: 17, endColumn: 32, messageIncludes: '`latest`' }],
    },
    { name: 'GitHub container map form', path: WF, code: 'on: push\njobs:\n  a:\n    container:\n      image: ubuntu\n', errors: [{ line: 5, column: 14 }] },
    { name: 'docker action image', path: 'action.yml', code: "runs:\n  using: docker\n  image: 'docker://alpine'\n", errors: [{ line: 3, column: 20, endColumn: 26 }] },
    {
      name: 'GitLab top-level, default:, job and services in both forms',
      path: GL,
      code: 'image: node\ndefault:\n  image:\n    name: ruby:latest\nservices:\n  - postgres\ntest:\n  services:\n    - name: redis\n  script: [x]\n',
      errors: [{ line: 1, column: 8 }, { line: 4, column: 11 }, { line: 6, column: 5 }, { line: 9, column: 13 }],
    },
    {
      name: 'Azure resources.containers, job container map and string',
      path: AZ,
      code: 'resources:\n  containers:\n    - container: c\n      image: ubuntu\nstages:\n  - stage: s\n    jobs:\n      - job: a\n        container:\n          image: node:latest\n      - job: b\n        container: mcr.microsoft.com/dotnet/sdk\n',
      errors: [{ line: 4, column: 14 }, { line: 10, column: 18 }, { line: 12, column: 20 }],
    },
    {
      name: 'Bitbucket global and step image',
      path: BB,
      code: 'image: python\npipelines:\n  default:\n    - step:\n        image:\n          name: node:latest\n        script: [x]\n',
      errors: [{ line: 1, column: 8 }, { line: 6, column: 17 }],
    },
    {
      name: 'CircleCI job and executor docker images',
      path: CC,
      code: 'version: 2.1\nexecutors:\n  e:\n    docker:\n      - image: cimg/base\njobs:\n  b:\n    docker:\n      - image: cimg/node:latest\n      - image: redis:7\n',
      errors: [{ line: 5, column: 16 }, { line: 9, column: 16 }],
    },
    { name: 'compose', path: DC, code: 'services:\n  db:\n    image: postgres\n  app:\n    build: .\n', errors: [{ line: 3, column: 12 }] },
    {
      name: 'Kubernetes containers and initContainers, CRLF',
      path: K8S,
      code: pod('      initContainers:\n        - name: init\n          image: busybox\n      containers:\n        - name: app\n          image: nginx:latest\n').replace(/\n/g, '\r\n'),
      errors: [{ line: 10, column: 18, endColumn: 25 }, { line: 13, column: 18 }],
    },
    {
      name: 'Kubernetes CronJob',
      path: K8S,
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: alpine\n',
      errors: [{ line: 12, column: 22 }],
    },
  ],
});
