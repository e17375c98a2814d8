// Helpers over image uses shared by the pinning rules and the pin command: how to name one, how to pin it.

import type { Fix } from '../core/types.js';
import type { ImageUse } from './source-file.js';

/** What the image is to the file, for messages. */
export function imageRole(img: ImageUse): string {
  switch (img.source) {
    case 'dockerfile-from':
      return 'Base image';
    case 'github-service':
    case 'gitlab-service':
      return 'Service image';
    case 'github-container':
    case 'azure-container':
    case 'kubernetes-container':
      return 'Container image';
    case 'helm-values':
      return 'Chart image (values file)';
    default:
      return 'Image';
  }
}

/** The needs-network fix that appends the digest of the tag, when the tag sits verbatim at the end of the value. */
export function digestFix(img: ImageUse): Fix | undefined {
  const ref = img.ref;
  if (img.isStage || !img.exact || !ref?.tag || ref.digest || img.resolved !== img.raw) return undefined;
  const target = img.raw.slice(0, img.raw.length - ref.tag.length - 1);
  return {
    title: `Pin ${img.raw} to its digest`,
    safety: 'needs-network',
    resolve: { type: 'image-digest', target, ref: ref.tag, range: { start: img.range.end - ref.tag.length, end: img.range.end } },
  };
}
