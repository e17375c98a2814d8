// Table tests for add-without-checksum.

import rule from '../../server/src/rules/pinning/add-without-checksum.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'checksum given', path: DF, code: 'FROM a:1\nADD --checksum=sha256:0123 https://example.com/x.tgz /x\n' },
    { name: 'local file', path: DF, code: 'FROM a:1\nADD app.tar.gz /app\n' },
    { name: 'git source pinned to a commit', path: DF, code: `FROM a:1\nADD https://github.com/o/r.git#${'a'.repeat(40)} /src\n` },
    { name: 'file addressed by a commit', path: DF, code: `FROM a:1\nADD https://github.com/o/r/raw/${'b'.repeat(40)}/bin/tool.exe /bin/tool.exe\n` },
    { name: 'COPY of a URL-like path is not a download', path: DF, code: 'FROM a:1\nCOPY http/x /y\n' },
    { name: 'URL as destination only', path: DF, code: 'FROM a:1\nADD x http://dest\n' },
  ],
  invalid: [
    { name: 'plain URL', path: DF, code: 'FROM a:1\nADD https://example.com/tool.tgz /opt/\n', errors: [{ line: 2, column: 5, endColumn: 33 }] },
    { name: 'other flag, http, lower case', path: DF, code: 'FROM a:1\nadd --chown=1:1 http://x.test/a /a\n', errors: [{ line: 2, column: 17 }] },
    { name: 'JSON form', path: DF, code: 'FROM a:1\nADD ["https://x.test/a", "/a"]\n', errors: [{ line: 2, column: 6 }] },
    { name: 'two sources', path: DF, code: 'FROM a:1\nADD https://x.test/a https://x.test/b /d/\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 22 }] },
    { name: 'git source on a branch', path: DF, code: 'FROM a:1\nADD https://github.com/o/r.git#main /src\n', errors: [{ line: 2, column: 5 }] },
  ],
});
