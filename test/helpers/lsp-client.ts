// A scripted LSP client for protocol tests: spawns the bundled server over stdio and records what it publishes.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
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
  private waiters: (() => void)[] = [];

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  static async start(opts: { rootUri?: string; env?: Record<string, string>; initializationOptions?: unknown } = {}): Promise<TestClient> {
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
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
      ...(opts.initializationOptions !== undefined && { initializationOptions: opts.initializationOptions }),
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { dataSupport: true } },
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
