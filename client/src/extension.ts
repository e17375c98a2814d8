// VS Code side of Forewarn: starts the language server over IPC, shows its status, offers its commands.
// No analysis here.

import * as path from 'node:path';
import {
  MarkdownString,
  ProgressLocation,
  StatusBarAlignment,
  Uri,
  commands,
  env,
  languages,
  version,
  window,
  workspace,
  type ExtensionContext,
  type LogOutputChannel,
  type StatusBarItem,
} from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { countsText, plural, statusText, statusTooltip, type Counts, type StatusParams } from './status.js';

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

interface ScanResult {
  readonly files: number;
  readonly ms: number;
  readonly cancelled: boolean;
  readonly counts?: Counts;
  readonly filesWithFindings?: number;
}

/** The server's answer to `forewarn/fixAll` (server/src/server.ts FixAllResult). */
type FixAllResult =
  | {
      readonly status: 'ok';
      readonly edit?: unknown;
      readonly fixed: readonly { ruleId: string; count: number }[];
      readonly fixedCount: number;
      readonly remaining: { unsafe: number; lookup: number; none: number; again: number };
    }
  | { readonly status: 'not-analyzed' | 'disabled' };

interface RuleInfo {
  readonly id: string;
  readonly family: string;
  readonly severity: string;
  readonly description: string;
}

const SCAN_COMMAND = 'forewarn.scanWorkspace';

/** Progress of a scan the user started from the command: a notification that follows the server's status. */
let commandScan: { report: (percentage: number) => void } | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('Forewarn', { log: true });
  output.info(`Forewarn extension ${String((context.extension.packageJSON as { version?: unknown }).version)} in ${env.appName} ${version}.`);
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
    middleware: {
      // "Scan Workspace" (the server's command) from the palette: progress as a notification, then what it found.
      executeCommand: async (command, args, next) => (command === SCAN_COMMAND ? scanWithProgress((a) => next(command, a)) : next(command, args)),
    },
  };
  client = new LanguageClient('forewarn', 'Forewarn', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification('forewarn/status', (p: StatusParams) => {
      showStatus(status, p);
      if (p.scanning && p.percentage !== undefined) commandScan?.report(p.percentage);
    }),
  );
  client.onRequest('forewarn/githubToken', async () => (await context.secrets.get(SECRET_TOKEN)) ?? null);
  await client.start();
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('forewarn/workspaceTrusted')));
}

function showStatus(item: StatusBarItem, p: StatusParams | undefined): void {
  item.text = statusText(p);
  item.tooltip = p ? new MarkdownString(statusTooltip(p), true) : 'Forewarn is starting';
}

/** Runs the server's scan with a cancellable notification, then says what it found. */
async function scanWithProgress(run: (args: unknown[]) => Promise<unknown>): Promise<unknown> {
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Forewarn: scanning the workspace', cancellable: true },
    async (progress, token) => {
      let last = 0;
      commandScan = {
        report: (percentage) => {
          if (percentage > last) progress.report({ increment: percentage - last, message: `${percentage}%` });
          last = percentage;
        },
      };
      const cancel = token.onCancellationRequested(() => void client?.sendNotification('forewarn/cancelScan'));
      try {
        return (await run([{ progress: 'client' }])) as ScanResult | undefined;
      } finally {
        cancel.dispose();
        commandScan = undefined;
      }
    },
  );
  void showScanResult(result);
  return result;
}

async function showScanResult(r: ScanResult | undefined): Promise<void> {
  if (!r) {
    void window.showInformationMessage('Forewarn: open a folder to scan it.');
    return;
  }
  if (r.cancelled) {
    void window.showInformationMessage('Forewarn: the workspace scan was cancelled.');
    return;
  }
  const took = `${plural(r.files, 'file')} in ${(r.ms / 1000).toFixed(1)} s`;
  const found = r.counts ? countsText(r.counts) : '';
  if (!found) {
    void window.showInformationMessage(`Forewarn scanned ${took}: no problems found.`);
    return;
  }
  const pick = await window.showInformationMessage(`Forewarn scanned ${took}: ${found} (${plural(r.filesWithFindings ?? 0, 'file')} with findings).`, 'Show Problems');
  if (pick) await commands.executeCommand('workbench.actions.view.problems');
}

