// Table tests for unverified-package-url.

import rule from '../../server/src/rules/pinning/unverified-package-url.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';
const WF = '.github/workflows/ci.yml';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const HASH = 'a'.repeat(64);
const run = (cmd: string): string => `FROM python:3.12-slim\nRUN ${cmd}\n`;

ruleTester(rule, {
  valid: [
    { name: 'package from the index', path: DF, code: run('pip install requests==2.32.3') },
    { name: 'VCS pinned to a commit', path: DF, code: run(`pip install git+https://github.com/org/lib.git@${SHA}`) },
    { name: 'VCS commit with an egg fragment', path: DF, code: run(`pip install "git+https://github.com/org/lib.git@${SHA}#egg=lib"`) },
    { name: 'URL with a sha256 fragment', path: DF, code: run(`pip install https://example.test/lib-1.0.tar.gz#sha256=${HASH}`) },
    { name: 'archive of a commit', path: DF, code: run(`pip install https://github.com/org/lib/archive/${SHA}.zip`) },
    { name: 'PyPI file URL (files cannot be replaced)', path: DF, code: run('pip install https://files.pythonhosted.org/packages/ab/cd/lib-1.0-py3-none-any.whl') },
    { name: '--require-hashes', path: DF, code: run('pip install --require-hashes -r requirements.txt https://x.test/a.whl') },
    { name: 'index URL is an option value, not a package', path: DF, code: run('pip install -i https://pypi.internal/simple lib') },
    { name: 'find-links value', path: DF, code: run('pip install -f https://x.test/wheels/ lib') },
    { name: 'local path', path: DF, code: run('pip install ./dist/lib-1.0.whl file:///wheels/x.whl') },
    { name: 'URL from a variable', path: DF, code: run('pip install "$WHEEL_URL"') },
    { name: 'not an install', path: DF, code: run('pip download git+https://github.com/org/lib.git') },
    { name: 'echoed', path: DF, code: run('echo pip install git+https://github.com/org/lib.git') },
    { name: 'half-typed', path: DF, code: 'FROM python:3.12\nRUN pip install "git+\n' },
  ],
  invalid: [
    {
      name: 'VCS branch',
      path: DF,
      code: run('pip install git+https://github.com/org/lib.git@main'),
      errors: [{ line: 2, column: 17, endColumn: 56, messageIncludes: 'branch or tag' }],
      output: null,
    },
    { name: 'VCS without a ref', path: DF, code: run('pip3 install --no-cache-dir git+https://github.com/org/lib.git'), errors: [{ line: 2, column: 33 }] },
    { name: 'editable VCS tag', path: DF, code: run('python -m pip install -e git+https://github.com/org/lib.git@v1.2#egg=lib'), errors: [{ line: 2, column: 30 }] },
    { name: 'PEP 508 direct reference', path: DF, code: run('pip install "lib @ https://example.test/lib-1.0.tar.gz"'), errors: [{ line: 2, column: 17, messageIncludes: 'without a hash' }] },
    { name: 'archive URL', path: DF, code: run('pip install https://github.com/org/lib/archive/refs/tags/v1.0.tar.gz'), errors: [{ line: 2, column: 17 }] },
    { name: 'short SHA is not a pin', path: DF, code: run('pip install git+https://github.com/org/lib.git@0123abc'), errors: [{ line: 2, column: 17 }] },
    { name: 'uv pip, CRLF', path: DF, code: 'FROM python:3.12\r\nRUN uv pip install --system git+https://github.com/org/lib.git\r\n', errors: [{ line: 2, column: 29 }] },
    { name: 'workflow step', path: WF, code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install git+https://github.com/org/lib.git@develop\n', errors: [{ line: 6, column: 26 }] },
    { name: 'pipx', path: '.gitlab-ci.yml', code: 'a:\n  script:\n    - pipx install git+https://github.com/org/tool.git\n', errors: [{ line: 3, column: 20 }] },
  ],
});
