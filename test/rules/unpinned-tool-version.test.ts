// Table tests for unpinned-tool-version.

import rule from '../../server/src/rules/pinning/unpinned-tool-version.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/scan.yml';
const step = (s: string) => `on: push\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

ruleTester(rule, {
  valid: [
    { name: 'exact version', path: WF, code: step('      - uses: aquasecurity/setup-trivy@v0.2.2\n        with:\n          version: v0.56.1\n') },
    { name: 'exact just version', path: WF, code: step('      - uses: extractions/setup-just@v2\n        with:\n          just-version: 1.36.0\n') },
    { name: 'version from an expression is unknown', path: WF, code: step('      - uses: 1password/load-secrets-action@v2\n        with:\n          version: ${{ vars.OP_VERSION }}\n') },
    { name: 'with: from an expression', path: WF, code: step('      - uses: aquasecurity/setup-trivy@v0.2.2\n        with: ${{ fromJSON(vars.TRIVY) }}\n') },
    { name: 'other actions', path: WF, code: step('      - uses: actions/setup-node@v4\n') },
  ],
  invalid: [
    {
      name: 'version left out',
      path: WF,
      code: step('      - uses: aquasecurity/setup-trivy@v0.2.2\n'),
      errors: [{ line: 6, column: 15, endColumn: 46, messageIncludes: '`version:`' }],
      output: null,
    },
    {
      name: 'version: latest, quoted',
      path: WF,
      code: step('      - uses: 1password/load-secrets-action@v2\n        with:\n          version: "latest"\n'),
      errors: [{ line: 8, column: 21, endColumn: 27 }],
    },
    {
      name: "just-version: '*' in a composite action",
      path: 'action.yml',
      code: "runs:\n  using: composite\n  steps:\n    - uses: extractions/setup-just@v2\n      with:\n        just-version: '*'\n",
      errors: [{ line: 6, column: 24, endColumn: 25 }],
    },
  ],
});