/** Every action and image of the active file pinned in one go (the server's `source.pinAll.forewarn` action). */
async function pinAll(): Promise<void> {
  if (!window.activeTextEditor) {
    void window.showInformationMessage('Forewarn: open a file to pin its actions and images.');
    return;
  }
  await commands.executeCommand('editor.action.sourceAction', { kind: 'source.pinAll.forewarn', apply: 'first' });
}

/** Every safe fix of the active file, and a message in our words about what was (or could not be) fixed. */
async function fixAll(): Promise<FixAllResult | undefined> {
  const editor = window.activeTextEditor;
  if (!editor || !client) {
    void window.showInformationMessage('Forewarn: open a file to fix its problems.');
    return undefined;
  }
  const doc = editor.document;
  const name = path.basename(doc.uri.path);
  const result = await client.sendRequest<FixAllResult>('forewarn/fixAll', { uri: client.code2ProtocolConverter.asUri(doc.uri) });
  if (result.status === 'disabled') {
    void window.showInformationMessage(`Forewarn is turned off for ${name} (forewarn.enable).`);
    return result;
  }
  if (result.status !== 'ok') {
    void window.showInformationMessage(`Forewarn does not analyze ${name}: it is not a kind of file Forewarn reads, so there is nothing to fix.`);
    return result;
  }
  const { unsafe, lookup, none, again } = result.remaining;
  const left = unsafe + lookup + none;
  const why = [unsafe && `${unsafe} with an unsafe fix to review`, lookup && `${lookup} to pin`, none && `${none} without an automatic fix`].filter(Boolean).join(', ');
  if (result.fixedCount === 0 || !result.edit) {
    if (left === 0) void window.showInformationMessage(`Forewarn found no problems in ${name}.`);
    else void window.showInformationMessage(`Forewarn: nothing to fix safely in ${name}. ${plural(left, 'problem')} need${left === 1 ? 's' : ''} your decision (${why}): use Ctrl+. on each.`);
    return result;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
  if (!edit || !(await workspace.applyEdit(edit))) {
    void window.showWarningMessage(`Forewarn could not fix ${name}: it changed while the fixes were computed. Try again.`);
    return result;
  }
  // The rules first (the one line a toast shows), then what is left.
  const rules = result.fixed.map((r) => (r.count > 1 ? `${r.count} ${r.ruleId}` : r.ruleId)).join(', ');
  const rest = left > 0 ? ` ${left} more need${left === 1 ? 's' : ''} your decision (${why}).` : '';
  const overlapping = again > 0 ? ` ${again} safe fix${again === 1 ? '' : 'es'} overlapped these: run Fix All again for ${again === 1 ? 'it' : 'them'}.` : '';
  void window.showInformationMessage(`Forewarn fixed ${plural(result.fixedCount, 'problem')} in ${name}: ${rules}.${rest}${overlapping}`);
  return result;
}

/** The rule's page, rendered by VS Code's Markdown preview from the copy shipped with the extension. */
async function showRuleDocumentation(context: ExtensionContext, arg: unknown): Promise<void> {
  let ruleId = typeof arg === 'string' ? arg : undefined;
  if (!ruleId) ruleId = ruleAtCursor();
  if (!ruleId) ruleId = await pickRule();
  if (!ruleId || !/^[a-z0-9-]+$/.test(ruleId)) return;
  const page = Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
  await commands.executeCommand('markdown.showPreview', page);
}

/** A picker over the rules with their family, severity and description. */
async function pickRule(): Promise<string | undefined> {
  const rules = client ? await client.sendRequest<RuleInfo[]>('forewarn/rules').catch(() => [] as RuleInfo[]) : [];
  const picked = await window.showQuickPick(
    rules.map((r) => ({ label: r.id, description: `${r.family} · ${r.severity}`, detail: r.description })),
    { placeHolder: 'Which rule? (type to filter by id, family or description)', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
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
