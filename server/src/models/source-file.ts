// One document as the rules see it: its text and kind, parsed lazily, once, with facets over the parse.

import { isScalar } from 'yaml';
import { LineIndex } from '../core/text.js';
import { FILE_KINDS, type FileKind, type ParseError, type Range } from '../core/types.js';
import { parseDockerfile, type Dockerfile } from '../parsers/dockerfile.js';
import { parseYaml, type YamlFile } from '../parsers/yaml.js';
import { reparseYaml } from '../parsers/yaml-incremental.js';
import { buildAssignments, type Assignment } from './assignments.js';
import { fromViews } from './dockerfile.js';
import { actionUses, workflowUses } from './github.js';
import { ciIncludes, type IncludeView } from './ci-includes.js';
import { parseImageRef, type ImageRef } from './image-ref.js';
import { helmValuesImages, yamlImages, type YamlImageSource } from './yaml-images.js';
import { dockerfileScripts, yamlScripts, type Script } from './scripts.js';
import { parseTerraform, type TerraformFile } from './terraform.js';
import type { ModuleContext } from './terraform-values.js';
import type { TokenScanCarry } from './secrets/index.js';
import { valueRange } from './yaml-nodes.js';
import { textFormatOf, type TextFormat } from './text-file.js';
import { isChartTemplatePath, isHelmValuesPath } from './kubernetes.js';
import { append } from '../core/arrays.js';

export type { Script, ScriptSource } from './scripts.js';

/** Every kind but Dockerfile, Terraform and `text` is YAML (a `text` file is YAML when its format says so). */
export const YAML_KINDS: ReadonlySet<FileKind> = new Set(FILE_KINDS.filter((k) => k !== 'dockerfile' && k !== 'terraform' && k !== 'text'));

/** A container image reference anywhere in a file. */
export interface ImageUse {
  readonly source: 'dockerfile-from' | YamlImageSource;
  readonly raw: string;
  readonly range: Range;
  /** `range` covers `raw` character for character (offsets inside `raw` map onto the text, e.g. for a fix). */
  readonly exact: boolean;
  /** the reference after substituting literal build-arg defaults; undefined when not known statically. */
  readonly resolved: string | undefined;
  /** parsed reference, or undefined when it depends on a value not known statically. */
  readonly ref: ImageRef | undefined;
  /** names a build stage, not an image. */
  readonly isStage: boolean;
}

/** `invalid`: not of the form `owner/repo[/path][@ref]` (GitHub rejects it; nothing is fetched). */
export type RefKind = 'sha' | 'short-sha' | 'digest' | 'version' | 'branch' | 'other' | 'none' | 'local' | 'invalid';

/** A reference to code fetched from elsewhere: an action, a reusable workflow, a docker:// action. */
export interface RemoteRef {
  readonly source: 'action' | 'reusable-workflow' | 'docker-action';
  readonly raw: string;
  readonly range: Range;
  /** `owner/repo[/path]` for actions, the image for docker:// references. */
  readonly target: string;
  readonly ref: string | undefined;
  /** where `ref` sits, for fixes that replace it. */
  readonly refRange: Range | undefined;
  readonly refKind: RefKind;
}

export interface Facets {
  readonly images: readonly ImageUse[];
  readonly remoteRefs: readonly RemoteRef[];
  /** GitLab includes and components, CircleCI orbs, Azure repository resources. */
  readonly includes: readonly IncludeView[];
  /** shell text of `run:`, `script:`, Azure `bash:`, Dockerfile `RUN`, mapped back to the file. */
  readonly scripts: readonly Script[];
  /** key/value pairs (see models/assignments.ts). */
  readonly assignments: readonly Assignment[];
}

const SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{7,39}$/;
/** `1`, `v1.2.3`, `1.2.3-rc.1`, `1.2+build`: the same set as `^v?\d+(\.\d+)*([-+.][0-9A-Za-z.-]+)?$`, without its ambiguity. */
const VERSION = /^v?\d+(?:[.-][0-9A-Za-z.-]+|(?:\.\d+)*\+[0-9A-Za-z.-]+)?$/;
const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]*)?$/;
const BRANCHES = new Set(['main', 'master', 'develop', 'dev', 'trunk', 'next', 'stable', 'latest', 'release', 'HEAD']);

export function classifyRef(ref: string | undefined): RefKind {
  if (ref === undefined || ref === '') return 'none';
  if (SHA.test(ref)) return 'sha';
  // All digits (`20240115`) reads as a date or build number, not an abbreviated commit.
  if (SHORT_SHA.test(ref) && !/^\d+$/.test(ref)) return 'short-sha';
  if (VERSION.test(ref)) return 'version';
  if (BRANCHES.has(ref) || ref.includes('/')) return 'branch';
  return 'other';
}

