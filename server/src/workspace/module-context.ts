// The other `.tf` / `.tfvars` files of a Terraform file's folder, read from disk (and from open editors), so the
// engine can resolve `var.x` and `local.y`: bounded in size, cached per folder, and re-read when the folder changes.

import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ModuleContext, ModuleFile } from '../engine/index.js';
import { decodeText } from './decode.js';
import { nodeCrypto } from './node-crypto.js';
import { isInside, safeRead } from './safe-read.js';

export interface ModuleContextLimits {
  /** files of a folder read at most (in name order); a bigger folder's rest is not read. */
  readonly maxFiles: number;
  /** a file larger than this many bytes is not read. */
  readonly maxFileBytes: number;
  /** bytes read per folder at most. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_MODULE_LIMITS: ModuleContextLimits = { maxFiles: 200, maxFileBytes: 512 * 1024, maxTotalBytes: 4 * 1024 * 1024 };

const MODULE_FILE = /\.(?:tf|tfvars)$/;

interface Folder {
  /** `name:size:mtime` of every module file, to tell whether the folder changed (when validating). */
  readonly stamp: string;
  readonly context: ModuleContext;
  /** the last context built with editor text over the disk text, and the texts it was built from. */
  overlaid?: { readonly texts: readonly string[]; readonly context: ModuleContext };
}

/**
 * Reads module contexts. `validate: false` (a one-off batch scan) trusts the cache; `true` (the editor, the
 * workspace scan) checks the folder's listing and file times on every call and re-reads a folder that changed.
 */
export class ModuleContextLoader {
  private readonly folders = new Map<string, Folder>();
  private readonly signatures = new WeakMap<ModuleContext, string>();

  constructor(
    private readonly opts: { readonly validate: boolean; readonly limits?: ModuleContextLimits; readonly maxFolders?: number } = { validate: true },
  ) {}

  /** Whether a path is one whose analysis uses a module context (a `.tf` file). */
  static applies(path: string): boolean {
    return path.endsWith('.tf');
  }

  /**
   * The context of the folder of `absPath` (a `.tf` file), or undefined for other files and unreadable folders.
   * `overlay` gives the editor's text of an open file of the folder (by absolute path), which wins over the disk.
   * `within`: the folder must really be inside this one (the workspace folder); nothing is read otherwise.
   */
  forFile(absPath: string, overlay?: ReadonlyMap<string, string>, within?: string): ModuleContext | undefined {
    if (!ModuleContextLoader.applies(absPath)) return undefined;
    const dir = dirname(absPath);
    if (within !== undefined && !isInside(absPath, within)) return undefined;
    const folder = this.folder(dir);
    if (!folder) return undefined;
    if (!overlay || overlay.size === 0) return folder.context;
    const byName = new Map(folder.context.files.map((f) => [f.name, f.text]));
    for (const [path, text] of overlay) if (dirname(path) === dir && MODULE_FILE.test(path)) byName.set(basename(path), text);
    const names = [...byName.keys()].sort();
    const texts = names.map((n) => byName.get(n)!);
    const last = folder.overlaid;
    if (last && last.texts.length === texts.length && last.texts.every((t, i) => t === texts[i])) return last.context;
    const context: ModuleContext = { files: names.map((name, i) => ({ name, text: texts[i]! })) };
    folder.overlaid = { texts, context };
    return context;
  }

  /** A hash of the folder's files, to mix into a file's content hash (a changed variables.tf changes main.tf's result). */
  signature(context: ModuleContext): string {
    let sig = this.signatures.get(context);
    if (sig === undefined) {
      const h = nodeCrypto().createHash('sha1');
      for (const file of context.files) h.update(file.name).update('\0').update(file.text).update('\0');
      this.signatures.set(context, (sig = h.digest('base64')));
    }
    return sig;
  }

  /** The `.tf` files of a folder as last read (for re-analysing the siblings of a changed file). */
  filesOf(dir: string): string[] {
    return (this.folders.get(dir)?.context.files ?? []).filter((f) => f.name.endsWith('.tf')).map((f) => join(dir, f.name));
  }

  /** Forgets a folder (a file in it changed on disk). */
  invalidate(dir: string): void {
    this.folders.delete(dir);
  }

  clear(): void {
    this.folders.clear();
  }

  private folder(dir: string): Folder | undefined {
    const cached = this.folders.get(dir);
    if (cached && !this.opts.validate) return cached;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => MODULE_FILE.test(n)).sort();
    } catch {
      return undefined;
    }
    const limits = this.opts.limits ?? DEFAULT_MODULE_LIMITS;
    names = names.slice(0, limits.maxFiles);
    let stamp = '';
    if (this.opts.validate) {
      const parts: string[] = [];
      for (const n of names) {
        try {
          const st = statSync(join(dir, n));
          if (st.isFile()) parts.push(`${n}:${st.size}:${st.mtimeMs}`);
        } catch {
          // gone since the listing
        }
      }
      stamp = parts.join('|');
      if (cached && cached.stamp === stamp) return cached;
    }
    const files: ModuleFile[] = [];
    let total = 0;
    for (const name of names) {
      const text = readBounded(join(dir, name), limits.maxFileBytes);
      if (text === undefined) continue;
      total += text.length;
      if (total > limits.maxTotalBytes) break;
      files.push({ name, text });
    }
    const folder: Folder = { stamp, context: { files } };
    this.folders.delete(dir);
    this.folders.set(dir, folder);
    // Most recently used last: the oldest folders go first.
    const max = this.opts.maxFolders ?? 64;
    while (this.folders.size > max) this.folders.delete(this.folders.keys().next().value!);
    return folder;
  }
}

/** Regular files only, no symbolic link, size checked first (workspace/safe-read.ts); undefined when not read. */
function readBounded(path: string, maxBytes: number): string | undefined {
  const r = safeRead(path, { maxSize: maxBytes });
  return r.ok ? decodeText(r.bytes) : undefined;
}
