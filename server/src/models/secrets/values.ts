// What a literal in a credential slot is: a non-value (empty, a reference, a well-known placeholder) or a credential, weak or not.

import { entropy } from './checksums.js';
import { isReference } from './generic.js';

/**
 * Fillers people write where a credential will go. Narrower than the generic rule's list on purpose: in a slot,
 * `root`, `admin`, `password` and `postgres` are credentials (weak ones), not placeholders.
 */
const PLACEHOLDER =
  /^(?:changeme|change[-_. ]?me|changeit|change[-_. ]?this|replace[-_. ]?me|replaceme|replace[-_. ]?this|to[-_. ]?be[-_. ]?(?:set|filled|replaced|changed)|tbd|todo|fixme|placeholder|example|sample|dummy|redacted|none|null|nil|undefined|unset|not[-_. ]?set|set[-_. ]?me|n\/a|foo|bar|baz|foobar|xyz)$/i;
/** `your-password-here`, `<password>`, `insert-token-here`, `example-token`, `dummy_secret`, `fake-api-key` … */
const PLACEHOLDER_PARTS =
  /^your[-_ ]|^my[-_ ]?(?:secret|token|password|api[-_ ]?key)[-_ ]?here|[-_ ]here$|^(?:insert|enter|put|paste|add|set|replace)[-_ ](?:your|the|a|an|with|me)\b|^(?:example|sample|dummy|fake|placeholder|redacted|mock)[-_ .]|[-_ .](?:example|placeholder|redacted)$|^<.*>$|^\[.*\]$|^\{\{?[^{}]*\}?\}$|^%[^%\s]+%$|^@[^@\s]+@$|^__[A-Za-z0-9_]+__$|^ENC\[|^\$ANSIBLE_VAULT|^!vault\b/i;
/** A secret word in capitals alone (`value: SECRET`, `PASSWORD`): what goes there, by convention, not what it is. */
const CAPITAL_WORD = /^(?:SECRET|PASSWORD|PASSWD|TOKEN|APIKEY|API-KEY|KEY|CREDENTIALS?|PASSPHRASE)$/;
/** One character over and over (`xxx`, `****`, `...`, `000000`), or a filler of two (`-`, `?`). */
const FILLER = /^(.)\1*$|^[*x.?#-]+$/i;
/** `MARKETPLACE_TOKEN`: the name of a secret or variable (as some tools take), not its value. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const BOOLEAN = /^(?:true|false|yes|no|on|off|enabled|disabled|~)$/i;
const PATH = /^(?:~|\.{1,2})?\/[^\s]*$|^[A-Za-z]:\\|^file:/;
const FILE_NAME = /^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|env|conf|cfg|ini|xml|jks|keystore|gpg|asc)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Three or more words of letters: a sentence (a description, an instruction), not a credential. */
const PROSE = /^[A-Za-z'’,.()-]+(?:\s+[A-Za-z'’,.()-]+){2,}$/;
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?|sha3-\d+)[:-]/i;

/** Why a literal in a credential slot is not a credential, or undefined when it is one. */
export function slotNonValue(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'empty';
  if (isReference(v)) return 'reference';
  if (PLACEHOLDER.test(v) || PLACEHOLDER_PARTS.test(v) || FILLER.test(v) || CAPITAL_WORD.test(v)) return 'placeholder';
  if (BOOLEAN.test(v)) return 'boolean';
  if (CONSTANT_NAME.test(v)) return 'name';
  if (PATH.test(v) || FILE_NAME.test(v)) return 'path';
  if (URL.test(v)) return 'url'; // a URL with a password in it is credential-url's
  if (DIGEST.test(v)) return 'digest';
  if (v.length > 4096) return 'data';
  if (PROSE.test(v)) return 'text';
  return undefined;
}

/** Words that make a password guessable, after undoing leetspeak (`Passw0rd`, `S3cr3t`, `4dm1n`). */
const WEAK_WORDS =
  /pass(?:w(?:or)?d)?|secret|admin|root|toor|qwert|asdf|letmein|welcome|changeme|default|master|login|guest|test|demo|dragon|monkey|iloveyou|sunshine|princess|football|shadow|superman|trustno|hello|postgres|mysql|mariadb|oracle|mongo|redis|rabbit|minio|jenkins|docker|user|abc|xyz/;
/** Runs that make a password guessable: counting, keyboard rows, repeats. */
const WEAK_RUNS = /0123|1234|2345|3456|4567|5678|6789|9876|8765|7654|6543|5432|4321|abcd|bcde|cdef|qwer|wert|asdf|zxcv|(.)\1\1/;

function unLeet(v: string): string {
  return v
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[4@]/g, 'a')
    .replace(/[5$]/g, 's')
    .replace(/7/g, 't');
}

function charClasses(v: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
}

/**
 * A credential that is easy to guess: short, one kind of character, a dictionary word in it (leetspeak undone),
 * or counting and keyboard runs. Such a value is reported like any other, with the message saying it is weak.
 */
export function isWeakValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 10 || charClasses(v) === 1 || entropy(v) < 2.8) return true;
  const lower = v.toLowerCase();
  return WEAK_RUNS.test(lower) || WEAK_WORDS.test(unLeet(v)) || WEAK_WORDS.test(lower);
}

/** Every pattern above, for the ReDoS check in the tests. */
export const SLOT_VALUE_PATTERNS: readonly RegExp[] = [PLACEHOLDER, PLACEHOLDER_PARTS, CAPITAL_WORD, FILLER, CONSTANT_NAME, BOOLEAN, PATH, FILE_NAME, URL, PROSE, DIGEST, WEAK_WORDS, WEAK_RUNS];
