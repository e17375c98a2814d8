// Docker-in-Docker without TLS in GitLab CI: `DOCKER_TLS_CERTDIR: ""` or `DOCKER_HOST: tcp://…:2375`.

import { gitlabPipelines } from '../../models/gitlab.js';
import { defineRule } from '../define.js';

const PLAIN_DOCKER_HOST = /^tcp:\/\/[^\s/]+:2375\/?$/;

export default defineRule({
  id: 'gitlab-insecure-dind',
  family: 'permissions',
  kinds: ['gitlab-ci'],
  severity: 'medium',
  description: 'Docker-in-Docker service used without TLS (`DOCKER_TLS_CERTDIR: ""` or `DOCKER_HOST` on port 2375)',
  cwe: [319],
  fix: 'none',
  check(ctx) {
    for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) {
      const vars = [...p.variables, ...p.jobs.flatMap((j) => j.variables)];
      for (const v of vars) {
        const bad = (v.name === 'DOCKER_TLS_CERTDIR' && v.value === '') || (v.name === 'DOCKER_HOST' && v.value !== undefined && PLAIN_DOCKER_HOST.test(v.value.trim()));
        if (!bad) continue;
        ctx.report({
          range: v.range,
          message: `\`${v.name}: "${v.value}"\` runs the Docker-in-Docker daemon without TLS on port 2375: anything that can reach the service (other containers of the job, and on shared networks other jobs) gets unauthenticated root-equivalent access to the daemon. Keep \`DOCKER_TLS_CERTDIR: "/certs"\` and \`DOCKER_HOST: tcp://docker:2376\`.`,
        });
      }
    }
  },
});
