// `CI_JOB_TOKEN` sent to a host that is not the GitLab instance.

import { defineRule } from '../define.js';

const TOKEN = /\$\{?CI_JOB_TOKEN\b/;
const URL = /\bhttps?:\/\/(?:[^\s/@'"]*@)?([A-Za-z0-9.-]+)/g;

export default defineRule({
  id: 'gitlab-job-token-leak',
  family: 'permissions',
  kinds: ['gitlab-ci'],
  severity: 'high',
  description: '`CI_JOB_TOKEN` sent in a request to a host that is not the GitLab instance',
  cwe: [522],
  fix: 'none',
  check(ctx) {
    for (const script of ctx.file.facets.scripts) {
      if (script.source !== 'gitlab-script' || script.text.length > 20_000) continue;
      let offset = 0;
      for (const l of script.text.split('\n')) {
        const start = offset;
        offset += l.length + 1;
        if (l.length > 4000 || !TOKEN.test(l)) continue;
        // A URL from a variable ($CI_API_V4_URL, $CI_SERVER_URL) is the instance; only literal hosts are judged.
        const foreign = [...l.matchAll(URL)].map((m) => m[1]!.toLowerCase()).find((h) => !h.includes('gitlab') && h !== 'localhost');
        if (!foreign) continue;
        const lead = l.length - l.trimStart().length;
        ctx.report({
          range: script.fileRange(start + lead, start + l.trimEnd().length),
          message: `${script.job ? `Job '${script.job}'` : 'A default script'} sends CI_JOB_TOKEN to '${foreign}', which does not look like the GitLab instance: whoever runs that host can replay the token against your projects and registry while the job runs. Send it only to $CI_SERVER_URL / $CI_API_V4_URL / $CI_REGISTRY, and use a dedicated, scoped token for other services.`,
        });
      }
    }
  },
});