export class SourceFile {
  private _lines: LineIndex | undefined;
  private _yaml: YamlFile | undefined;
  private _dockerfile: Dockerfile | undefined;
  private _terraform: TerraformFile | undefined;
  private _facets: Facets | undefined;
  private _textFormat: TextFormat | undefined;
  /** an earlier version of this document whose parse the YAML parse may start from (see yaml-incremental.ts). */
  private previous: SourceFile | undefined;
  /** the secret scan's keyword hits, from the earlier version of this document to this one (models/secrets/index.ts). */
  readonly tokenScan: TokenScanCarry;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly kind: FileKind,
    /** Terraform: the other files of the file's folder, for `var.x` / `local.y` values (see models/terraform-values.ts). */
    readonly module?: ModuleContext,
    /**
     * The same document before an edit. Its YAML parse is re-used where the edit allows (only the piece holding the
     * edit is parsed again); it is then handed over: `previous` parses its own text again if it is ever asked.
     */
    previous?: SourceFile,
  ) {
    if (previous && previous.kind === kind && previous.path === path && YAML_KINDS.has(kind)) this.previous = previous;
    this.tokenScan = { before: previous && previous.path === path ? previous.tokenScan.after : undefined };
  }

  get lines(): LineIndex {
    return (this._lines ??= new LineIndex(this.text));
  }

  /** How a `text` file is read (see models/text-file.ts); undefined for the other kinds. */
  get textFormat(): TextFormat | undefined {
    if (this.kind !== 'text') return undefined;
    return (this._textFormat ??= textFormatOf(this.path));
  }

  /** `#` starts a comment here, so a `# forewarn-ignore[…]` line can be inserted (not in JSON, XML or key files). */
  get hashComments(): boolean {
    const f = this.textFormat;
    if (f === undefined) return true;
    return (f === 'entries' || f === 'netrc' || f === 'pgpass' || f === 'yaml') && !/\.json$|(?:^|[\\/])\.dockercfg$/i.test(this.path);
  }

  /** The YAML stream, for YAML kinds and `text` files in YAML or JSON; undefined otherwise. */
  get yaml(): YamlFile | undefined {
    if (!YAML_KINDS.has(this.kind) && this.textFormat !== 'yaml') return undefined;
    if (this._yaml) return this._yaml;
    const k8s = this.kind === 'kubernetes';
    const before = this.previous;
    this.previous = undefined;
    // Template actions typed into a manifest change how it is parsed (masked): a full parse then.
    const reusable = before?._yaml !== undefined && !(k8s && this.text.includes('{{'));
    const reused = reusable ? reparseYaml(before._yaml!, before.text, this.text) : undefined;
    if (reused && before) before.handOver();
    return (this._yaml = reused ?? parseYaml(this.text, { templates: k8s, chart: k8s && isChartTemplatePath(this.path) }));
  }

  /** Its parse tree now belongs to a newer version: drop it (and what was built on it) so a later use parses again. */
  private handOver(): void {
    this._yaml = undefined;
    this._facets = undefined;
  }

  get dockerfile(): Dockerfile | undefined {
    if (this.kind !== 'dockerfile') return undefined;
    return (this._dockerfile ??= parseDockerfile(this.text, this.lines));
  }

  /** The Terraform model (`.tf`, `.tfvars`); undefined for other kinds. */
  get terraform(): TerraformFile | undefined {
    if (this.kind !== 'terraform') return undefined;
    return (this._terraform ??= parseTerraform(this.text, baseName(this.path), this.module));
  }

  /** Syntax errors; none for `text` files, which are read for credentials only (a templated or odd config file is not an error). */
  get parseErrors(): readonly ParseError[] {
    if (this.kind === 'text') return [];
    return this.yaml?.errors ?? this.terraform?.errors ?? [];
  }

  get facets(): Facets {
    if (this._facets) return this._facets;
    // Each facet is built on first use: most rules read one or two of them.
    const build = {
      images: (): ImageUse[] => this.buildImages(),
      remoteRefs: (): RemoteRef[] => this.buildRemoteRefs(),
      scripts: (): Script[] => this.buildScripts(),
      includes: (): IncludeView[] => (this.yaml ? ciIncludes(this.kind, this.yaml.docs, this.text) : []),
      assignments: (): Assignment[] => buildAssignments(this.kind, this.text, this.lines, this.yaml?.docs, this.dockerfile, this.textFormat, this.path),
    };
    let images: ImageUse[] | undefined;
    let remoteRefs: RemoteRef[] | undefined;
    let scripts: Script[] | undefined;
    let includes: IncludeView[] | undefined;
    let assignments: Assignment[] | undefined;
    const facets: Facets = {
      get images() {
        return (images ??= build.images());
      },
      get remoteRefs() {
        return (remoteRefs ??= build.remoteRefs());
      },
      get scripts() {
        return (scripts ??= build.scripts());
      },
      get includes() {
        return (includes ??= build.includes());
      },
      get assignments() {
        return (assignments ??= build.assignments());
      },
    };
    return (this._facets = facets);
  }

  private buildScripts(): Script[] {
    const df = this.dockerfile;
    if (df) return dockerfileScripts(df, this.lines, this.text);
    const yaml = this.yaml;
    if (!yaml) return [];
    return yaml.docs.flatMap((doc) => yamlScripts(this.kind, doc.contents, this.text));
  }

  private buildImages(): ImageUse[] {
    const yaml = this.yaml;
    if (yaml) {
      const found = yamlImages(this.kind, yaml.docs, this.text);
      if (this.kind === 'kubernetes' && isHelmValuesPath(this.path)) append(found, helmValuesImages(yaml.docs, this.text));
      // One parse per distinct reference: a manifest of 20k Pods names `nginx:1` 20k times (refs are read-only).
      const refs = new Map<string, ImageRef | undefined>();
      const refOf = (raw: string): ImageRef | undefined => {
        if (!refs.has(raw)) refs.set(raw, parseImageRef(raw));
        return refs.get(raw);
      };
      return found.map((y) => ({
        ...y,
        ref: y.resolved === undefined ? undefined : refOf(y.resolved),
        isStage: false,
      }));
    }
    const df = this.dockerfile;
    if (!df) return [];
    return fromViews(df, this.lines).map((f) => ({
      source: 'dockerfile-from' as const,
      raw: f.raw,
      range: f.range,
      exact: this.text.slice(f.range.start, f.range.end) === f.raw,
      resolved: f.resolved,
      ref: f.resolved === undefined ? undefined : parseImageRef(f.resolved),
      isStage: f.isStage,
    }));
  }

  private buildRemoteRefs(): RemoteRef[] {
    const yaml = this.yaml;
    if (!yaml || (this.kind !== 'github-workflow' && this.kind !== 'github-action')) return [];
    const out: RemoteRef[] = [];
    for (const doc of yaml.docs) {
      const uses = this.kind === 'github-workflow' ? workflowUses(doc) : actionUses(doc);
      for (const u of uses) {
        if (!isScalar(u.node)) continue;
        out.push(remoteRefOf(u.value, valueRange(u.node, this.text), u.level));
      }
    }
    return out;
  }
}

