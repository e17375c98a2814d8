// Kubernetes containers with `imagePullPolicy: IfNotPresent` on an image pinned only by a tag: nodes keep running
// whatever they pulled under that tag first.

import { isScalar } from 'yaml';
import { parseImageRef } from '../../models/image-ref.js';
import { podsOf } from '../../models/kubernetes.js';
import { get, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-image-pull-policy',
  family: 'pinning',
  kinds: ['kubernetes'],
  severity: 'info',
  description: '`imagePullPolicy: IfNotPresent` on an image pinned only by a (mutable) tag',
  cwe: [1357],
  fix: 'unsafe',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const c of pod.containers) {
        const policy = get(c.node, 'imagePullPolicy');
        if (!isScalar(policy) || policy.value !== 'IfNotPresent') continue;
        const image = get(c.node, 'image');
        if (!isScalar(image) || typeof image.value !== 'string' || /[$<{]/.test(image.value)) continue;
        const ref = parseImageRef(image.value.trim());
        if (!ref || ref.digest || ref.tag === undefined) continue;
        const range = valueRange(policy, ctx.file.text);
        ctx.report({
          range,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' pulls '${image.value.trim()}' only if the node lacks it: a tag can be moved, so nodes that pulled it earlier keep running the old image and new nodes get the new one, and a private image already on a node can be started by any pod there without pull credentials. Pin the image by digest (\`@sha256:…\`), or set \`imagePullPolicy: Always\`.`,
          fixes: [{ title: 'Set imagePullPolicy: Always', safety: 'unsafe', edits: [{ range, newText: 'Always' }] }],
        });
      }
    }
  },
});
