// Kubernetes pods whose containers may run as root: no `runAsNonRoot: true` (nor a non-zero `runAsUser`), or `runAsUser: 0`.

import { isMap, isScalar } from 'yaml';
import type { Range } from '../../core/types.js';
import { boolOf, helmValuesOf, insertSecurityContextEntry, intOf, isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

interface Settings {
  readonly nonRoot: unknown;
  readonly user: unknown;
}

function settings(sc: unknown): Settings {
  return { nonRoot: get(sc, 'runAsNonRoot'), user: get(sc, 'runAsUser') };
}

const WHY = 'a process running as uid 0 can change anything in the container and starts any container escape as root. Run as a non-root user: set `securityContext.runAsNonRoot: true` (and a `runAsUser` the image supports).';

export default defineRule({
  id: 'k8s-run-as-root',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'medium',
  description: 'Containers may run as root: no `runAsNonRoot: true`, or `runAsUser: 0`',
  cwe: [250],
  fix: 'unsafe',
  check(ctx) {
    const { text, lines } = ctx.file;
    // A chart's values: only an explicit root setting is a finding (what the templates do without one is unknown).
    for (const sc of helmValuesOf(ctx.file)?.securityContexts ?? []) {
      const user = get(sc.node, 'runAsUser');
      const nonRoot = get(sc.node, 'runAsNonRoot');
      const at = (node: unknown, what: string, fix: boolean): void => {
        const range = rangeOf(node)!;
        ctx.report({
          range,
          message: `The chart value '${sc.path}' (copied into pods by the templates) sets ${what}: ${WHY}`,
          fixes: fix ? [{ title: 'Set runAsNonRoot: true', safety: 'unsafe', edits: [{ range, newText: 'true' }] }] : [],
        });
      };
      if (intOf(user) === 0) at(user, 'runAsUser: 0', false);
      else if (boolOf(nonRoot) === false && !((intOf(user) ?? 0) > 0)) at(nonRoot, 'runAsNonRoot: false', true);
    }
    for (const pod of podsOf(ctx.file)) {
      if (pod.windows) continue;
      const podSet = settings(pod.securityContext);
      if (isDynamic(podSet.nonRoot) || isDynamic(podSet.user)) continue;
      const reported = new Set<unknown>();
      const explicit = (node: unknown, what: string, fix: boolean): void => {
        if (reported.has(node) || !isScalar(node)) return;
        reported.add(node);
        const range: Range = rangeOf(node)!;
        ctx.report({
          range,
          message: `${pod.kind} '${pod.name ?? '?'}' sets ${what}: ${WHY}`,
          fixes: fix ? [{ title: 'Set runAsNonRoot: true', safety: 'unsafe', edits: [{ range, newText: 'true' }] }] : [],
        });
      };
      const missing: typeof pod.containers[number][] = [];
      for (const c of pod.containers) {
        const own = settings(c.securityContext);
        if (isDynamic(own.nonRoot) || isDynamic(own.user)) continue;
        const userNode = own.user ?? podSet.user;
        const nonRootNode = own.nonRoot ?? podSet.nonRoot;
        const user = intOf(userNode);
        const nonRoot = boolOf(nonRootNode);
        if (user === 0) explicit(userNode, 'runAsUser: 0', false);
        else if (nonRoot === false && !(user !== undefined && user > 0)) explicit(nonRootNode, 'runAsNonRoot: false', true);
        else if (!(user !== undefined && user > 0) && nonRoot !== true) {
          // A string, a float or another odd value: not a literal we can judge.
          if ((userNode !== undefined && user === undefined) || (nonRootNode !== undefined && nonRoot === undefined)) continue;
          missing.push(c);
        }
      }
      if (missing.length === 0 || pod.partial) continue;
      const podWide = missing.length === pod.containers.length && podSet.nonRoot === undefined && podSet.user === undefined;
      if (podWide) {
        const sc = pod.securityContext;
        const edit = sc === undefined || sc === null || isMap(sc) ? insertSecurityContextEntry(pod.spec, 'runAsNonRoot', 'true', text, lines) : undefined;
        ctx.report({
          range: pod.anchor,
          message: `${pod.kind} '${pod.name ?? '?'}' does not set runAsNonRoot: true or a non-zero runAsUser, so its containers run as whatever user the image says, often root: ${WHY}`,
          fixes: edit ? [{ title: 'Add runAsNonRoot: true to the pod securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
        continue;
      }
      for (const c of missing) {
        const sc = c.securityContext;
        const edit = sc === undefined || sc === null || isMap(sc) ? insertSecurityContextEntry(c.node, 'runAsNonRoot', 'true', text, lines) : undefined;
        ctx.report({
          range: c.anchor,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' does not set runAsNonRoot: true or a non-zero runAsUser, so it runs as whatever user the image says, often root: ${WHY}`,
          fixes: edit ? [{ title: 'Add runAsNonRoot: true to the container securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
