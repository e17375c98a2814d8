// Table tests for azure-script-injection, and checks that its fix leaves a script bash can parse.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/injection/azure-script-injection.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses, bashParses, runScripts } from '../helpers/fix-check.js';

const AZ = 'azure-pipelines.yml';
const steps = (s: string, pool = 'pool:\n  vmImage: ubuntu-24.04\n') => `${pool}steps:\n${s}`;

ruleTester(rule, {
  valid: [
    { name: 'environment variable', path: AZ, code: steps('  - bash: echo "$BUILD_SOURCEBRANCHNAME"\n') },
    { name: 'build id is a number', path: AZ, code: steps('  - bash: echo $(Build.BuildId) $(Build.SourceVersion)\n') },
    { name: 'task inputs that are not scripts', path: AZ, code: steps('  - task: PublishBuildArtifacts@1\n    inputs:\n      ArtifactName: $(Build.SourceBranchName)\n') },
  ],
  invalid: [
    {
      name: 'bash, unquoted and double-quoted',
      path: AZ,
      code: steps('  - bash: |\n      echo "Branch: $(Build.SourceBranchName)"\n      git tag $(Build.SourceBranchName)\n'),
      errors: [{ line: 5, column: 21, endColumn: 46 }, { line: 6, column: 15 }],
      output: steps('  - bash: |\n      echo "Branch: ${BUILD_SOURCEBRANCHNAME}"\n      git tag "${BUILD_SOURCEBRANCHNAME}"\n'),
      fixSafety: 'safe',
    },
    {
      name: 'single quotes, PR source branch',
      path: AZ,
      code: steps("  - bash: echo 'from $(System.PullRequest.SourceBranch)'\n"),
      errors: [{ line: 4, column: 22 }],
      output: steps("  - bash: echo 'from '\"${SYSTEM_PULLREQUEST_SOURCEBRANCH}\"''\n"),
    },
    {
      name: 'script: on Windows: reported, no fix',
      path: AZ,
      code: steps('  - script: echo $(Build.SourceVersionMessage)\n', 'pool:\n  vmImage: windows-2022\n'),
      errors: [{ line: 4, column: 18 }],
      output: null,
    },
    {
      name: 'Bash task inline script inside stages/jobs',
      path: AZ,
      code: 'stages:\n  - stage: A\n    jobs:\n      - job: B\n        steps:\n          - task: Bash@3\n            inputs:\n              targetType: inline\n              script: echo $(Build.SourceBranch)\n',
      errors: [{ line: 9, column: 28 }],
      output: 'stages:\n  - stage: A\n    jobs:\n      - job: B\n        steps:\n          - task: Bash@3\n            inputs:\n              targetType: inline\n              script: echo "${BUILD_SOURCEBRANCH}"\n',
    },
  ],
});

it('azure-script-injection: fixed scripts parse as shell and are clean', () => {
  const code = steps('  - bash: |\n      if [ "$(Build.SourceBranchName)" = main ]; then\n        echo $(Build.SourceVersionMessage) # $(Build.SourceBranch)\n      fi\n      cat <<EOF\n      $(Build.RequestedFor)\n      EOF\n');
  const fixed = applyAllFixes(rule, AZ, code);
  assertYamlParses(fixed);
  assert.deepEqual(analyzeWith(rule, { path: AZ, code: fixed }).findings, []);
  const [script] = runScripts(fixed, 'bash');
  assert.ok(script && bashParses(script), fixed);
});
