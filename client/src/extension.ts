// VS Code side of Forewarn: starts the language server over IPC, shows its status, offers its commands.
// No analysis here.

import * as path from 'node:path';
import {
  CodeActionKind,
  MarkdownString,
  StatusBarAlignment,
  ThemeColor,
  Uri,
  commands,
  languages,
  window,
  workspace,
  type ExtensionContext,
  type LogOutputChannel,
  type StatusBarItem,
} from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
const SECRET_TOKEN = 'forewarn.githubToken';

/** What the `text` kind covers by name (kept in step with TEXT_GLOBS in server/src/engine/detect.ts). */
const TEXT_FILES =
  '**/{.env,.env.*,*.env,.envrc,.npmrc,.yarnrc,.yarnrc.yml,.pypirc,.netrc,_netrc,.git-credentials,.pgpass,.s3cfg,pip.conf,pip.ini,settings.xml,settings-security.xml,nuget.config,NuGet.Config,.dockercfg,kubeconfig,*.kubeconfig,credentials,*.tfvars.json,*.tfstate,*.tfstate.backup,*.properties,*.ini,*.cfg,*.conf,*.toml,*.pem,*.key,id_rsa,id_dsa,id_ecdsa,id_ed25519,*.json,.kube/config}';

/** Files on disk and untitled documents only: not git: or diff views, which would duplicate the problems. */
const LANGUAGES = ['yaml', 'dockercompose', 'github-actions-workflow', 'dockerfile', 'terraform'];
const DOCUMENT_SELECTOR = [
  ...LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  { scheme: 'file', pattern: '**/*.{tf,tfvars}' },
  { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile}' },
  { scheme: 'file', pattern: '**/.forewarn.{yml,yaml}' },
  // Files beside the pipelines that hold credentials (the server's `text` kind, TEXT_GLOBS in server/src/engine/detect.ts;
  // the server decides, so a broad pattern here costs only the sync of the document).
  { scheme: 'file', pattern: TEXT_FILES },
];

/** Files whose creation or change on disk the server re-analyses; `.gitignore` and config changes rescan everything. */
const WATCHED = '**/{*.yml,*.yaml,*.tf,*.tfvars,Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.Dockerfile,*.dockerfile,.gitignore}';
/** `text` files created or changed on disk are re-analysed too. */
const WATCHED_TEXT = TEXT_FILES;

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;
type Counts = Record<(typeof SEVERITY_ORDER)[number], number>;

interface StatusParams {
  readonly scanning: boolean;
  readonly percentage: number | undefined;
  readonly counts: Counts;
  readonly files: number;
  readonly lastScan: { files: number; ms: number; workers: number } | undefined;
}

const FIX_ALL_KIND = CodeActionKind.SourceFixAll.append('forewarn');

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('Forewarn', { log: true });
  const status = window.createStatusBarItem('forewarn.status', StatusBarAlignment.Left, 50);
  status.name = 'Forewarn';
  status.command = 'workbench.actions.view.problems';
  showStatus(status, undefined);
  status.show();

  context.subscriptions.push(
    output,
    status,
    commands.registerCommand('forewarn.showOutput', () => output.show(true)),
    commands.registerCommand('forewarn.fixAll', fixAll),
    commands.registerCommand('forewarn.showRuleDocumentation', (ruleId?: unknown) => showRuleDocumentation(context, ruleId)),
    commands.registerCommand('forewarn.createConfiguration', createConfiguration),
    commands.registerCommand('forewarn.pinAll', pinAll),
    // A GitHub token for pin lookups, kept in VS Code's secret storage (never in settings); GITHUB_TOKEN/GH_TOKEN win when set.
    commands.registerCommand('forewarn.setGitHubToken', async () => {
      const token = await window.showInputBox({ prompt: 'GitHub token for pin lookups (empty to remove)', password: true, ignoreFocusOut: true });
      if (token === undefined) return;
      if (token === '') await context.secrets.delete(SECRET_TOKEN);
      else await context.secrets.store(SECRET_TOKEN, token);
    }),
  );

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: {
      fileEvents: [
        workspace.createFileSystemWatcher('**/{.forewarn.yml,.forewarn.yaml,.forewarn-baseline.json}'),
        workspace.createFileSystemWatcher(WATCHED),
        workspace.createFileSystemWatcher(WATCHED_TEXT),
        // Deleting a folder reports the folder only: its scanned files go with it.
        workspace.createFileSystemWatcher('**/*', true, true, false),
      ],
    },
    // Pin fixes look things up on the network: never in Restricted Mode.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
  };
  client = new LanguageClient('forewarn', 'Forewarn', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification('forewarn/status', (p: StatusParams) => showStatus(status, p)));
  client.onRequest('forewarn/githubToken', async () => (await context.secrets.get(SECRET_TOKEN)) ?? null);
  await client.start();
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('forewarn/workspaceTrusted')));
}

