// Runs inside code-server's extension host with the real `vscode` API: Forewarn's diagnostics on the example
// workflow (severity map, offline rule links), its code actions (one "Ignore" for two rules on a line), the
// suppression snippet with its reason selected, "Fix All" and "Scan Workspace" results, and the commands.
const vscode = require('vscode');
const assert = require('assert');

/** Polls `fn` until it returns something truthy. */
async function until(fn, what, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const forewarn = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'forewarn');
const codeOf = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

exports.run = async function run() {
  const t0 = Date.now();
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, '.github', 'workflows', 'ci.yml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.ok(vscode.extensions.getExtension('forewarn.forewarn'), 'Forewarn is installed');

  const diags = await until(() => {
    const d = forewarn(uri);
    return d.length >= 3 && d;
  }, 'Forewarn diagnostics');
  console.log(`[suite] ${diags.length} diagnostics after ${Date.now() - t0} ms: ${diags.map(codeOf).join(', ')}`);
  const codes = new Set(diags.map(codeOf));
  for (const id of ['aws-access-key', 'unpinned-action', 'excessive-permissions']) assert.ok(codes.has(id), `${id} reported`);
  const aws = diags.find((d) => codeOf(d) === 'aws-access-key');
  assert.ok(!aws.message.includes('AKIAZ7VRSQ5TJHNLBX4D'), 'the key is redacted');
  // The rule's page offline: a command URI that renders the bundled page.
  assert.equal(aws.code.target.scheme, 'command');
  assert.equal(aws.code.target.path, 'forewarn.showRuleDocumentation');
  assert.deepEqual(JSON.parse(decodeURIComponent(aws.code.target.query)), ['aws-access-key']);
  // Only critical is red by default; high is a warning; our severity leads the message.
  assert.equal(aws.severity, vscode.DiagnosticSeverity.Error);
  assert.match(aws.message, /^critical: /);

  const pin = diags.find((d) => codeOf(d) === 'unpinned-action');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, pin.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  console.log(`[suite] actions: ${titles.join(' | ')}`);
  assert.equal(pin.severity, vscode.DiagnosticSeverity.Warning);
  const ignore = actions.find((a) => a.title === 'Ignore unpinned-action on this line');
  assert.ok(ignore, 'ignore action offered');
  assert.ok(await vscode.workspace.applyEdit(ignore.edit), 'edit applied');
  assert.match(doc.getText(), /# forewarn-ignore\[unpinned-action\] reason\n\s+- uses: actions\/checkout@v4/);
  // A snippet: in the active editor the reason is selected, ready to be typed over.
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor.document.getText(editor.selection), 'reason', 'the reason is a tab stop');
  const before = diags.filter((d) => codeOf(d) === 'unpinned-action').length;
  await until(() => forewarn(uri).filter((d) => codeOf(d) === 'unpinned-action').length === before - 1, 'the ignored finding to go away');
  await doc.save();

  // Two findings on one span: one diagnostic (related information for the other), one "Ignore" for both rules.
  const preview = vscode.Uri.joinPath(folder, '.github', 'workflows', 'pr-preview.yml');
  const previewDoc = await vscode.workspace.openTextDocument(preview);
  await vscode.window.showTextDocument(previewDoc);
  const grouped = await until(() => forewarn(preview).find((d) => d.range.start.line === 24 && codeOf(d) === 'github-env'), 'the grouped diagnostic');
  assert.equal(grouped.relatedInformation.length, 1);
  assert.match(grouped.relatedInformation[0].message, /^high template-injection: /);
  const menu = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', preview, new vscode.Range(24, 40, 24, 40), vscode.CodeActionKind.QuickFix.value);
  const menuTitles = menu.map((a) => a.title);
  console.log(`[suite] grouped actions: ${menuTitles.join(' | ')}`);
  assert.deepEqual(menuTitles.slice(2), [
    'Ignore github-env, template-injection on this line',
    'Ignore github-env, template-injection in this file',
    'Show documentation for github-env',
    'Show documentation for template-injection',
  ]);
  // The safe fix first, then github-env's unsafe rewrite.
  assert.match(menuTitles[0], /^Pass the untrusted value through env:/);
  assert.match(menuTitles[1], /^Write PREVIEW_TITLE with a random heredoc delimiter/);
  // Fix All returns what it did (the message says the same in words).
  const fixAll = await vscode.commands.executeCommand('forewarn.fixAll');
  console.log(`[suite] fix all: ${JSON.stringify(fixAll)}`);
  assert.equal(fixAll.status, 'ok');
  assert.deepEqual(fixAll.fixed.map((f) => f.ruleId).sort(), ['credential-persistence', 'template-injection']);
  await until(() => previewDoc.getText().includes('persist-credentials: false'), 'the fixes in the document');
  const again = await vscode.commands.executeCommand('forewarn.fixAll');
  assert.equal(again.fixedCount, 0, 'nothing left to fix safely');
  await previewDoc.save();

  // Compose files open in VS Code's `dockercompose` language mode and must be analyzed too.
  const compose = vscode.Uri.joinPath(folder, 'docker-compose.yml');
  const composeDoc = await vscode.workspace.openTextDocument(compose);
  await vscode.window.showTextDocument(composeDoc);
  console.log(`[suite] compose language: ${composeDoc.languageId}`);
  await until(() => forewarn(compose).some((d) => codeOf(d) === 'aws-access-key'), 'diagnostics on the Compose file');

  // The workspace scan published the unopened Dockerfile's problems; the command rescans on demand.
  const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
  await until(() => forewarn(dockerfile).some((d) => codeOf(d) === 'image-latest'), 'scan results for the unopened Dockerfile');
  const summary = await vscode.commands.executeCommand('forewarn.scanWorkspace');
  console.log(`[suite] scan: ${JSON.stringify(summary)}`);
  assert.ok(summary && summary.files > 0 && summary.cancelled === false, 'Scan Workspace returns its summary');
  assert.ok(summary.counts && summary.counts.critical > 0 && summary.filesWithFindings > 0, 'with the counts its message names');

  // Create Configuration File writes a commented .forewarn.yml and opens it.
  await vscode.commands.executeCommand('forewarn.createConfiguration');
  const config = vscode.Uri.joinPath(folder, '.forewarn.yml');
  const configText = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
  assert.match(configText, /^# {3}unpinned-action: +high /m);
  assert.match(configText, /command:forewarn\.showRuleDocumentation/);
  assert.doesNotMatch(configText, /https:\/\/github\.com/);
  const links = await until(async () => {
    const l = await vscode.commands.executeCommand('vscode.executeLinkProvider', config);
    return l && l.length > 1 && l;
  }, 'document links in .forewarn.yml');
  assert.ok(links.some((l) => l.target && l.target.scheme === 'command' && decodeURIComponent(l.target.query) === '["unpinned-action"]'), 'rule ids link to their pages');
  await until(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.forewarn.yml'), 'the new config file in the editor');

  // Show Rule Documentation renders the rule's page in a Markdown preview.
  await vscode.commands.executeCommand('forewarn.showRuleDocumentation', 'image-latest');
  const tab = await until(() => {
    const t = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => /image-latest/.test(x.label));
    return t;
  }, 'the rule page preview');
  console.log(`[suite] docs tab: ${tab.label}`);
  console.log(`[suite] PASS in ${Date.now() - t0} ms`);
};
