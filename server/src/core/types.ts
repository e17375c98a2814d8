// Shared vocabulary of Forewarn: kinds, severities, ranges, findings and fixes. Imports nothing.

export const FILE_KINDS = [
  'github-workflow',
  'github-action',
  'dependabot',
  'gitlab-ci',
  'azure-pipelines',
  'bitbucket-pipelines',
  'circleci',
  'dockerfile',
  'compose',
  'kubernetes',
  'terraform',
  /** any other text file that may hold credentials (`.env`, `.npmrc`, JSON/YAML config …): the secret rules only. */
  'text',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Ordered from least to most severe; the index is the rank. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FAMILIES = ['secrets', 'pinning', 'permissions', 'injection', 'hardening'] as const;
export type Family = (typeof FAMILIES)[number];

/** What kind of fix a rule offers: declared in its metadata, checked against what it emits. */
export const FIX_KINDS = ['none', 'safe', 'unsafe', 'needs-network'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s);
}

/** Half-open range of UTF-16 offsets into the document text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A lookup the server performs before a needs-network fix can become edits. */
export interface ResolveRequest {
  /** `commit-version`: the tag that names a pinned commit, for a `# vX.Y.Z` comment (`ref` is the SHA). */
  readonly type: 'action-commit' | 'image-digest' | 'commit-version';
  /** e.g. `actions/checkout` or `docker.io/library/node`. */
  readonly target: string;
  /** the mutable reference to resolve, e.g. `v4` or `20-alpine`. */
  readonly ref: string;
  /** where the resolved value goes. */
  readonly range: Range;
}

export type Fix =
  | { readonly title: string; readonly safety: 'safe' | 'unsafe'; readonly edits: readonly TextEdit[] }
  | { readonly title: string; readonly safety: 'needs-network'; readonly resolve: ResolveRequest };

export interface Finding {
  readonly ruleId: string;
  readonly family: Family;
  /** effective severity, after configuration overrides. */
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes: readonly Fix[];
}

export interface ParseError {
  readonly message: string;
  readonly range: Range;
}

/** A rule that threw, or emitted something its metadata does not allow. Never shown as a finding. */
export interface RuleError {
  readonly ruleId: string;
  readonly message: string;
}

/** Why a file was not analyzed. */
export interface Skipped {
  readonly reason: 'too-large' | 'binary';
  readonly message: string;
}
