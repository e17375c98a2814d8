// Table tests for download-and-execute.

import rule from '../../server/src/rules/pinning/download-and-execute.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (run: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
const GL = '.gitlab-ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'download to a file, then verify', path: WF, code: wf('curl -fsSLo install.sh https://x.test/i.sh && sha256sum -c sums && sh install.sh') },
    { name: 'JSON through python -c', path: WF, code: wf('curl -s https://api.test/x | python3 -c "import sys, json; print(json.load(sys.stdin))"') },
    { name: 'into jq / tar', path: WF, code: wf('curl -s https://x.test/a | jq .name && curl -sL https://x.test/t.tgz | tar xz') },
    { name: 'quoted text, not a command', path: WF, code: wf('echo "never curl x.test | sh"') },
    { name: 'wget to a file piped nowhere useful', path: GL, code: 'a:\n  script:\n    - wget https://x.test/a | sh\n' },
    { name: 'bash -c runs its own text', path: WF, code: wf('curl -s https://x.test | bash -c "cat > out"') },
    { name: 'github-script is JavaScript', path: WF, code: 'on: push\njobs:\n  a:\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          script: "curl(x) | sh"\n' },
    { name: 'process substitution into a non-shell', path: WF, code: wf('diff /bin/x <(curl -s https://x.test/i)') },
    { name: 'a path that only ends in sh', path: WF, code: wf('./publish <(curl -s https://x.test/i)') },
    { name: 'curl output in a variable', path: GL, code: 'a:\n  script:\n    - V=$(curl -s https://x.test/v)\n' },
    { name: 'Azure macro URL, output to a file', path: 'azure-pipelines.yml', code: 'steps:\n  - bash: curl -fsSL -o i.sh $(INSTALLER_URL) && sha256sum -c i.sha256\n' },
    { name: 'unclosed $( mid-edit', path: WF, code: wf('curl -s $(URL | sh') },
  ],
  invalid: [
    { name: 'curl | sh in run:', path: WF, code: wf('curl -fsSL https://get.docker.test | sh'), errors: [{ line: 6, column: 14, endColumn: 53, messageIncludes: 'curl … | sh' }] },
    {
      name: 'block scalar with continuation, sudo',
      path: WF,
      code: 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          echo start\n          curl -sSL https://x.test/i.sh \\\n            | sudo -E bash -s -- -v 1\n',
      errors: [{ line: 7, column: 11, endLine: 8, endColumn: 27, messageIncludes: 'sudo -E bash' }],
    },
    { name: 'wget -qO- | bash in GitLab', path: GL, code: 'a:\n  script:\n    - wget -qO- https://x.test/i | bash\n', errors: [{ line: 3, column: 7 }] },
    { name: 'bash <(curl)', path: 'bitbucket-pipelines.yml', code: 'pipelines:\n  default:\n    - step:\n        script:\n          - bash <(curl -s https://codecov.test/bash)\n', errors: [{ line: 5, column: 20, messageIncludes: '<(curl' }] },
    { name: 'sh -c "$(curl)" in CircleCI', path: '.circleci/config.yml', code: 'version: 2.1\njobs:\n  b:\n    docker:\n      - image: cimg/base:2024.01\n    steps:\n      - run: sh -c "$(curl -fsSL https://x.test/i.sh)"\n', errors: [{ line: 7, column: 23 }] },
    { name: 'python3 - in Azure', path: 'azure-pipelines.yml', code: 'steps:\n  - script: curl -sSL https://install.python-poetry.test | python3 -\n', errors: [{ line: 2, column: 13 }] },
    { name: 'Dockerfile ONBUILD RUN (runs in every child image)', path: 'Dockerfile', code: 'FROM debian:12\nONBUILD RUN curl -fsSL https://get.example.test/x.sh | sh\n', errors: [{ line: 2, column: 13 }] },
    { name: 'Dockerfile RUN with continuation', path: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://deb.nodesource.test/setup_20.x | bash - && \\\n    apt-get install -y nodejs\n', errors: [{ line: 3, column: 5, endColumn: 61 }] },
    { name: 'sudo -E /usr/bin/bash <(curl)', path: WF, code: wf('sudo -E /usr/bin/bash <(curl -s https://x.test/i)'), errors: [{ line: 6, column: 38, messageIncludes: '<(curl' }] },
    { name: 'source <(wget -O-) after ;', path: WF, code: wf('cd x;source <(wget -qO- https://x.test/env)'), errors: [{ line: 6, column: 28, messageIncludes: '<(wget' }] },
    { name: "/bin/sh -c '$(curl)'", path: WF, code: wf(`/bin/sh -c  ' $(curl -fsSL https://x.test/i.sh)'`), errors: [{ line: 6, column: 30, messageIncludes: '$(curl' }] },
    { name: 'eval "$(curl)"', path: WF, code: wf('eval "$(curl -fsSL https://x.test/env)"'), errors: [{ line: 6, column: 22, messageIncludes: '$(curl' }] },
    { name: 'Azure macro as the URL', path: '.azure-pipelines.yml', code: 'steps:\n  - script: curl -fsSL $(INSTALLER_URL) | bash\n', errors: [{ line: 2, column: 13, endColumn: 47, messageIncludes: 'curl … | bash' }] },
    { name: 'command substitution in the URL', path: WF, code: wf('curl -fsSL "https://x.test/$(uname -s)/i.sh" | sh'), errors: [{ line: 6, column: 14 }] },
    { name: 'CRLF', path: WF, code: wf('curl https://x.test | /bin/bash').replace(/\n/g, '\r\n'), errors: [{ line: 6, column: 14 }] },
  ],
});
