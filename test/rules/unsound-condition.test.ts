// Table tests for unsound-condition.

import rule from '../../server/src/rules/permissions/unsound-condition.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const step = (cond: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${cond}\n        run: ./deploy.sh\n`;

ruleTester(rule, {
  valid: [
    { name: 'one fence', path: WF, code: step("${{ github.ref == 'refs/heads/main' }}") },
    { name: 'no fence', path: WF, code: step("github.ref == 'refs/heads/main' && success()") },
    { name: 'a bare block scalar: no fence, evaluated as a whole', path: WF, code: step("|\n          github.event_name == 'push' &&\n          github.ref == 'refs/heads/main'") },
    { name: 'a stripped block scalar with one fence', path: WF, code: step("|-\n          ${{ github.event_name == 'push' }}") },
    { name: 'booleans', path: WF, code: step('false') },
  ],
  invalid: [
    {
      name: 'block scalar keeps a line break after the fence: safe |- fix',
      path: WF,
      code: step("|\n          ${{ github.event_name == 'push' }}"),
      errors: [{ line: 6, column: 13, endColumn: 14 }],
      output: step("|-\n          ${{ github.event_name == 'push' }}"),
      fixSafety: 'safe',
    },
    {
      name: 'folded, CRLF',
      path: WF,
      code: step(">\n          ${{ github.actor == 'x' }}").replace(/\n/g, '\r\n'),
      errors: [{ line: 6, column: 13 }],
      output: step(">-\n          ${{ github.actor == 'x' }}").replace(/\n/g, '\r\n'),
    },
    {
      name: 'two fences joined by text: unsafe merge into one expression',
      path: WF,
      code: step("${{ github.event_name == 'push' }} && ${{ github.ref == 'refs/heads/main' }}"),
      errors: [{ line: 6, column: 13 }],
      output: step("${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}"),
      fixSafety: 'unsafe',
    },
    {
      name: 'bare text, then a fence, in a block scalar: merged onto the key line',
      path: WF,
      code: "on: push\njobs:\n  a:\n    needs: c\n    if: |\n      (needs.c.outputs.go == 'true') || ${{ inputs.force }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
      errors: [{ line: 5, column: 9 }],
      output: "on: push\njobs:\n  a:\n    needs: c\n    if: ${{ (needs.c.outputs.go == 'true') || inputs.force }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    },
    {
      name: 'words around a fence do not parse: reported, no fix',
      path: WF,
      code: step('"Deploy ${{ inputs.env }}"'),
      errors: [{ line: 6, column: 13 }],
      output: null,
    },
  ],
});
