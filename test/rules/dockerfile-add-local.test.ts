// Table tests for dockerfile-add-local.

import rule from '../../server/src/rules/hardening/dockerfile-add-local.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'COPY', path: DF, code: 'FROM alpine:3.20\nCOPY app /app\n' },
    { name: 'URL (another rule)', path: DF, code: 'FROM alpine:3.20\nADD https://example.com/a.txt /a.txt\n' },
    { name: 'git URL', path: DF, code: 'FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n' },
    { name: 'local tar archive is unpacked by ADD', path: DF, code: 'FROM scratch\nADD rootfs.tar.xz /\n' },
    { name: 'tgz', path: DF, code: 'FROM alpine:3.20\nADD vendor.tgz /opt/\n' },
    { name: 'variable source', path: DF, code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /app\n' },
    { name: 'glob that may match archives', path: DF, code: 'FROM alpine:3.20\nADD dist/* /opt/\n' },
    { name: 'ADD-only flag', path: DF, code: 'FROM alpine:3.20\nADD --keep-git-dir=true repo /src\n' },
    { name: 'no destination mid-edit', path: DF, code: 'FROM alpine:3.20\nADD app\n' },
    { name: 'quoted archive is unpacked by ADD', path: DF, code: 'FROM alpine:3.20\nADD "x.tar.gz" /dir\n' },
    { name: 'single-quoted archive', path: DF, code: "FROM alpine:3.20\nADD 'vendor.tgz' /opt/\n" },
    { name: 'JSON-form archive', path: DF, code: 'FROM scratch\nADD ["rootfs.tar.xz", "/"]\n' },
    { name: 'one archive among plain files', path: DF, code: 'FROM alpine:3.20\nADD app.conf "data.tar.gz" /opt/\n' },
  ],
  invalid: [
    { name: 'file', path: DF, code: 'FROM alpine:3.20\nADD app.py /app/\n', errors: [{ line: 2, column: 1, endColumn: 4 }], output: 'FROM alpine:3.20\nCOPY app.py /app/\n', fixSafety: 'safe' },
    { name: 'lower case, flags kept', path: DF, code: 'FROM alpine:3.20\nadd --chown=app:app . /app\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\ncopy --chown=app:app . /app\n' },
    { name: 'JSON form', path: DF, code: 'FROM alpine:3.20\nADD ["a b.txt", "/app/"]\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nCOPY ["a b.txt", "/app/"]\n' },
    { name: 'quoted plain file', path: DF, code: 'FROM alpine:3.20\nADD "app.conf" /etc/\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nCOPY "app.conf" /etc/\n', fixSafety: 'safe' },
    { name: 'folder source', path: DF, code: 'FROM alpine:3.20\nADD ./src/ /app/\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nCOPY ./src/ /app/\n', fixSafety: 'safe' },
    { name: 'no extension: may be a tarball, so the fix is unsafe', path: DF, code: 'FROM alpine:3.20\nADD explorer /usr/bin/\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nCOPY explorer /usr/bin/\n', fixSafety: 'unsafe' },
    { name: 'JSON form with an extensionless source', path: DF, code: 'FROM alpine:3.20\nADD ["files", "/"]\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\nCOPY ["files", "/"]\n', fixSafety: 'unsafe' },
    { name: 'glob with a plain extension, CRLF', path: DF, code: 'FROM alpine:3.20\r\nADD *.json /cfg/\r\n', errors: [{ line: 2, column: 1 }], output: 'FROM alpine:3.20\r\nCOPY *.json /cfg/\r\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'several ADDs', path: DF, code: 'FROM alpine:3.20\nADD a.py /app/\nadd --chown=1:1 b /b\nADD rootfs.tar.gz /\n' }]);
