// Table tests for dockerfile-sudo.

import rule from '../../server/src/rules/hardening/dockerfile-sudo.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'installing sudo is not using it', path: DF, code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { name: 'sudo in a string argument', path: DF, code: 'FROM debian:12\nRUN echo "sudo make install"\n' },
    { name: 'sudoers file edited', path: DF, code: 'FROM debian:12\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n' },
    { name: 'sudo in a comment line', path: DF, code: 'FROM debian:12\n# RUN sudo make install\nRUN make install\n' },
    { name: 'CMD with sudo is not RUN', path: DF, code: 'FROM debian:12\nCMD sudo -u app server\n' },
    { name: 'broken file mid-edit', path: DF, code: 'FROM\nRUN \\\n' },
  ],
  invalid: [
    { name: 'sudo first', path: DF, code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ line: 2, column: 5, endColumn: 9 }], output: null },
    { name: 'after &&', path: DF, code: 'FROM debian:12\nRUN make && sudo make install\n', errors: [{ line: 2, column: 13 }] },
    { name: 'after a pipe, on a continuation line (CRLF)', path: DF, code: 'FROM debian:12\r\nRUN curl -fsSL https://x/key \\\r\n  | sudo gpg --dearmor -o /k.gpg\r\n', errors: [{ line: 3, column: 5 }] },
    { name: 'with an env assignment', path: DF, code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo apt-get install -y git\n', errors: [{ line: 2, column: 36 }] },
    { name: 'inside a subshell', path: DF, code: 'FROM debian:12\nRUN (cd ext && sudo make install)\n', errors: [{ line: 2, column: 16 }] },
  ],
});
