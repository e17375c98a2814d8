// Table tests for agent-prompt-injection.

import rule from '../../server/src/rules/injection/agent-prompt-injection.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/claude.yml';
const CLAUDE = 'anthropics/claude-code-action@593d7a5c4e0073569f74772c2b7b64c30ec14707 # v1.0.141';
const wf = (on: string, withLines: string, uses = CLAUDE) =>
  `on:\n${on}jobs:\n  agent:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n        with:\n${withLines}`;
const COMMENT = '  issue_comment:\n    types: [created]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'manual dispatch, fixed prompt with a dispatch input (pytorch/test-infra greenlight shape)',
      path: WF,
      code: wf('  workflow_dispatch:\n    inputs:\n      pr_number:\n        type: string\n', '          use_bedrock: "true"\n          prompt: |\n            Review PR #${{ github.event.inputs.pr_number }}\n'),
    },
    {
      name: 'reusable workflow: the caller decides (pytorch/test-infra _claude-code shape)',
      path: WF,
      code: wf('  workflow_call:\n', '          allowed_bots: "*"\n          claude_args: "--model ${{ inputs.model }}"\n'),
    },
    { name: 'push trigger, no outsider text', path: WF, code: wf('  push:\n', '          prompt: Summarise ${{ github.sha }}\n') },
    { name: 'other actions in an issue_comment workflow', path: WF, code: wf(COMMENT, '          script: console.log(1)\n', 'actions/github-script@v7') },
  ],
  invalid: [
    {
      name: 'comment body expanded into the prompt',
      path: WF,
      code: wf(COMMENT, '          prompt: |\n            Do what this comment asks: ${{ github.event.comment.body }}\n'),
      errors: [{ line: 11, column: 40, endColumn: 72, messageIncludes: 'github.event.comment.body' }],
      output: null,
    },
    {
      name: 'issue title through a step output into codex-action',
      path: WF,
      code: `on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - id: t\n        run: echo "title=\${{ github.event.issue.title }}" >> "$GITHUB_OUTPUT"\n      - uses: openai/codex-action@v1\n        with:\n          prompt: "Label this issue: \${{ steps.t.outputs.title }}"\n`,
      errors: [{ line: 12, column: 38 }],
    },
    {
      name: 'allowed_non_write_users: "*" in an issue_comment workflow',
      path: WF,
      code: wf(COMMENT, '          allowed_non_write_users: "*"\n          prompt: Triage the issue\n'),
      errors: [{ line: 10, column: 11, endColumn: 34 }],
    },
    {
      name: 'codex-action opened to any user, with full access',
      path: WF,
      code: wf(COMMENT, '          allow-users: "*"\n          sandbox: danger-full-access\n          prompt: Triage\n', 'openai/codex-action@v1'),
      errors: [{ line: 10, column: 11, endColumn: 22 }, { line: 11, column: 20, endColumn: 38 }],
    },
    {
      name: 'an agent in a pull_request_target workflow without untrusted text: low',
      path: WF,
      code: wf('  pull_request_target:\n', '          prompt: Review this pull request\n', 'google-github-actions/run-gemini-cli@v0'),
      errors: [{ line: 7, column: 15, endColumn: 54 }],
    },
    {
      name: 'an allow list instead of *, a number in the prompt: only the low finding for the trigger',
      path: WF,
      code: wf(COMMENT, '          allowed_bots: "renovate[bot]"\n          prompt: Look at issue ${{ github.event.issue.number }}\n'),
      errors: [{ line: 8, column: 15 }],
    },
  ],
});
