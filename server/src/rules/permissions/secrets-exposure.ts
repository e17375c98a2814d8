// Secrets handed out wholesale or printed: `secrets: inherit`, `toJSON(secrets)`, `secrets[<expression>]`, `echo ${{ secrets.X }}`.

import { findExpressions } from '../../models/github-expressions.js';
import { scalarsUnder, secretAccesses } from '../../models/github-secrets.js';
import { scalarText, workflowsIn } from '../../models/github-workflow.js';
import { rangeOf, yamlMayContain } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const TOJSON_SECRETS = /\btojson\s*\(\s*secrets\s*\)/i;
const ECHO = /(?:^|[\s;&(])(?:echo|printf)\b/;

/** `echo`/`printf` of a secret expression, not piped or redirected into another command or file. */
function printsSecret(line: string): boolean {
  const m = ECHO.exec(line);
  if (!m) return false;
  const rest = line.slice(m.index);
  return !/[|>]/.test(rest) && findExpressions(rest).some((e) => /^secrets\.[A-Za-z0-9_]+$/.test(e.inner));
}


export default defineRule({
  id: 'secrets-exposure',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'All secrets passed on (`secrets: inherit`, `toJSON(secrets)`, `secrets[<expression>]`) or a secret printed in a run: script',
  cwe: [200, 532],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    const mayReadSecrets = yamlMayContain(text, /secrets/i);
    // No scalar can hold `toJSON(secrets)` unless one holds `tojson` (one pass over the text, not a regex per scalar).
    const mayJoinSecrets = mayReadSecrets && yamlMayContain(text, /tojson/i);
    for (const wf of workflowsIn(ctx.file)) {
      for (const job of wf.jobs) {
        if (scalarText(job.secrets) === 'inherit') {
          const range = rangeOf(job.secrets);
          if (range) {
            // A workflow of this repository changes only through its own reviews: less exposed than someone else's.
            const local = scalarText(job.uses)?.startsWith('./') === true;
            ctx.report({
              range,
              severity: local ? 'low' : 'medium',
              message: `Job '${job.id}' passes every secret of this repository to '${scalarText(job.uses) ?? 'the called workflow'}' with \`secrets: inherit\`: a change there, or a compromise of it, reaches secrets it never needed. Pass only the secrets it uses (\`secrets: { NAME: \${{ secrets.NAME }} }\`).`,
            });
          }
        }
      }
      // Everything below reads `secrets` in a scalar: none can when the text does not mention it (nor has an escape).
      if (!mayReadSecrets) continue;
      // Only scalars that can hold either shape below (`toJSON(secrets)`, or an index `[`).
      const candidate = (t: string): boolean => t.length <= 100_000 && (t.includes('[') || (mayJoinSecrets && TOJSON_SECRETS.test(t)));
      for (const s of scalarsUnder(wf.doc.contents, false, candidate)) {
        const r = rangeOf(s.node);
        if (!r) continue;
        if (mayJoinSecrets && TOJSON_SECRETS.test(s.text)) {
          const e = findExpressions(text.slice(r.start, r.end)).find((x) => TOJSON_SECRETS.test(x.inner));
          ctx.report({
            range: e ? { start: r.start + e.start, end: r.start + e.end } : r,
            message: '`toJSON(secrets)` puts every secret of the repository into one value that a step, a log line or an artifact can leak. Reference only the secrets this step needs (`${{ secrets.NAME }}`).',
          });
          continue;
        }
        if (!s.text.includes('[')) continue;
        // `secrets[format('{0}_TOKEN', matrix.env)]`: which secret is read is decided at run time, so GitHub hands the job every one.
        const src = text.slice(r.start, r.end);
        for (const e of findExpressions(src)) {
          if (!secretAccesses(e.inner).some((a) => a.kind === 'dynamic')) continue;
          ctx.report({
            range: { start: r.start + e.start, end: r.start + e.end },
            message: `\`\${{ ${e.inner.length > 120 ? `${e.inner.slice(0, 120)}…` : e.inner} }}\` indexes \`secrets\` with a value computed at run time: GitHub cannot tell which secret the job needs, so it makes all of the repository's secrets available to the runner. Reference each secret by name (\`secrets.NAME\`, or a \`matrix\`/\`case()\` choice between named secrets).`,
          });
          break;
        }
      }
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run;
          const value = typeof run?.value === 'string' ? run.value : undefined;
          const r = rangeOf(run);
          // A printed secret is a `secrets.NAME` expression in the value.
          if (!value || !r || value.length > 100_000 || !value.includes('secrets.')) continue;
          const src = text.slice(r.start, r.end);
          for (const line of value.split('\n')) {
            if (line.length > 2000 || !printsSecret(line)) continue;
            const expr = findExpressions(line).find((x) => /^secrets\.[A-Za-z0-9_]+$/.test(x.inner));
            if (!expr) continue;
            const at = src.indexOf(line.slice(expr.start, expr.end));
            ctx.report({
              range: at === -1 ? r : { start: r.start + at, end: r.start + at + (expr.end - expr.start) },
              message: `The run: script prints \`\${{ ${expr.inner} }}\`. GitHub masks the exact value in logs, but any transformation (base64, a substring, a typo'd quote) prints it in clear. Pass it to the command that needs it through env: instead of printing it.`,
            });
          }
        }
      }
    }
  },
});
