// A scripted LSP client for protocol tests: spawns the bundled server over stdio and records what it publishes.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { StatusParams } from '../../server/src/server.js';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO = resolve(__dirname, '../../..');
export const SERVER = resolve(REPO, 'dist/server.js');

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** window/showMessage(Request) texts, in order. */
  readonly messages: string[] = [];
  /** what the client answers to workspace/configuration for section `forewarn`. */
  settings: Record<string, unknown> = {};
  /** what it answers for section `files.exclude`. */
  filesExclude: Record<string, boolean> = {};
  /** `forewarn/status` notifications, in order. */
  readonly statuses: StatusParams[] = [];
  /** tokens of `window/workDoneProgress/create` requests, in order. */
  readonly progressTokens: (string | number)[] = [];
  /** `$/progress` values, in order. */
  readonly progress: { kind: string; percentage?: number; message?: string; cancellable?: boolean }[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  static async start(
    opts: {
      rootUri?: string;
      folders?: string[];
      env?: Record<string, string>;
      settings?: Record<string, unknown>;
      initializationOptions?: unknown;
      /** declare `workspaceEdit.snippetEditSupport` (as vscode-languageclient 11 does). */
      snippets?: boolean;
      /** declare `publishDiagnostics.relatedInformation` (as VS Code does). */
      relatedInformation?: boolean;
    } = {},
  ): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn);
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.set(p.uri, p);
      client.notify();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
      client.notify();
    });
    const showMessage = (p: { message: string }): null => {
      client.messages.push(p.message);
      client.notify();
      return null;
    };
    conn.onNotification('window/showMessage', (p: { message: string }) => void showMessage(p));
    conn.onRequest('window/showMessageRequest', showMessage);
    if (opts.settings) client.settings = opts.settings;
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'files.exclude' ? client.filesExclude : client.settings)),
    );
    conn.onNotification('forewarn/status', (p: StatusParams) => {
      client.statuses.push(p);
      client.notify();
    });
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      client.progressTokens.push(p.token);
      client.notify();
      return null;
    });
    conn.onNotification('$/progress', (p: { value: TestClient['progress'][number] }) => {
      client.progress.push(p.value);
      client.notify();
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.folders
        ? opts.folders.map((uri, i) => ({ uri, name: `ws${i}` }))
        : opts.rootUri
          ? [{ uri: opts.rootUri, name: 'ws' }]
          : null,
      ...(opts.initializationOptions !== undefined && { initializationOptions: opts.initializationOptions }),
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, ...(opts.snippets && { snippetEditSupport: true }) },
        },
        textDocument: { publishDiagnostics: { versionSupport: true, ...(opts.relatedInformation && { relatedInformation: true }) }, codeAction: { dataSupport: true } },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Resolves when `check` returns a value; waits on server messages, never on a fixed sleep. */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** Diagnostics published for `uri` at `version` (when given) that satisfy `pred`. */
  diagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.published.get(uri);
      if (!p || (version !== undefined && p.version !== version)) return undefined;
      return pred(p.diagnostics) ? p.diagnostics : undefined;
    }, `diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''}`);
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    this.published.delete(uri);
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  changeFull(uri: string, version: number, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** `workspace/didChangeWatchedFiles`: 1 created, 2 changed, 3 deleted. */
  watched(...changes: [uri: string, type: 1 | 2 | 3][]): Promise<void> {
    return this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([uri, type]) => ({ uri, type })) });
  }

  executeCommand<T>(command: string, ...args: unknown[]): Promise<T> {
    return this.conn.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    const exited = once(this.proc, 'exit');
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const [code] = (await exited) as [number | null];
    this.conn.dispose();
    return code;
  }
}
