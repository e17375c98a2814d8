// docker-compose services that mount the container runtime socket (`/var/run/docker.sock`).

import { isMap, isScalar } from 'yaml';
import { literalString, servicesOf } from '../../models/compose.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { trimTrailing } from '../../core/text.js';

const SOCKET = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$/;

/** The host side of a short-syntax volume (`/var/run/docker.sock:/var/run/docker.sock:ro`). */
function shortSource(spec: string): string {
  const colon = spec.indexOf(':');
  return colon === -1 ? spec : spec.slice(0, colon);
}

export default defineRule({
  id: 'compose-docker-socket',
  family: 'hardening',
  kinds: ['compose'],
  severity: 'high',
  description: 'A Compose service mounts the container runtime socket',
  cwe: [668, 250],
  fix: 'none',
  check(ctx) {
    for (const svc of servicesOf(ctx.file)) {
      for (const vol of items(get(svc.node, 'volumes'))) {
        let node: unknown = vol;
        let source: string | undefined;
        if (isScalar(vol)) source = literalString(vol) === undefined ? undefined : shortSource(literalString(vol)!);
        else if (isMap(vol)) {
          node = get(vol, 'source');
          source = literalString(node);
        }
        if (source === undefined || !SOCKET.test(trimTrailing(source, '/'))) continue;
        ctx.report({
          range: rangeOf(node)!,
          message: `Service '${svc.name}' mounts the container runtime socket '${source}': whoever controls the container can start a privileged container on the host and take it over, even with \`:ro\`. Avoid the mount (use a rootless builder, or a socket proxy that allows only the API calls needed).`,
        });
      }
    }
  },
});
