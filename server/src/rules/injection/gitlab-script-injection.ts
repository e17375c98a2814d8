// GitLab CI scripts that let merge request or commit authors inject code: user-controlled predefined variables and `$[[ inputs ]]`.

import { gitlabPipelines, type SpecInput } from '../../models/gitlab.js';
import { shellContexts } from '../../models/quote-context.js';
import { defineRule } from '../define.js';
import { matchesOf } from '../../core/regex.js';

/** Free text chosen by whoever writes the merge request or commit. */
const TEXT_VARS = ['CI_MERGE_REQUEST_TITLE', 'CI_MERGE_REQUEST_DESCRIPTION', 'CI_COMMIT_MESSAGE', 'CI_COMMIT_TITLE', 'CI_COMMIT_DESCRIPTION', 'CI_COMMIT_TAG_MESSAGE', 'CI_COMMIT_AUTHOR'];
/** Ref names: no spaces or glob characters (git forbids them), but `$(…)`, `;` and backticks are allowed. */
const REF_VARS = ['CI_COMMIT_REF_NAME', 'CI_COMMIT_BRANCH', 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME', 'CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME', 'CI_COMMIT_REF_SLUG_UNSAFE'];
const VAR = new RegExp(`\\$\\{?(${[...TEXT_VARS, ...REF_VARS].join('|')})\\b\\}?`, 'g');
const INPUT = /\$\[\[\s*inputs\.([A-Za-z0-9_-]+)(?![A-Za-z0-9_-])[^\][\n]{0,200}\]\]/g;
const EVAL = /(?:^|[\s;&|(])(?:eval|(?:ba|z|da)?sh\s+-c)\s/;

export default defineRule({
  id: 'gitlab-script-injection',
  family: 'injection',
  kinds: ['gitlab-ci'],
  severity: 'high',
  description: 'Merge request/commit text or `$[[ inputs ]]` interpolated into GitLab CI scripts where it can become code',
  cwe: [78],
  fix: 'none',
  check(ctx) {
    // `spec: inputs:` live in a header document; scripts come from the `scripts` facet.
    const inputs = new Map<string, SpecInput>();
    for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) for (const [k, v] of p.inputs) inputs.set(k, v);
    for (const script of ctx.file.facets.scripts) {
      if (script.source !== 'gitlab-script') continue;
      const value = script.text;
      if (value.length > 20_000) continue;
      const where = script.job ? `job '${script.job}'` : 'the default script';
      for (const m of matchesOf(INPUT, value)) {
        const input = inputs.get(m[1]!);
        if (input && (input.hasOptions || input.regex !== undefined || input.type === 'boolean' || input.type === 'number')) continue;
        ctx.report({
          range: script.fileRange(m.index, m.index + m[0].length),
          message: `\`${m[0]}\` in ${where} is pasted into the script text before the shell runs: whoever sets that input can add commands. Pass it through \`variables:\` (\`MY_INPUT: $[[ inputs.${m[1]} ]]\`) and use "$MY_INPUT", or restrict it with \`options:\`, \`regex:\` or a boolean/number type.`,
        });
      }
      const spans = [...matchesOf(VAR, value)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1]! }));
      if (spans.length === 0) continue;
      const contexts = shellContexts(value, spans);
      const evalAt = EVAL.exec(value)?.index ?? -1;
      spans.forEach((s, i) => {
        const c = contexts[i]!;
        const evaluated = evalAt !== -1 && evalAt < s.start && c !== 'single';
        const unquotedText = c === 'plain' && TEXT_VARS.includes(s.name);
        if (!evaluated && !unquotedText) return;
        ctx.report({
          range: script.fileRange(s.start, s.end),
          severity: evaluated ? 'high' : 'medium',
          message: evaluated
            ? `$${s.name} in ${where} is evaluated as code (eval / sh -c): its author can run commands with this job's token and variables. Pass it as an argument or quoted variable, never through eval.`
            : `$${s.name} in ${where} is expanded unquoted: the author of the merge request or commit controls the words and glob patterns it becomes (extra options, other files). Quote it: "$${s.name}".`,
        });
      });
    }
  },
});
