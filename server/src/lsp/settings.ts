// The `forewarn.*` editor settings as the server reads them through workspace/configuration.

import { isSeverity } from '../core/types.js';
import type { RuleSetting } from '../engine/index.js';

export interface Settings {
  readonly enable: boolean;
  /** per-rule severity overrides, layered over `.forewarn.yml`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly maxFileSize: number | undefined;
  /** lookups for pin fixes (GitHub API, registries) may run when the user asks for them. */
  readonly allowNetwork: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, maxFileSize: undefined, allowNetwork: true };

/** Accepts whatever the client sends and keeps only well-formed values. */
export function readSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (o.rules && typeof o.rules === 'object') {
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (v === 'off' || isSeverity(v)) rules[id] = v;
    }
  }
  const max = o.maxFileSize;
  return {
    enable: o.enable !== false,
    rules,
    maxFileSize: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : undefined,
    allowNetwork: o.allowNetwork !== false,
  };
}
