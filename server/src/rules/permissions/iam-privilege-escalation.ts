// IAM policies that let their holder grant themselves more: the known escalation paths (iam:PassRole with a compute
// service, iam:Put*Policy, iam:CreatePolicyVersion, iam:CreateAccessKey … on any resource), within one policy.

import type { Range } from '../../core/types.js';
import { policyDocuments, type Statement } from '../../models/iam-policy.js';
import { defineRule } from '../define.js';

/** One escalation path: every action in `all` granted on `*`. */
interface Path {
  readonly all: readonly string[];
  readonly how: string;
}

const PASS = 'iam:PassRole';

/** After Rhino Security Labs' list of AWS IAM privilege-escalation methods. */
export const PATHS: readonly Path[] = [
  { all: ['iam:CreatePolicyVersion'], how: 'publish a new default version of any managed policy, e.g. one that allows "*"' },
  { all: ['iam:SetDefaultPolicyVersion'], how: 'switch any managed policy to an older, broader version' },
  { all: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to any user, itself included' },
  { all: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to any group it is in' },
  { all: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to any role it can use' },
  { all: ['iam:PutUserPolicy'], how: 'write an inline "*" policy on any user, itself included' },
  { all: ['iam:PutGroupPolicy'], how: 'write an inline "*" policy on any group it is in' },
  { all: ['iam:PutRolePolicy'], how: 'write an inline "*" policy on any role it can use' },
  { all: ['iam:AddUserToGroup'], how: 'add itself to an administrators group' },
  { all: ['iam:CreateAccessKey'], how: 'create access keys for any user, an administrator included' },
  { all: ['iam:CreateLoginProfile'], how: 'set a console password for any user that has none' },
  { all: ['iam:UpdateLoginProfile'], how: "change any user's console password" },
  { all: ['iam:UpdateAssumeRolePolicy'], how: 'let itself assume any role' },
  { all: [PASS, 'ec2:RunInstances'], how: 'start an instance with any role and read that role\'s credentials from it' },
  { all: [PASS, 'lambda:CreateFunction', 'lambda:InvokeFunction'], how: 'create and run a function under any role' },
  { all: [PASS, 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], how: 'create a function under any role and have an event run it' },
  { all: ['lambda:UpdateFunctionCode'], how: 'replace the code of any function and so act with its role' },
  { all: [PASS, 'cloudformation:CreateStack'], how: 'create a stack that runs under any role' },
  { all: [PASS, 'glue:CreateDevEndpoint'], how: 'create a Glue endpoint with any role and log in to it' },
  { all: ['glue:UpdateDevEndpoint'], how: 'add its SSH key to an existing Glue endpoint and use its role' },
  { all: [PASS, 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'], how: 'run commands in a pipeline under any role' },
  { all: [PASS, 'codebuild:CreateProject', 'codebuild:StartBuild'], how: 'run a build under any role' },
  { all: [PASS, 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'], how: 'open a notebook running under any role' },
  { all: [PASS, 'ecs:RegisterTaskDefinition', 'ecs:RunTask'], how: 'run a task under any role' },
];

/** Case-insensitive IAM action glob (`*`, `?`), linear in practice: actions are short. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let pi = 0;
  let ai = 0;
  let star = -1;
  let mark = 0;
  while (ai < a.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === a[ai])) {
      pi++;
      ai++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ai;
    } else if (star !== -1) {
      pi = star + 1;
      ai = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** `*` and `service:*` are iam-wildcard-policy's findings. */
function fullWildcard(a: string): boolean {
  return a === '*' || /^[a-z0-9-]+:\*$/i.test(a);
}

interface Grant {
  readonly pattern: string;
  readonly range: Range;
}

/** Actions an unconditional Allow statement grants on every resource. */
function grantsOnAnything(s: Statement): Grant[] {
  if (s.effect !== 'Allow' || s.hasCondition || !s.actions || !s.resources?.values.some((r) => r.value === '*')) return [];
  return s.actions.values.filter((a) => !fullWildcard(a.value)).map((a) => ({ pattern: a.value, range: a.range }));
}

export default defineRule({
  id: 'iam-privilege-escalation',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'An IAM policy grants actions on `*` that let its holder escalate to administrator',
  cwe: [269],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const seen = new Set<number>();
    for (const doc of policyDocuments(tf)) {
      const grants = doc.statements.flatMap(grantsOnAnything);
      if (grants.length === 0) continue;
      for (const path of PATHS) {
        const found = path.all.map((action) => grants.find((g) => actionMatches(g.pattern, action)));
        if (found.some((g) => g === undefined)) continue;
        // Reported on the action that is not iam:PassRole (the one that does the damage), once per action.
        const at = found.find((g, i) => path.all[i] !== PASS) ?? found[0]!;
        if (seen.has(at!.range.start)) continue;
        seen.add(at!.range.start);
        const names = path.all.map((a, i) => (found[i]!.pattern === a ? a : `${a} (via '${found[i]!.pattern}')`)).join(' + ');
        ctx.report({
          range: at!.range,
          message: `IAM policy grants ${names} on every resource ('*'): whoever holds it can ${path.how}, and so become an administrator. Scope Resource to the specific roles, users or functions it must manage, add a condition (iam:PassedToService, aws:ResourceTag), or use a permissions boundary.`,
        });
      }
    }
  },
});
