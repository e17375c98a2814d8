// Table tests for tls-verification-disabled.

import rule from '../../server/src/rules/hardening/tls-verification-disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';
const WF = '.github/workflows/ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'curl with verification', path: DF, code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x -o /x\n' },
    { name: 'curl -o k (k is the output file name)', path: DF, code: 'FROM alpine:3.20\nRUN curl -ok https://example.com/x\n' },
    { name: 'wget -k converts links', path: DF, code: 'FROM alpine:3.20\nRUN wget -k https://example.com/\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', path: DF, code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'value from a variable', path: DF, code: 'FROM node:20\nARG V\nENV NODE_TLS_REJECT_UNAUTHORIZED=$V\n' },
    { name: 'GIT_SSL_NO_VERIFY false', path: DF, code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=false\n' },
    { name: 'strict-ssl true', path: DF, code: 'FROM node:20\nRUN npm config set strict-ssl true\n' },
    { name: '--insecure for another program', path: DF, code: 'FROM alpine:3.20\nRUN helm repo add x https://x --insecure-skip-tls-verify=false\n' },
    { name: 'trusted-host echoed', path: DF, code: 'FROM python:3.12\nRUN echo --trusted-host\n' },
    { name: 'broken mid-edit', path: DF, code: 'FROM alpine:3.20\nENV\nRUN curl "\n' },
    { name: 'workflow: verification on', path: WF, code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      NODE_TLS_REJECT_UNAUTHORIZED: "1"\n    steps:\n      - run: curl -fsSL https://example.com\n' },
    { name: 'workflow: value from an expression', path: WF, code: 'on: push\njobs:\n  a:\n    env:\n      GIT_SSL_NO_VERIFY: ${{ vars.NO_VERIFY }}\n' },
    { name: 'kubeconfig that verifies', path: 'kubeconfig.yaml', code: 'apiVersion: v1\nkind: Config\nclusters:\n  - name: dev\n    cluster:\n      server: https://10.0.0.1:6443\n      insecure-skip-tls-verify: false\ncontexts: []\n' },
    { name: 'kubeconfig flag as a string', path: 'kubeconfig.yaml', code: 'apiVersion: v1\nkind: Config\nclusters:\n  - name: dev\n    cluster:\n      server: https://10.0.0.1:6443\n      insecure-skip-tls-verify: "true"\ncontexts: []\n' },
    { name: 'the key outside a kubeconfig', path: 'k8s/cm.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  insecure-skip-tls-verify: "true"\n' },
    { name: 'npm strict-ssl on by env', path: DF, code: 'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=true\n' },
    { name: 'dnf sslverify on', path: DF, code: 'FROM fedora:40\nRUN dnf install -y --setopt=sslverify=1 curl\n' },
    { name: 'GitLab: echoed flag', path: '.gitlab-ci.yml', code: 'build:\n  script:\n    - echo "use curl -k to debug"\n' },
  ],
  invalid: [
    { name: 'curl -k', path: DF, code: 'FROM alpine:3.20\nRUN curl -k https://example.com/x\n', errors: [{ line: 2, column: 10, endColumn: 12 }], output: null },
    { name: 'curl cluster -fsSLk', path: DF, code: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/x | tar x\n', errors: [{ line: 2, column: 10 }] },
    { name: 'a credential glued to the cluster never reaches the message', path: DF, code: 'FROM alpine:3.20\nRUN curl -kuadmin:hunter2secret https://x/y\n', errors: [{ line: 2, column: 10, messageIncludes: '`curl -k`', messageExcludes: 'hunter2' }] },
    { name: 'GIT_SSL_NO_VERIFY with an odd value is not quoted', path: DF, code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=s3cr3tvalue\n', errors: [{ line: 2, column: 5, messageExcludes: 's3cr3tvalue' }] },
    { name: 'curl --insecure on a continuation line (CRLF)', path: DF, code: 'FROM alpine:3.20\r\nRUN curl -fsSL \\\r\n  --insecure https://x/y\r\n', errors: [{ line: 3, column: 3 }] },
    { name: 'wget', path: DF, code: 'FROM alpine:3.20\nRUN wget --no-check-certificate https://x/y\n', errors: [{ line: 2, column: 10 }] },
    { name: 'pip --trusted-host', path: DF, code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org requests\n', errors: [{ line: 2, column: 17 }] },
    { name: 'python -m pip', path: DF, code: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=x y\n', errors: [{ line: 2, column: 28 }] },
    { name: 'pip config', path: DF, code: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.org\n', errors: [{ line: 2, column: 20 }] },
    { name: 'npm strict-ssl', path: DF, code: 'FROM node:20\nRUN npm config set strict-ssl false\n', errors: [{ line: 2, column: 20 }] },
    { name: 'git http.sslVerify', path: DF, code: 'FROM alpine:3.20\nRUN git config --global http.sslVerify false\n', errors: [{ line: 2, column: 25 }] },
    { name: 'ENV NODE_TLS_REJECT_UNAUTHORIZED', path: DF, code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ENV with space form', path: DF, code: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ARG default', path: DF, code: 'FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY=1\n', errors: [{ line: 2, column: 5 }] },
    { name: 'inline assignment in RUN', path: DF, code: 'FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=true git clone https://x/y\n', errors: [{ line: 2, column: 5 }] },
    { name: 'export in RUN', path: DF, code: 'FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n', errors: [{ line: 2, column: 12 }] },
    { name: 'workflow run: block scalar', path: WF, code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          set -e\n          curl -sSk https://internal.example.com/x\n', errors: [{ line: 8, column: 16, endColumn: 20 }] },
    { name: 'YAML broken mid-edit: the intact part still reports', path: WF, code: 'on: push\njobs:\n  a:\n    steps:\n      - run: curl -k "\n', errors: [{ line: 5, column: 19 }] },
    { name: 'kubectl in a workflow', path: WF, code: 'on: push\njobs:\n  a:\n    steps:\n      - run: kubectl --insecure-skip-tls-verify apply -f k8s/\n', errors: [{ line: 5, column: 22, endColumn: 48 }] },
    { name: 'workflow env', path: WF, code: 'on: push\njobs:\n  a:\n    env:\n      NODE_TLS_REJECT_UNAUTHORIZED: 0\n', errors: [{ line: 5, column: 37 }] },
    { name: 'GitLab variables and script', path: '.gitlab-ci.yml', code: 'variables:\n  GIT_SSL_NO_VERIFY: "true"\nbuild:\n  script:\n    - pip install --trusted-host pypi.internal -r req.txt\n', errors: [{ line: 2, column: 22 }, { line: 5, column: 19 }] },
    { name: 'Compose environment list', path: 'docker-compose.yml', code: 'services:\n  app:\n    environment:\n      - PYTHONHTTPSVERIFY=0\n', errors: [{ line: 4, column: 9 }] },
    { name: 'kubeconfig cluster without verification', path: 'deploy/kubeconfig.yaml', code: 'apiVersion: v1\nkind: Config\nclusters:\n  - name: dev\n    cluster:\n      server: https://10.0.0.1:6443\n      insecure-skip-tls-verify: true\ncontexts: []\n', errors: [{ line: 7, column: 33, endColumn: 37, messageIncludes: 'kubeconfig' }] },
    { name: 'kubeconfig by name, no extension', path: 'ci/dev.kubeconfig', code: 'apiVersion: v1\nkind: Config\nclusters:\n  - name: dev\n    cluster:\n      server: https://10.0.0.1:6443\n      insecure-skip-tls-verify: true\ncontexts: []\n', errors: [{ line: 7, column: 33 }] },
    { name: 'NPM_CONFIG_STRICT_SSL=false', path: DF, code: 'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false\n', errors: [{ line: 2, column: 5 }] },
    { name: 'PIP_TRUSTED_HOST in a workflow env', path: WF, code: 'on: push\njobs:\n  a:\n    env:\n      PIP_TRUSTED_HOST: pypi.internal\n', errors: [{ line: 5, column: 25 }] },
    { name: 'yum --setopt=sslverify=false', path: DF, code: 'FROM rockylinux:9\nRUN yum install -y --setopt=sslverify=false curl\n', errors: [{ line: 2, column: 20 }] },
    { name: 'dnf --setopt repo.sslverify=0', path: DF, code: 'FROM fedora:40\nRUN dnf --setopt internal.sslverify=0 install -y x\n', errors: [{ line: 2, column: 9 }] },
    { name: 'Kubernetes env entry', path: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      env:\n        - name: NODE_TLS_REJECT_UNAUTHORIZED\n          value: "0"\n', errors: [{ line: 10, column: 18 }] },
  ],
});
