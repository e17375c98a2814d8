// The `forewarn.*` editor settings as the server reads them through workspace/configuration.

import { isSeverity } from '../core/types.js';
import type { RuleSetting } from '../engine/index.js';
import { MAX_FILE_SIZE_LIMIT } from '../engine/config.js';
import { DEFAULT_SEVERITY_MAP, readSeverityMap, type SeverityMap } from './convert.js';

export interface Settings {
  readonly enable: boolean;
  /** per-rule severity overrides, layered over `.forewarn.yml`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly maxFileSize: number | undefined;
  /** scan the whole workspace in the background when it opens. */
  readonly scanOnOpen: boolean;
  /** re-analyse files saved or changed on disk (and rescan when `.forewarn.yml` or a `.gitignore` changes). */
  readonly scanOnSave: boolean;
  /** VS Code glob patterns of files and folders the workspace scan skips. */
  readonly exclude: readonly string[];
  /** lookups for pin fixes (GitHub API, registries) may run when the user asks for them. */
  readonly allowNetwork: boolean;
  /** how findings recorded in the workspace's baseline file are shown. */
  readonly baselineDisplay: BaselineDisplay;
  /** which editor severity (error, warning, information, hint) each Forewarn severity shows as. */
  readonly severityMap: SeverityMap;
}

export const BASELINE_DISPLAYS = ['dimmed', 'hidden', 'normal'] as const;
export type BaselineDisplay = (typeof BASELINE_DISPLAYS)[number];

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  maxFileSize: undefined,
  scanOnOpen: true,
  scanOnSave: true,
  exclude: [],
  baselineDisplay: 'dimmed',
  allowNetwork: true,
  severityMap: DEFAULT_SEVERITY_MAP,
};

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
    maxFileSize: typeof max === 'number' && Number.isFinite(max) && max > 0 ? Math.min(max, MAX_FILE_SIZE_LIMIT) : undefined,
    scanOnOpen: o.scanOnOpen !== false,
    scanOnSave: o.scanOnSave !== false,
    exclude: Array.isArray(o.exclude) ? o.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [],
    baselineDisplay: baselineDisplay(o.baseline),
    allowNetwork: o.allowNetwork !== false,
    severityMap: readSeverityMap(o.severityMap),
  };
}

/** `forewarn.baseline.display`; VS Code sends dotted settings as nested objects. */
function baselineDisplay(raw: unknown): BaselineDisplay {
  const v = raw && typeof raw === 'object' ? (raw as { display?: unknown }).display : undefined;
  return (BASELINE_DISPLAYS as readonly unknown[]).includes(v) ? (v as BaselineDisplay) : 'dimmed';
}
