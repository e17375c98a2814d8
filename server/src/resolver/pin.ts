// Pinning a file: which references can be pinned, and the exact edits once the resolver has answered.

import { Minimatch } from 'minimatch';
import { LineIndex } from '../core/text.js';
import type { ResolveRequest, TextEdit } from '../core/types.js';
import { parseImageRef } from '../models/image-ref.js';
import { digestFix } from '../models/image-pin.js';
import type { SourceFile } from '../models/source-file.js';
import { ResolveError, type Resolved, type Resolver } from './index.js';
import { append } from '../core/arrays.js';

/**
 * Every action and image in the file that a lookup can pin: what "Pin all" and `forewarn pin` act on.
 * Actions matching `allowedActions` (config `allow.actions`) are left as they are, as unpinned-action leaves them.
 */
export function pinRequests(file: SourceFile, allowedActions: readonly string[] = []): ResolveRequest[] {
  const out: ResolveRequest[] = [];
  const allow = allowedActions.map((g) => new Minimatch(g, { nocase: true }));
  const { remoteRefs, images } = file.facets;
  for (const r of remoteRefs) {
    if (r.source === 'docker-action') {
      const image = parseImageRef(r.target);
      if (r.refKind !== 'none' || !image?.tag || /[$<{]/.test(r.target) || r.range.end - r.range.start !== r.raw.length) continue;
      out.push({ type: 'image-digest', target: r.target.slice(0, -image.tag.length - 1), ref: image.tag, range: { start: r.range.end - image.tag.length, end: r.range.end } });
    } else if ((r.refKind === 'version' || r.refKind === 'branch' || r.refKind === 'other') && r.ref && r.refRange) {
      const repo = r.target.split('/').slice(0, 2).join('/');
      if (allow.some((m) => m.match(repo))) continue;
      out.push({ type: 'action-commit', target: r.target, ref: r.ref, range: r.refRange });
    }
  }
  for (const img of images) {
    const fix = digestFix(img);
    if (fix?.safety === 'needs-network') out.push(fix.resolve);
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** A comment we may replace: one that only names a version (`# v4`, `# tag=v4.1`, `# 4.2.0`). */
const VERSION_COMMENT = /^#\s*(?:(?:tag|pin)[=@:]\s*)?v?\d[\w.+-]*\s*$/;

/** The edits that apply a resolved value: the SHA plus a `# version` comment, or `tag@sha256:…`. */
export function editsFor(text: string, req: Pick<ResolveRequest, 'type' | 'ref' | 'range'>, resolved: Resolved): TextEdit[] {
  if (resolved.type === 'image-digest') return [{ range: req.range, newText: `${req.ref}@${resolved.digest}` }];
  if (resolved.type === 'commit-version') return commentEdits(text, req.range.end, resolved.version);
  return [{ range: req.range, newText: resolved.pin.sha }, ...commentEdits(text, req.range.end, resolved.pin.version)];
}

/** A trailing `# version` comment after the value ending at `valueEnd` (replacing a stale version comment). */
function commentEdits(text: string, valueEnd: number, version: string): TextEdit[] {
  const edits: TextEdit[] = [];
  // After the value and its closing quote, on the same line.
  let after = valueEnd;
  if (text[after] === '"' || text[after] === "'") after++;
  let eol = text.indexOf('\n', after);
  if (eol === -1) eol = text.length;
  if (text[eol - 1] === '\r') eol--;
  const rest = text.slice(after, eol);
  const trimmed = rest.trim();
  const comment = `# ${version}`;
  if (trimmed === '') edits.push({ range: { start: after, end: after + rest.length }, newText: ` ${comment}` });
  else if (VERSION_COMMENT.test(trimmed)) {
    // Replace a stale version comment, keeping the spacing before it.
    const start = after + rest.indexOf('#');
    edits.push({ range: { start, end: start + trimmed.length }, newText: comment });
  } else if (trimmed.startsWith('#')) {
    const start = after + rest.indexOf('#');
    edits.push({ range: { start, end: start }, newText: `${comment} ` });
  }
  // Anything else after the value (a flow mapping `{ uses: a@v1, with: … }`): a comment would swallow it; SHA only.
  return edits;
}

export interface PinOutcome {
  readonly edits: TextEdit[];
  /**
   * one message per reference that could not be pinned (the others are still pinned), naming it as the file
   * writes it and its line: `image nginx:1.27 on line 4: …`.
   */
  readonly errors: string[];
  readonly pinned: number;
}

/** Resolves every request (a few at a time) and returns the edits, sorted and non-overlapping. */
export async function resolveEdits(text: string, requests: readonly ResolveRequest[], resolver: Resolver, concurrency = 4): Promise<PinOutcome> {
  const results: (Resolved | Error)[] = new Array(requests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const i = next++;
      results[i] = await resolver.resolve(requests[i]!).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  const edits: TextEdit[] = [];
  const errors: string[] = [];
  let pinned = 0;
  let lines: LineIndex | undefined;
  requests.forEach((req, i) => {
    const r = results[i]!;
    if (r instanceof Error) {
      const msg = r instanceof ResolveError ? r.message : `unexpected error: ${r.message}`;
      lines ??= new LineIndex(text);
      const what = req.type === 'image-digest' ? `image ${req.target}:${req.ref}` : `action ${req.target}@${req.ref}`;
      errors.push(`${what} on line ${lines.lineOf(req.range.start) + 1}: ${msg}`);
      return;
    }
    append(edits, editsFor(text, req, r));
    pinned++;
  });
  edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { edits: dropOverlaps(edits), errors, pinned };
}

function dropOverlaps(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.range.start < end) continue;
    out.push(e);
    end = Math.max(end, e.range.end);
  }
  return out;
}
