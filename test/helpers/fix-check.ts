// Applies a rule's fixes and checks the result: finding gone, YAML still parses, scripts still parse as shell.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { TextEdit } from '../../server/src/core/types.js';
import { applyEdits, type Rule } from '../../server/src/engine/index.js';
import { analyzeWith } from './rule-tester.js';

/** True when `bash -n` accepts the script (skipped, returning true, when bash is missing). */
export function bashParses(script: string): boolean {
  try {
    execFileSync('bash', ['-n'], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    return false;
  }
}

/** Applies the first edit fix of the first finding (and so on, one finding at a time) until none is left; returns the text. */
export function applyAllFixes(rule: Rule, path: string, code: string, rounds = 10): string {
  let text = code;
  for (let i = 0; i < rounds; i++) {
    const { findings } = analyzeWith(rule, { path, code: text });
    let edits: readonly TextEdit[] | undefined;
    for (const f of findings) for (const x of f.fixes) if (!edits && x.safety !== 'needs-network') edits = x.edits;
    if (!edits) return text;
    text = applyEdits(text, edits);
  }
  return text;
}

export function assertYamlParses(text: string): void {
  for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors.map((e) => e.message), [], 'fixed YAML has errors');
}

/** The values of every `run:` key in a YAML text (any depth). */
export function runScripts(text: string, key = 'run'): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === key && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  for (const doc of parseAllDocuments(text)) walk(doc.toJS());
  return out;
}
