// Terraform modules that can change under you: git/hg sources without a ref or on a branch, registry modules without
// an upper-bounded version, archives whose URL names no version.

import type { Range } from '../../core/types.js';
import { classifyRef } from '../../models/source-file.js';
import { classifyModuleSource, constraintBounded, moduleCalls } from '../../models/terraform.js';
import { defineRule } from '../define.js';

/** Why it matters, after "so": a module is code that runs with your credentials. */
const RUNS = 'a module runs with your credentials at plan and apply time';
const RISK = `whoever can push there changes the code \`terraform init\` installs, and ${RUNS}`;
const REGISTRY_RISK = `whoever can publish a release of it changes the code you run, and ${RUNS}`;

export default defineRule({
  id: 'unpinned-module',
  family: 'pinning',
  kinds: ['terraform'],
  severity: 'high',
  description: 'Terraform module source is not pinned to a version tag or commit (or a registry module has no bounded version)',
  cwe: [829, 494],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const call of moduleCalls(tf)) {
      const src = call.source?.value;
      // A missing or non-literal source is not something to judge (Terraform requires a literal string).
      if (src?.type !== 'string') continue;
      const name = call.name ?? '';
      const info = classifyModuleSource(src.value);
      const whole = src.valueRange;
      switch (info.kind) {
        case 'registry': {
          const v = call.version?.value;
          if (v === undefined || (v.type === 'string' && v.value.trim() === '')) {
            ctx.report({
              range: whole,
              message: `Module '${name}' comes from the registry ('${src.value}') without a \`version\`: every \`terraform init\` takes the newest release, so ${REGISTRY_RISK}. Add \`version = "<exact version>"\` (or at least a \`~>\` constraint).`,
            });
          } else if (v.type === 'string' && constraintBounded(v.value) === false) {
            ctx.report({
              range: v.valueRange,
              message: `Module '${name}' has the unbounded version constraint '${v.value}': any future release matches and \`terraform init\` installs it (the lock file does not cover modules), so ${REGISTRY_RISK}. Pin an exact version, or bound it with \`~>\`.`,
            });
          }
          break;
        }
        case 'git':
        case 'hg': {
          // `refs/tags/v1.2.0` names a tag and `refs/heads/x` a branch, whatever follows.
          const ref = info.ref;
          const kind = ref?.startsWith('refs/heads/') ? 'branch' : classifyRef(ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ref);
          if (kind === 'none') {
            const param = info.kind === 'git' ? '?ref=' : '?rev=';
            ctx.report({
              range: whole,
              message: `Module '${name}' source '${shown(src.value)}' has no \`${param}\`: it follows the repository's default branch, so ${RISK}. Add \`${param}<tag or full commit SHA>\`.`,
            });
          } else if (kind === 'branch') {
            ctx.report({
              range: refRange(src.value, whole, info.refOffset, info.ref) ?? whole,
              message: `Module '${name}' source follows the branch '${info.ref}': ${RISK}. Pin a version tag or a full commit SHA instead.`,
            });
          }
          break;
        }
        case 'http':
        case 's3':
        case 'gcs': {
          // The GCS API's own `/storage/v1/` is not a module version.
          const path = src.value.split('?')[0]!.replace(/\/storage\/v\d+\//, '/');
          if (!/\d\.\d|\bv\d+\b/.test(path)) {
            ctx.report({
              range: whole,
              message: `Module '${name}' is an archive fetched from '${shown(src.value)}', a URL that names no version: whoever can write there replaces the module, and ${RUNS}. Publish versioned archives (or use a registry or a git source pinned to a tag or commit).`,
            });
          }
          break;
        }
        default:
          break;
      }
    }
  },
});

/** Where the ref sits in the file, when the string is written as-is (no escapes). */
function refRange(value: string, range: Range, offset: number | undefined, ref: string | undefined): Range | undefined {
  if (offset === undefined || ref === undefined || range.end - range.start !== value.length) return undefined;
  if (value.slice(offset, offset + ref.length) !== ref) return undefined;
  return { start: range.start + offset, end: range.start + offset + ref.length };
}

/**
 * The source as a message may quote it: without a password in the URL (`https://user:token@host`) and without query
 * parameters other than `ref`, `rev` and `depth` (S3 sources may carry access keys there).
 */
function shown(source: string): string {
  const noPassword = source.replace(/(:\/\/)[^/@\s:]*:[^/@\s]*@/, '$1…@');
  const q = noPassword.indexOf('?');
  if (q === -1) return noPassword;
  const kept = noPassword
    .slice(q + 1)
    .split('&')
    .filter((p) => /^(ref|rev|depth)=/.test(p));
  return noPassword.slice(0, q) + (kept.length > 0 ? `?${kept.join('&')}` : '');
}