/** The last segment of a path or URI (`file:///x/main.tf` → `main.tf`), URI-decoded. */
function baseName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (!path.includes('://') || !name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function remoteRefOf(raw: string, range: Range, level: 'step' | 'job'): RemoteRef {
  const source = level === 'job' ? 'reusable-workflow' : raw.startsWith('docker://') ? 'docker-action' : 'action';
  // Offsets inside `raw` map onto the text only when the scalar is written as-is.
  const exact = range.end - range.start === raw.length;
  const sub = (from: number, to: number): Range | undefined =>
    exact ? { start: range.start + from, end: range.start + to } : undefined;
  if (raw.startsWith('./') || raw.startsWith('../')) {
    return { source, raw, range, target: raw, ref: undefined, refRange: undefined, refKind: 'local' };
  }
  if (source === 'docker-action') {
    const image = raw.slice('docker://'.length);
    const at = image.indexOf('@');
    const digest = at === -1 ? undefined : image.slice(at + 1);
    const isDigest = digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(digest);
    return {
      source,
      raw,
      range,
      target: at === -1 ? image : image.slice(0, at),
      ref: digest,
      refRange: digest === undefined ? undefined : sub(raw.length - digest.length, raw.length),
      refKind: isDigest ? 'digest' : 'none',
    };
  }
  const at = raw.lastIndexOf('@');
  const target = at === -1 ? raw : raw.slice(0, at);
  const ref = at === -1 ? undefined : raw.slice(at + 1);
  if (!OWNER_REPO.test(target)) return { source, raw, range, target, ref, refRange: undefined, refKind: 'invalid' };
  return {
    source,
    raw,
    range,
    target,
    ref,
    refRange: ref === undefined ? undefined : sub(at + 1, raw.length),
    refKind: classifyRef(ref),
  };
}
