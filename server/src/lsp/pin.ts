// Pin fixes in the editor: code actions that carry what to resolve, and the command that resolves on demand and applies the edit.

import { redactText } from '../engine/redaction.js';
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/text.js';
import type { ResolveRequest } from '../core/types.js';
import { Resolver, optionsFromEnv } from '../resolver/index.js';
import { resolveEdits } from '../resolver/pin.js';
import { toLspRange } from './convert.js';

export const PIN_COMMAND = 'forewarn.pin';
/** Server → client request for a GitHub token kept in the editor's secret storage (answer: string or null). */
export const GITHUB_TOKEN_REQUEST = 'forewarn/githubToken';
export const PIN_ALL_KIND = `${CodeActionKind.Source}.pinAll.forewarn`;

export interface PinArgs {
  readonly uri: string;
  /** the document version the ranges belong to: nothing is applied to another one. */
  readonly version: number;
  readonly requests: readonly ResolveRequest[];
}

export function pinAction(title: string, args: PinArgs, diagnostics?: Diagnostic[], kind: string = CodeActionKind.QuickFix): CodeAction {
  return {
    title,
    kind,
    ...(diagnostics && { diagnostics }),
    // The lookup runs only if the user picks the action: the command carries the request, not an edit.
    command: { title, command: PIN_COMMAND, arguments: [args] },
  };
}

const TYPES = new Set(['action-commit', 'image-digest', 'commit-version']);

/** The arguments come back from the client: check their shape before trusting any offset in them. */
function isPinArgs(a: unknown): a is PinArgs {
  const o = a as Partial<PinArgs> | undefined;
  if (!o || typeof o.uri !== 'string' || typeof o.version !== 'number' || !Array.isArray(o.requests)) return false;
  return o.requests.every((r: Partial<ResolveRequest> | undefined) => {
    const range = r?.range as Partial<ResolveRequest['range']> | undefined;
    return (
      !!r && TYPES.has(String(r.type)) && typeof r.target === 'string' && typeof r.ref === 'string' &&
      Number.isInteger(range?.start) && Number.isInteger(range?.end) && range!.start! >= 0 && range!.start! <= range!.end!
    );
  });
}

/**
 * What could not be pinned, in words that say which reference (as the file writes it, with its line) and, for
 * "Pin all", that it was one of every action and image in the file (it may have no finding of its own).
 */
export function pinFailureMessage(requested: number, pinned: number, errors: readonly string[]): string {
  const first = errors[0] ?? '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  if (requested === 1) return `Forewarn could not pin the ${first}`;
  return `Forewarn pinned ${pinned} of the ${requested} actions and images in this file. Not pinned: the ${first}${more}`;
}

/** Whether the client told us the workspace is trusted (initializationOptions, then `forewarn/workspaceTrusted`). */
export class Trust {
  trusted = true;
  init(initializationOptions: unknown): void {
    const o = initializationOptions as { workspaceTrusted?: unknown } | undefined;
    this.trusted = o?.workspaceTrusted !== false;
  }
}

/** Runs the pin command: resolve (network, now and only now), check the version, apply. */
export class PinCommand {
  private resolver: Resolver | undefined;
  private resolverToken: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly allowed: (uri: string) => Promise<string | undefined>,
  ) {}

  /** The token the user stored with "Forewarn: Set GitHub Token", if the client keeps one. */
  private async secretToken(): Promise<string | undefined> {
    try {
      const t: unknown = await this.connection.sendRequest(GITHUB_TOKEN_REQUEST);
      return typeof t === 'string' && t !== '' ? t : undefined;
    } catch {
      return undefined; // a client without secret storage
    }
  }

  async execute(raw: unknown): Promise<void> {
    if (!isPinArgs(raw)) return;
    const { uri, version, requests } = raw;
    const refused = await this.allowed(uri);
    if (refused) {
      void this.connection.window.showWarningMessage(redactText(refused));
      return;
    }
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version) {
      void this.connection.window.showWarningMessage(redactText('Forewarn: the file changed since the action was offered; nothing was pinned. Try again.'));
      return;
    }
    // GITHUB_TOKEN/GH_TOKEN and base URLs come from the editor's environment, else the token from its secret storage; never from settings.
    const options = optionsFromEnv(process.env);
    const token = options.githubToken ?? (await this.secretToken());
    if (!this.resolver || this.resolverToken !== token) {
      this.resolver = new Resolver({ ...options, githubToken: token });
      this.resolverToken = token;
    }
    const text = doc.getText();
    if (requests.some((r) => r.range.end > text.length)) return;
    // The lookups take network round trips: show that something is happening.
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Forewarn: looking up pins', undefined, `${requests.length} reference${requests.length === 1 ? '' : 's'}`);
    const outcome = await resolveEdits(text, requests, this.resolver).finally(() => progress?.done());
    const now = this.documents.get(uri);
    if (!now || now.version !== version) {
      void this.connection.window.showWarningMessage(redactText('Forewarn: the file changed while looking up pins; nothing was pinned. Try again.'));
      return;
    }
    if (outcome.edits.length > 0) {
      const lines = new LineIndex(text);
      const edits = outcome.edits.map((e) => ({ range: toLspRange(lines, e.range), newText: e.newText }));
      const res = await this.connection.workspace.applyEdit({ label: 'Forewarn: pin', edit: { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } });
      if (!res.applied) void this.connection.window.showWarningMessage(redactText(`Forewarn: the editor did not apply the pin${res.failureReason ? ` (${res.failureReason})` : ''}.`));
    }
    if (outcome.errors.length > 0) void this.connection.window.showErrorMessage(redactText(pinFailureMessage(requests.length, outcome.pinned, outcome.errors)));
  }
}
