// `CI_JOB_TOKEN` sent to a host that is not the GitLab instance.

import { allScriptLines, gitlabPipelines } from '../../models/gitlab.js';
import { rangeOf } from '../../models/yaml-nodes.js';
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
    const text = ctx.file.text;
    for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) {
      for (const { line, job } of allScriptLines(p)) {
        const value = line.text;
        if (value.length > 20_000) continue;
        for (const l of value.split('\n')) {
          if (l.length > 4000 || !TOKEN.test(l)) continue;
          // A URL from a variable ($CI_API_V4_URL, $CI_SERVER_URL) is the instance; only literal hosts are judged.
          const foreign = [...l.matchAll(URL)].map((m) => m[1]!.toLowerCase()).find((h) => !h.includes('gitlab') && h !== 'localhost');
          if (!foreign) continue;
          const r = rangeOf(line.node);
          if (!r) continue;
          const i = text.slice(r.start, r.end).indexOf(l.trim());
          ctx.report({
            range: i === -1 ? r : { start: r.start + i, end: r.start + i + l.trim().length },
            message: `${job ? `Job '${job.name}'` : 'A default script'} sends CI_JOB_TOKEN to '${foreign}', which does not look like the GitLab instance: whoever runs that host can replay the token against your projects and registry while the job runs. Send it only to $CI_SERVER_URL / $CI_API_V4_URL / $CI_REGISTRY, and use a dedicated, scoped token for other services.`,
          });
        }
      }
    }
  },
});
