// Terraform folder contexts for the editor: the folder's files from disk with the open editors' text over them, and
// which open documents a change to one Terraform file affects (its folder's other `.tf` files).

import { dirname } from 'node:path';
import type { ModuleContext } from '../engine/index.js';
import { ModuleContextLoader } from '../workspace/module-context.js';

export interface OpenDocument {
  readonly uri: string;
  /** undefined for documents that are not files (untitled). */
  readonly fsPath: string | undefined;
  getText(): string;
}

const MODULE_FILE = /\.(?:tf|tfvars)$/;

export class EditorModuleContexts {
  /** Also serves the workspace scan in the server's own thread. */
  readonly loader = new ModuleContextLoader({ validate: true });

  constructor(private readonly open: () => Iterable<OpenDocument>) {}

  /**
   * The context for a `.tf` document: its folder's files, open ones as the editor has them. Only inside a workspace
   * folder (`workspaceFolder`): the server reads nothing outside the workspace.
   */
  forDocument(fsPath: string | undefined, workspaceFolder: string | undefined): ModuleContext | undefined {
    if (!fsPath || !workspaceFolder || !ModuleContextLoader.applies(fsPath)) return undefined;
    const dir = dirname(fsPath);
    const overlay = new Map<string, string>();
    for (const doc of this.open()) if (doc.fsPath && doc.fsPath !== fsPath && MODULE_FILE.test(doc.fsPath) && dirname(doc.fsPath) === dir) overlay.set(doc.fsPath, doc.getText());
    return this.loader.forFile(fsPath, overlay, workspaceFolder);
  }

  /** Open `.tf` documents whose results may change when `fsPath` (a `.tf` or `.tfvars` file) changes. */
  affectedBy(fsPath: string | undefined): string[] {
    if (!fsPath || !MODULE_FILE.test(fsPath)) return [];
    const dir = dirname(fsPath);
    const out: string[] = [];
    for (const doc of this.open()) if (doc.fsPath && doc.fsPath !== fsPath && ModuleContextLoader.applies(doc.fsPath) && dirname(doc.fsPath) === dir) out.push(doc.uri);
    return out;
  }
}
