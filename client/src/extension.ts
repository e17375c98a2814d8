// VS Code side of Forewarn: starts the language server over IPC and offers its output channel. No analysis here.

import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
const SECRET_TOKEN = 'forewarn.githubToken';

/** Documents the server may analyze; it decides per file from path and content. */
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
];

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('Forewarn', { log: true });
  context.subscriptions.push(output, commands.registerCommand('forewarn.showOutput', () => output.show(true)));
  // A GitHub token for pin lookups, kept in VS Code's secret storage (never in settings); GITHUB_TOKEN/GH_TOKEN win when set.
  context.subscriptions.push(
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
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/.forewarn.{yml,yaml}') },
    // Pin fixes look things up on the network: never in Restricted Mode.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
  };
  client = new LanguageClient('forewarn', 'Forewarn', serverOptions, clientOptions);
  client.onRequest('forewarn/githubToken', async () => (await context.secrets.get(SECRET_TOKEN)) ?? null);
  await client.start();
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('forewarn/workspaceTrusted')));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