function showStatus(item: StatusBarItem, p: StatusParams | undefined): void {
  if (!p) {
    item.text = '$(shield) Forewarn';
    item.tooltip = 'Forewarn is starting';
    return;
  }
  const shown = SEVERITY_ORDER.filter((s) => p.counts[s] > 0);
  const counts = shown.map((s) => `${p.counts[s]} ${s}`).join(' · ');
  if (p.scanning) item.text = `$(sync~spin) Forewarn${p.percentage !== undefined ? ` ${p.percentage}%` : ''}`;
  else item.text = shown.length === 0 ? '$(shield) Forewarn: no problems' : `$(shield) ${counts}`;
  item.backgroundColor = !p.scanning && p.counts.critical > 0 ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  const tip = new MarkdownString(undefined, true);
  tip.appendMarkdown(`**Forewarn**${p.scanning ? ' — scanning the workspace' : ''}\n\n`);
  tip.appendMarkdown(`| severity | findings |\n| --- | ---: |\n${SEVERITY_ORDER.map((s) => `| ${s} | ${p.counts[s]} |`).join('\n')}\n\n`);
  tip.appendMarkdown(`${p.files} file${p.files === 1 ? '' : 's'} with findings.`);
  if (p.lastScan) tip.appendMarkdown(` Last scan: ${p.lastScan.files} files in ${(p.lastScan.ms / 1000).toFixed(1)} s.`);
  tip.appendMarkdown('\n\nClick to show the Problems panel.');
  item.tooltip = tip;
}

/** Every action and image of the active file pinned in one go (the server's `source.pinAll.forewarn` action). */
async function pinAll(): Promise<void> {
  if (!window.activeTextEditor) {
    void window.showInformationMessage('Forewarn: open a file to pin its actions and images.');
    return;
  }
  await commands.executeCommand('editor.action.sourceAction', { kind: 'source.pinAll.forewarn', apply: 'first' });
}

async function fixAll(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage('Forewarn: open a file to fix its problems.');
    return;
  }
  await commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND.value, apply: 'first' });
}

/** The rule's page, rendered by VS Code's Markdown preview from the copy shipped with the extension. */
async function showRuleDocumentation(context: ExtensionContext, arg: unknown): Promise<void> {
  let ruleId = typeof arg === 'string' ? arg : undefined;
  if (!ruleId) ruleId = ruleAtCursor();
  if (!ruleId) {
    const docs = await workspace.fs.readDirectory(Uri.file(context.asAbsolutePath(path.join('docs', 'rules'))));
    ruleId = await window.showQuickPick(
      docs.map(([name]) => name.replace(/\.md$/, '')).sort(),
      { placeHolder: 'Which rule?' },
    );
  }
  if (!ruleId || !/^[a-z0-9-]+$/.test(ruleId)) return;
  const page = Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
  await commands.executeCommand('markdown.showPreview', page);
}

function ruleAtCursor(): string | undefined {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const here = languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'forewarn' && d.range.contains(editor.selection.active));
  const code = here[0]?.code;
  return typeof code === 'string' ? code : typeof code === 'object' && typeof code.value === 'string' ? code.value : undefined;
}

async function createConfiguration(): Promise<void> {
  const folder = workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (!folder || !client) {
    void window.showInformationMessage('Forewarn: open a folder to create its configuration file.');
    return;
  }
  for (const name of ['.forewarn.yml', '.forewarn.yaml']) {
    const existing = Uri.joinPath(folder.uri, name);
    try {
      await workspace.fs.stat(existing);
      await window.showTextDocument(existing);
      return;
    } catch {
      // not there: create it below
    }
  }
  const text = await client.sendRequest<string>('forewarn/configTemplate');
  const target = Uri.joinPath(folder.uri, '.forewarn.yml');
  await workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await window.showTextDocument(target);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
