// The first lines of the Forewarn output: which server, which Node, and the settings in effect — never a secret
// (a token is reported as present or absent, never shown).

import { SEVERITIES } from '../core/types.js';
import { DEFAULT_SEVERITY_MAP } from './convert.js';
import type { Settings } from './settings.js';

declare const FOREWARN_VERSION: string | undefined;
export const SERVER_VERSION = typeof FOREWARN_VERSION === 'string' ? FOREWARN_VERSION : '0.0.0-dev';

export function startupLine(): string {
  return `Forewarn ${SERVER_VERSION} language server, Node ${process.version} (${process.platform}-${process.arch}), ${process.execArgv.length > 0 ? 'debug' : 'run'} mode.`;
}

/** One line with every `forewarn.*` setting as the server reads it for `scope` (a folder, or "global"). */
export function settingsLine(scope: string, s: Settings): string {
  const map = SEVERITIES.slice()
    .reverse()
    .map((sev) => `${sev}→${s.severityMap[sev]}${s.severityMap[sev] !== DEFAULT_SEVERITY_MAP[sev] ? '*' : ''}`)
    .join(' ');
  const rules = Object.entries(s.rules);
  const parts = [
    `enable=${s.enable}`,
    `severityMap: ${map}`,
    `rules=${rules.length === 0 ? '{}' : rules.map(([id, v]) => `${id}:${v}`).join(',')}`,
    `scanOnOpen=${s.scanOnOpen}`,
    `scanOnSave=${s.scanOnSave}`,
    `exclude=[${s.exclude.join(', ')}]`,
    `maxFileSize=${s.maxFileSize ?? 'default'}`,
    `baseline.display=${s.baselineDisplay}`,
    `allowNetwork=${s.allowNetwork}`,
  ];
  return `Settings in effect for ${scope}: ${parts.join('; ')}.`;
}

/** Where pin lookups would get a GitHub token from, without the token. */
export function tokenLine(env: Readonly<Record<string, string | undefined>>): string {
  const from = env.GITHUB_TOKEN ? 'GITHUB_TOKEN' : env.GH_TOKEN ? 'GH_TOKEN' : undefined;
  return from
    ? `GitHub token for pin lookups: from ${from} in the environment (not shown).`
    : 'GitHub token for pin lookups: none in the environment (Forewarn: Set GitHub Token for Pinning keeps one in VS Code).';
}
