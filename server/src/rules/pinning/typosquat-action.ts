// `uses:` of an action whose owner or name is one typo away from a popular action's, under another owner.

import { ownerTyposquatOf, typosquatOf } from '../../models/popular-actions.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'typosquat-action',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: 'Action reference one typo away from a popular action, published by someone else',
  cwe: [1357, 829],
  fix: 'unsafe',
  check(ctx) {
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.source === 'docker-action') continue;
      const parts = ref.target.toLowerCase().split('/');
      if (parts.length < 2) continue;
      const owner = parts[0]!;
      const slug = `${owner}/${parts[1]!}`;
      const real = typosquatOf(slug);
      const realOwner = real ? undefined : ownerTyposquatOf(owner);
      if (!real && !realOwner) continue;
      // The range of `owner/repo` inside `uses:` (the raw value starts with it, in the file's spelling).
      const exact = ref.raw.slice(0, slug.length).toLowerCase() === slug;
      const range = exact ? { start: ref.range.start, end: ref.range.start + slug.length } : ref.range;
      const written = exact ? ref.raw.slice(0, slug.length) : slug;
      if (real) {
        const safe = exact && ctx.file.text.slice(range.start, range.end) === written;
        ctx.report({
          range,
          message:
            `'${written}' is one typo away from the popular action '${real}' but is published by '${owner}', not '${real.split('/')[0]!}': a look-alike repository can run anything in this job, with its token and secrets. ` +
            `If you meant ${real}, fix the name (and re-check the ref: a commit SHA of the look-alike is no SHA of the original).`,
          fixes: safe ? [{ title: `Use ${real}`, safety: 'unsafe', edits: [{ range, newText: real }] }] : [],
        });
      } else {
        ctx.report({
          range: exact ? { start: ref.range.start, end: ref.range.start + owner.length } : ref.range,
          message:
            `The owner '${exact ? ref.raw.slice(0, owner.length) : owner}' is one typo away from '${realOwner!}', whose actions are widely trusted: a look-alike account can publish anything under a familiar-looking name. ` +
            `Check that '${slug}' is the action you mean.`,
        });
      }
    }
  },
});
