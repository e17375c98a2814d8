// Package installs that skip signature checks: `--allow-unauthenticated`, `--force-yes`, `--nogpgcheck`, `--allow-untrusted`.

import { fileCommands } from '../../models/file-commands.js';
import { programName } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** Per package manager, the options that accept packages whose signature is missing or wrong. */
const FLAGS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['apt-get', new Set(['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories', '--allow-downgrades-unauthenticated'])],
  ['apt', new Set(['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'])],
  ['aptitude', new Set(['--allow-untrusted'])],
  ['yum', new Set(['--nogpgcheck'])],
  ['dnf', new Set(['--nogpgcheck', '--no-gpgchecks'])],
  ['microdnf', new Set(['--nogpgcheck'])],
  ['tdnf', new Set(['--nogpgcheck'])],
  ['zypper', new Set(['--no-gpg-checks'])],
  ['apk', new Set(['--allow-untrusted'])],
  ['rpm', new Set(['--nosignature'])],
]);
/** apt `-o` settings with the same effect. */
const APT_OPTIONS = /^apt::get::allowunauthenticated=(true|1|yes)$|^acquire::allowinsecurerepositories=(true|1|yes)$/i;

export default defineRule({
  id: 'unauthenticated-packages',
  family: 'hardening',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci'],
  severity: 'high',
  description: 'Packages are installed without checking their signatures',
  cwe: [494, 347],
  fix: 'none',
  check(ctx) {
    const cmdList = fileCommands(ctx.file);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
      const cmd = cmdList[cmdAt]!;
      const prog = programName(cmd);
      const flags = prog === undefined ? undefined : FLAGS.get(prog);
      if (!flags) continue;
      for (let i = 0; i < cmd.length; i++) {
        const w = cmd[i]!;
        const v = w.value.toLowerCase();
        const hit = flags.has(v) || ((prog === 'apt-get' || prog === 'apt') && (APT_OPTIONS.test(v) || (v.startsWith('-o') && APT_OPTIONS.test(v.slice(2)))));
        if (!hit) continue;
        ctx.report({
          range: w.range,
          message: `\`${prog} ${w.value}\` installs packages without verifying their signatures: a compromised mirror or anyone on the network path can substitute packages that then run as root in the image or on the build machine. Remove the option and import the repository's signing key instead.`,
        });
      }
    }
  },
});
