// What a token detector is: a linear-time pattern, an optional offline check, and samples the table test runs.

export interface Detector {
  /** kebab-case, stable: shown in messages and usable in allowlists. */
  readonly id: string;
  /** what the user sees: `GitHub personal access token (classic)`. */
  readonly name: string;
  /**
   * Global regex, written without nested quantifiers or ambiguous alternation; the secret is capture
   * group 1 when the pattern has one (context such as `AccountKey=` stays out of the range), else the match.
   */
  readonly pattern: RegExp;
  /** The pattern can only match when the text contains one of these (case-sensitive); checked first. */
  readonly keywords: readonly string[];
  /**
   * For patterns with no selective literal (`[A-Za-z0-9/+]{40}`): a match counts only within `before` characters
   * before and `after` characters after the start of a match of `anchor` (a global, linear regex), so the pattern
   * runs only in those windows. Its lookarounds may reach at most NEAR_CONTEXT characters outside the match.
   */
  readonly near?: { readonly anchor: RegExp; readonly before: number; readonly after: number };
  /** An offline check of the secret (checksum, structure, nearby context); false drops the match. */
  validate?(secret: string, text: string, index: number): boolean;
  /** For blocks: where the secret ends, given where the pattern's match ends (undefined drops it). */
  extend?(text: string, matchEnd: number): number | undefined;
  /** `validate` verifies a checksum (named here, for the docs): a value of the right shape that fails it is no token of this provider. */
  readonly checksum?: string;
  /** The format legitimately repeats characters (Twitter bearer tokens start with 22 `A`s): skip the placeholder filter. */
  readonly repeats?: boolean;
  /** where to revoke or rotate it, for the message. */
  readonly rotate: string;
  /**
   * Texts that must give exactly one match of this detector (tp) and none (fp). A getter in every detector: built when
   * asked for (the table test, the docs), not when the CLI loads (see fakeCalls in fake.ts).
   */
  readonly samples: { readonly tp: readonly string[]; readonly fp: readonly string[] };
}
