// Table tests for dependency-confusion.

import rule from '../../server/src/rules/pinning/dependency-confusion.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';
const WF = '.github/workflows/ci.yml';
const GL = '.gitlab-ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'pip --index-url alone replaces PyPI', path: DF, code: 'FROM python:3.12\nRUN pip install --index-url https://pypi.corp.example/simple app\n' },
    { name: 'pip --extra-index-url that is PyPI itself', path: DF, code: 'FROM python:3.12\nRUN pip install --extra-index-url https://pypi.org/simple app\n' },
    { name: 'flag echoed by another program', path: DF, code: 'FROM python:3.12\nRUN echo --extra-index-url https://x\n' },
    { name: 'npm scoped package with a registry', path: DF, code: 'FROM node:20\nRUN npm install --registry https://npm.corp.example @corp/ui\n' },
    { name: 'npm install --registry the public registry', path: DF, code: 'FROM node:20\nRUN npm install --registry=https://registry.npmjs.org/ left-pad\n' },
    { name: 'npm ci with a registry installs the lockfile', path: DF, code: 'FROM node:20\nRUN npm ci --registry https://npm.corp.example\n' },
    { name: 'npm scope registry', path: DF, code: 'FROM node:20\nRUN npm config set @corp:registry https://npm.corp.example\n' },
    { name: 'npm config set registry from a variable', path: DF, code: 'FROM node:20\nARG REG\nRUN npm config set registry $REG\n' },
    { name: 'scoped registry line in .npmrc', path: DF, code: 'FROM node:20\nRUN echo "@corp:registry=https://npm.corp.example/" >> .npmrc\n' },
    { name: 'gem sources -a rubygems.org', path: DF, code: 'FROM ruby:3.3\nRUN gem sources -a https://rubygems.org/\n' },
    { name: 'gem sources --remove', path: DF, code: 'FROM ruby:3.3\nRUN gem sources --remove https://gems.corp.example/\n' },
    { name: 'ENV PIP_INDEX_URL alone', path: DF, code: 'FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.corp.example/simple\n' },
    { name: 'empty PIP_EXTRA_INDEX_URL in a workflow', path: WF, code: 'on: push\njobs:\n  a:\n    env:\n      PIP_EXTRA_INDEX_URL: ""\n' },
    { name: 'empty quoted ENV PIP_EXTRA_INDEX_URL (the build sees an empty value)', path: DF, code: 'FROM python:3.12\nENV PIP_EXTRA_INDEX_URL=""\n' },
    { name: 'quoted public index in ENV', path: DF, code: 'FROM python:3.12\nENV PIP_EXTRA_INDEX_URL="https://pypi.org/simple"\n' },
    { name: 'a local test registry (Verdaccio) started by the job', path: WF, code: 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          npm config set registry http://localhost:4873/\n          pnpm install deno --registry http://localhost:4873/\n' },
    { name: 'broken mid-edit', path: DF, code: 'FROM python:3.12\nENV\nRUN pip install --extra-index-url "\n' },
  ],
  invalid: [
    { name: 'pip --extra-index-url', path: DF, code: 'FROM python:3.12\nRUN pip install --extra-index-url https://pypi.corp.example/simple app\n', errors: [{ line: 2, column: 17, endColumn: 34, messageIncludes: 'pip --extra-index-url' }], output: null },
    { name: 'pip --extra-index-url=… from a variable', path: DF, code: 'FROM python:3.12\nARG IDX\nRUN pip3 install --extra-index-url=$IDX app\n', errors: [{ line: 3, column: 18 }] },
    { name: 'python -m pip', path: DF, code: 'FROM python:3.12\nRUN python3 -m pip install -r req.txt --extra-index-url https://download.pytorch.org/whl/cpu\n', errors: [{ line: 2, column: 39 }] },
    { name: 'pip config set global.extra-index-url', path: DF, code: 'FROM python:3.12\nRUN pip config set global.extra-index-url https://pypi.corp.example/simple\n', errors: [{ line: 2, column: 20 }] },
    { name: 'ENV PIP_EXTRA_INDEX_URL', path: DF, code: 'FROM python:3.12\nENV PIP_EXTRA_INDEX_URL=https://pypi.corp.example/simple\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ENV PIP_EXTRA_INDEX_URL quoted', path: DF, code: 'FROM python:3.12\nENV PIP_EXTRA_INDEX_URL="https://pypi.corp.example/simple"\n', errors: [{ line: 2, column: 5 }] },
    { name: 'inline PIP_EXTRA_INDEX_URL assignment', path: DF, code: 'FROM python:3.12\nRUN PIP_EXTRA_INDEX_URL=https://pypi.corp.example/simple pip install app\n', errors: [{ line: 2, column: 5 }] },
    { name: 'npm install --registry with an unscoped package', path: DF, code: 'FROM node:20\nRUN npm install --registry https://npm.corp.example internal-utils\n', errors: [{ line: 2, column: 28, messageIncludes: 'internal-utils' }] },
    { name: 'yarn add --registry=', path: DF, code: 'FROM node:20\nRUN yarn add internal-utils --registry=https://npm.corp.example\n', errors: [{ line: 2, column: 29 }] },
    { name: 'npm config set registry', path: DF, code: 'FROM node:20\nRUN npm config set registry https://npm.corp.example/\n', errors: [{ line: 2, column: 20, endColumn: 28 }] },
    { name: 'echo registry= >> .npmrc', path: DF, code: 'FROM node:20\nRUN echo "registry=https://npm.corp.example/" >> ~/.npmrc\n', errors: [{ line: 2, column: 10 }] },
    { name: 'gem sources -a', path: DF, code: 'FROM ruby:3.3\nRUN gem sources -a https://gems.corp.example/\n', errors: [{ line: 2, column: 17 }] },
    { name: 'workflow run: block scalar and job env', path: WF, code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      PIP_EXTRA_INDEX_URL: ${{ secrets.PRIVATE_INDEX }}\n    steps:\n      - run: |\n          set -e\n          pip install --extra-index-url "$IDX" app\n', errors: [{ line: 6, column: 7 }, { line: 10, column: 23 }] },
    { name: 'GitLab variables and script (CRLF)', path: GL, code: 'variables:\r\n  PIP_EXTRA_INDEX_URL: https://gitlab.example.com/api/v4/projects/1/packages/pypi/simple\r\nbuild:\r\n  script:\r\n    - gem sources --add https://gems.corp.example/\r\n', errors: [{ line: 2, column: 3 }, { line: 5, column: 19 }] },
  ],
});
