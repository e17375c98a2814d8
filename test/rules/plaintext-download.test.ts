// Table tests for plaintext-download.

import rule from '../../server/src/rules/pinning/plaintext-download.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const run = (script: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${script.split('\n').map((l) => `          ${l}`).join('\n')}\n`;

ruleTester(rule, {
  valid: [
    { name: 'https downloads', path: WF, code: run('curl -fsSL https://example.org/install.sh -o install.sh\ngit clone https://github.com/a/b') },
    { name: 'localhost and service containers (health checks, CI services)', path: WF, code: run('curl -f http://localhost:8080/health\ncurl http://127.0.0.1:9000\nwget -qO- http://postgres:5432\ncurl http://minio:9000/bucket\ncurl http://host.docker.internal:3000') },
    { name: 'private ranges, cluster names, the metadata service', path: WF, code: run('curl http://10.0.0.5/x\ncurl http://192.168.1.2\ncurl -s http://169.254.169.254/latest/meta-data/\ncurl http://api.default.svc.cluster.local') },
    { name: 'http:// in echo, comments and other programs is no download', path: WF, code: run('echo "see http://example.net/docs"\n# curl http://evil.com/x\nxdg-open http://foo.com\nnpm run e2e -- --base http://foo.com') },
    { name: 'host known only at run time', path: WF, code: run('wget --server-response http://${FRONTEND_ADDR}\ncurl "http://$HOST/x"') },
    { name: 'a proxy URL is not what is fetched', path: WF, code: run('curl -x http://proxy.corp.com:3128 https://example.org/a\npip install --proxy http://proxy.corp.com:3128 requests') },
    { name: 'Unix socket request (corpus shape)', path: WF, code: run('curl --unix-socket /var/run/s.sock --fail "http://foo/x" > out') },
    { name: 'checksum verified after the download', path: WF, code: run('curl -fsSLO http://ftp.gnu.org/gnu/make/make-4.4.tar.gz\necho "$SUM  make-4.4.tar.gz" | sha256sum -c -') },
    { name: 'Dockerfile with a gpg verification', path: 'Dockerfile', code: 'FROM debian:12\nRUN wget http://ftp.gnu.org/gnu/x.tar.gz http://ftp.gnu.org/gnu/x.tar.gz.sig \\\n && gpg --batch --verify x.tar.gz.sig x.tar.gz\n' },
    { name: 'python running a script with a URL argument', path: WF, code: run('python scripts/check.py --url http://foo.com') },
  ],
  invalid: [
    {
      name: 'curl over http, unsafe fix to https',
      path: WF,
      code: run('curl -L http://stedolan.github.io/jq/download/linux64/jq > /usr/bin/jq'),
      errors: [{ line: 7, column: 19, endColumn: 67, messageIncludes: 'plaintext http://' }],
      output: run('curl -L https://stedolan.github.io/jq/download/linux64/jq > /usr/bin/jq'),
      fixSafety: 'unsafe',
    },
    {
      name: 'curl -O takes no value: the URL after it is fetched',
      path: WF,
      code: run('curl -O http://example.de/tool.tgz'),
      errors: [{ line: 7, column: 19 }],
      output: run('curl -O https://example.de/tool.tgz'),
    },
    {
      name: 'git:// and http:// clones',
      path: WF,
      code: run('git clone git://git.kernel.org/pub/scm/git/git.git\ngit -C deps clone http://github.com/containerd/containerd'),
      errors: [{ line: 7, column: 21 }, { line: 8, column: 29 }],
      output: run('git clone https://git.kernel.org/pub/scm/git/git.git\ngit -C deps clone https://github.com/containerd/containerd'),
    },
    {
      name: 'pip index and npm registry, = and separate forms',
      path: WF,
      code: run('pip install -i http://pypi.corp.com/simple pkg\nnpm install --registry=http://registry.npmjs.org foo\nyarn config set registry http://registry.yarnpkg.com'),
      errors: [{ line: 7, column: 26 }, { line: 8, column: 23 }, { line: 9, column: 36 }],
    },
    {
      name: 'ftp in a Dockerfile RUN, quoted',
      path: 'Dockerfile',
      code: 'FROM debian:12\nRUN wget -O /tmp/x.tgz "ftp://ftp.gnu.org/gnu/x.tgz" && tar xf /tmp/x.tgz\n',
      errors: [{ line: 2, column: 24, endColumn: 53 }],
      output: 'FROM debian:12\nRUN wget -O /tmp/x.tgz "https://ftp.gnu.org/gnu/x.tgz" && tar xf /tmp/x.tgz\n',
    },
    {
      name: 'PowerShell Invoke-WebRequest, GitLab CI',
      path: '.gitlab-ci.yml',
      code: 'build:\n  script:\n    - Invoke-WebRequest -Uri http://downloads.example.de/x.zip -OutFile x.zip\n',
      errors: [{ line: 3, column: 30 }],
    },
    {
      name: 'helm repository over http, CRLF',
      path: WF,
      code: run('helm repo add stable http://charts.corp.com/stable').replace(/\n/g, '\r\n'),
      errors: [{ line: 7, column: 32 }],
      output: run('helm repo add stable https://charts.corp.com/stable').replace(/\n/g, '\r\n'),
    },
  ],
});
