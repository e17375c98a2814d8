// Language server entry point: LSP wiring only. Analysis lives in the engine; this file decides when to run it
// and how to show what it found.

import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Range,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { SEVERITIES } from './core/types.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from './core/types.js';
import {
  Analyzer,
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG,
  RULES,
  compileIgnore,
  configTemplate,
  parseConfig,
  withRuleOverrides,
  type ForewarnConfig,
  type Rule,
} from './engine/index.js';
import { SHOW_DOCS_COMMAND, SOURCE, isDiagnosticData, toLspRange } from './lsp/convert.js';
import { FIX_ALL_KIND, fixAll, fixAllTitle, quickFixes, type FixAllSummary } from './lsp/code-actions.js';
import { configDocumentLinks } from './lsp/config-links.js';
import { findingDiagnostics, type DisplayOptions } from './lsp/diagnostics.js';
import { AnalysisHost, EMPTY_RESULT, Superseded, type DocumentResult } from './lsp/document-analysis.js';
import { settingsLine, startupLine, tokenLine } from './lsp/log-header.js';
import { BASELINE_FILE_NAME, BaselineMatcher } from './engine/baseline.js';
import { BaselineStore, baselinePath, fingerprintAt } from './workspace/baseline-file.js';
import { addCounts, zeroCounts, type SeverityCounts } from './lsp/disk-analysis.js';
import { loadExtraRules } from './lsp/extra-rules.js';
import { EditorModuleContexts } from './lsp/module-contexts.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './lsp/settings.js';
import { WorkspaceScanner, type FileConfig, type FolderScan, type ScanSummary } from './lsp/workspace-scan.js';
import { PIN_ALL_KIND, PIN_COMMAND, PinCommand, Trust, pinAction } from './lsp/pin.js';
import { findConfigFile, learnConfigFile, loadConfigFile, type ConfigFile } from './workspace/config-files.js';
import { isGitIgnored } from './workspace/walk.js';
import { LineIndex } from './core/text.js';
import { redactingLog } from './lsp/log.js';

export { FIX_ALL_KIND, SHOW_DOCS_COMMAND };
export const SCAN_COMMAND = 'forewarn.scanWorkspace';
/** Client → server: the text of a new, commented `.forewarn.yml`. */
export const CONFIG_TEMPLATE_REQUEST = 'forewarn/configTemplate';
/** Client → server: every safe fix of a document, with what it fixes (`FixAllResult`), for "Fix All". */
export const FIX_ALL_REQUEST = 'forewarn/fixAll';
/** Client → server: the rules, for the rule picker of "Show Rule Documentation". */
export const RULES_REQUEST = 'forewarn/rules';
/** Client → server: stop the running workspace scan. */
export const CANCEL_SCAN_NOTIFICATION = 'forewarn/cancelScan';

/** The answer to FIX_ALL_REQUEST; `status` says why nothing was fixed. */
export type FixAllResult = (FixAllSummary & { readonly status: 'ok' }) | { readonly status: 'not-analyzed' | 'disabled' };
/** Server → client: what the status bar shows. */
export const STATUS_NOTIFICATION = 'forewarn/status';

export interface StatusParams {
  readonly scanning: boolean;
  /** 0–100 while scanning. */
  readonly percentage: number | undefined;
  /** findings per severity over open documents and scanned files. */
  readonly counts: SeverityCounts;
  /** files with at least one finding. */
  readonly files: number;
  /** the last finished scan. */
  readonly lastScan: ScanSummary | undefined;
}
/** Delay after the last keystroke before re-analysing; a new change restarts it. */
const DEBOUNCE_MS = 150;

/** Editors' language ids that say the kind when the path cannot (untitled documents). */
const LANGUAGE_KINDS: Readonly<Record<string, FileKind>> = {
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
  terraform: 'terraform',
  'github-actions-workflow': 'github-workflow',
};

interface Published {
  readonly version: number;
  /** sequence number of this analysis, carried by its diagnostics. */
  readonly analysis: number;
  /** what it was computed with, so fix-all can tell whether it is still current. */
  readonly settings: Settings;
  readonly configGeneration: number;
  /** the text that was analysed, and its line table. */
  readonly text: string;
  readonly lines: LineIndex;
  readonly result: DocumentResult;
}

export function startServer(connection: Connection, extraRules: readonly Rule[] = []): void {
  // Every log line passes the redactor (a crash message or a file path can quote a secret); a stray console.log must
  // never corrupt the protocol stream.
  const log = redactingLog(connection);
  console.log = (...a: unknown[]) => log.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => log.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => log.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => log.error(a.map(String).join(' '));

  const documents = new TextDocuments(TextDocument);
  // Kinds by path and the rule list only: every analysis runs in the document worker (lsp/document-analysis.ts).
  const analyzer = new Analyzer([...RULES, ...extraRules]);
  const analysis = new AnalysisHost(
    () => new Analyzer([...RULES, ...extraRules]),
    __dirname,
    (m) => log.error(`[internal error] ${m}`),
    (line) => log.log(line),
  );
  /** Terraform files see their folder's variables and locals, open siblings as edited (sent with the document). */
  const modules = new EditorModuleContexts(() => documents.all().map((d) => ({ uri: d.uri, fsPath: fsPathOf(d.uri), getText: () => d.getText() })));
  const published = new Map<string, Published>();
  /** analyses on their way, per document: what they were started for. */
  const publishing = new Map<string, { version: number; settings: Settings; generation: number; promise: Promise<Published | undefined> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let analysisCount = 0;
  /** bumped whenever configuration files may have changed. */
  let configGeneration = 0;
  const configCache = new Map<string, ConfigFile>();
  const gitIgnoredText = new Map<string, boolean>();
  const configOfDir = new Map<string, string | undefined>();
  /** config files whose problems are on display, so they can be cleared. */
  const configsWithErrors = new Set<string>();
  const reportedRuleErrors = new Set<string>();
  const compiledIgnores = new WeakMap<readonly string[], (path: string) => boolean>();
  let folders: WorkspaceFolder[] = [];
  let hasConfigurationCapability = false;
  let hasWorkspaceFoldersCapability = false;
  /** the client applies snippet edits in workspace edits (suppression comments with a reason tab stop). */
  let snippetEdits = false;
  /** the client shows a diagnostic's related information (other findings on the same span). */
  let relatedInformation = false;
  let globalSettings = DEFAULT_SETTINGS;
  /** the settings last logged (window and per folder), to tell a real change from a repeated notification. */
  let settingsSeen: string | undefined;
  /** finding counts per document (open or scanned), and their sum, for the status bar. */
  const countsByUri = new Map<string, SeverityCounts>();
  const totals = zeroCounts();
  let statusTimer: NodeJS.Timeout | undefined;
  let scanning: { cancel: () => void; percentage: number } | undefined;
  let lastScan: ScanSummary | undefined;
  /** a scan has run or is running: files on disk are the workspace's business, so closing one hands it back. */
  let workspaceScanned = false;
  const scanConfigs = new Map<string, ForewarnConfig>();
  let scanSettings = new Map<string, Settings>();
  const scanner = new WorkspaceScanner({
    analyzer,
    isOpen: (uri) => documents.get(uri) !== undefined,
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    setCounts,
    folderOf,
    analyzeDisk: (job, config) => analysis.analyzeDisk(job, config),
    configFor: scanConfigFor,
    listed: (dir, entries) => {
      const folder = folderOf(join(dir, '_'));
      if (folder !== undefined) learnConfigFile(dir, entries, folder, configOfDir);
    },
    baselineFor: (fsPath) => {
      const root = folderOf(fsPath);
      const display = (root && scanSettings.get(root)?.baselineDisplay) || 'dimmed';
      if (!root || display === 'normal') return undefined;
      const path = baselinePath(root, fsPath);
      const entries = baselines.entriesFor(root, path);
      return entries ? { root, path, entries, display } : undefined;
    },
  });
  const baselines = new BaselineStore((file, message) => log.warn(`Ignoring the baseline ${file}: ${message}`));
  const trust = new Trust();
  const pinCommand = new PinCommand(connection, documents, async (uri) => networkRefusal(await settingsFor(uri)));

  connection.onInitialize((params) => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    hasWorkspaceFoldersCapability = !!params.capabilities.workspace?.workspaceFolders;
    snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    trust.init(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, PIN_ALL_KIND], resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SCAN_COMMAND, PIN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'forewarn' },
    };
  });

  connection.onInitialized(() => {
    log.info(startupLine());
    log.info(tokenLine(process.env));
    void logSettings();
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'forewarn' });
    }
    if (hasWorkspaceFoldersCapability) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
        for (const removed of e.removed) forgetBelow(removed.uri);
        invalidateConfigs();
        rescanAfterChange();
      });
    }
    void autoScan();
  });

  connection.onRequest(CONFIG_TEMPLATE_REQUEST, () => configTemplate(analyzer.rules));
  connection.onRequest(RULES_REQUEST, () => analyzer.rules.map((r) => ({ id: r.id, family: r.family, severity: r.severity, description: r.description, fix: r.fix })));
  connection.onRequest(FIX_ALL_REQUEST, async (params: { uri?: unknown } | undefined): Promise<FixAllResult> =>
    typeof params?.uri === 'string' ? fixAllRequest(params.uri) : { status: 'not-analyzed' },
  );
  connection.onNotification(CANCEL_SCAN_NOTIFICATION, () => scanning?.cancel());
  connection.onDocumentLinks((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc && isConfigUri(doc.uri) ? configDocumentLinks(doc.getText(), new Set(analyzer.rules.map((r) => r.id))) : [];
  });

  // One handler for every server command (a second registration would replace the first).
  connection.onExecuteCommand(async (params) => {
    // A client that shows its own progress for the command says so: { progress: 'client' }.
    if (params.command === SCAN_COMMAND) {
      const summary = await startScan((params.arguments?.[0] as { progress?: unknown } | undefined)?.progress !== 'client');
      // The totals as they are when the scan ends, for the client's result message.
      return summary && { ...summary, counts: { ...totals }, filesWithFindings: countsByUri.size };
    }
    if (params.command === PIN_COMMAND) await pinCommand.execute(params.arguments?.[0]).catch((e: unknown) => reportInternal('pinning', e));
    return undefined;
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!hasConfigurationCapability) globalSettings = readSettings((change.settings as { forewarn?: unknown } | undefined)?.forewarn);
    // Clients send this notification at start-up and for edits to any setting: only a change of ours re-analyses
    // the open documents and rescans the workspace (it used to run the start-up scan twice).
    logSettings()
      .then((changed) => {
        if (!changed) return;
        reanalyzeAll();
        rescanAfterChange();
      })
      .catch((err: unknown) => reportInternal('reading the settings', err));
  });

  connection.onDidChangeWatchedFiles((e) => {
    if (e.changes.some((c) => c.uri.endsWith(`/${BASELINE_FILE_NAME}`))) {
      baselines.clear();
      reanalyzeAll();
      rescanAfterChange();
    }
    if (e.changes.some((c) => isConfigUri(c.uri) || c.uri.endsWith('/.gitignore'))) {
      invalidateConfigs();
      rescanAfterChange();
      return;
    }
    void (async () => {
      for (const c of e.changes) {
        const path = fsPathOf(c.uri);
        if (!path) continue;
        if (c.type === FileChangeType.Deleted) {
          scanner.remove(c.uri);
          // A deleted folder comes as one event: everything below it goes too.
          forgetBelow(c.uri);
          continue;
        }
        for (const uri of modules.affectedBy(path)) schedule(uri, DEBOUNCE_MS);
        const settings = await settingsFor(c.uri);
        if (!workspaceScanned || !settings.enable || !settings.scanOnSave || !folderOf(path)) continue;
        await prepareScanSettings();
        await scanner.refresh(path);
        // The folder's other Terraform files may resolve variables from this one.
        for (const sibling of modules.loader.filesOf(dirname(path))) if (sibling !== path) await scanner.refresh(sibling);
      }
    })().catch((err: unknown) => reportInternal('handling file changes', err));
  });

  // TextDocuments reports an open as a content change too: only real edits are debounced.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => void justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : DEBOUNCE_MS);
    for (const uri of modules.affectedBy(fsPathOf(e.document.uri))) schedule(uri, DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    // Its folder's open Terraform files now read it from disk.
    for (const other of modules.affectedBy(fsPathOf(uri))) schedule(other, DEBOUNCE_MS);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    published.delete(uri);
    settingsCache.delete(uri);
    analysis.forget(uri);
    setCounts(uri, undefined);
    // A config file's problems stay visible while the file is broken on disk.
    if (isConfigUri(uri)) publishConfigProblems(uri);
    else {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      // A file of the scanned workspace keeps showing its problems as they are on disk.
      const path = fsPathOf(uri);
      if (workspaceScanned && path && folderOf(path)) {
        void prepareScanSettings()
          .then(() => scanner.refresh(path, true))
          .catch((err: unknown) => reportInternal(`re-analysing ${uri} from disk`, err));
      }
    }
  });

  // The client says when the user trusts the workspace (Restricted Mode ends).
  connection.onNotification('forewarn/workspaceTrusted', () => void (trust.trusted = true));

  /** Why pin lookups may not run for this document, or undefined when they may. */
  function networkRefusal(settings: Settings): string | undefined {
    if (!trust.trusted) return 'Forewarn does not look anything up on the network in an untrusted workspace. Trust the workspace to pin.';
    if (!settings.allowNetwork) return 'Forewarn pin lookups are turned off (forewarn.allowNetwork).';
    return undefined;
  }

  connection.onCodeAction(async (params) => {
    try {
      return await codeActions(params);
    } catch (e) {
      reportInternal(`computing code actions for ${params.textDocument.uri}`, e);
      return [];
    }
  });

  /** An engine bug must cost one file's results, never the server. */
  function reportInternal(what: string, e: unknown): void {
    log.error(`[internal error] ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  connection.onShutdown(() => analysis.dispose());

  documents.listen(connection);
  connection.listen();

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri).catch((e: unknown) => reportInternal(`analysing ${uri}`, e));
      }, delay),
    );
  }

  function reanalyzeAll(): void {
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  function invalidateConfigs(): void {
    configGeneration++;
    configCache.clear();
    gitIgnoredText.clear();
    configOfDir.clear();
    reanalyzeAll();
    for (const path of [...configsWithErrors]) publishConfigProblems(pathToFileURL(path).toString());
  }

  async function validate(uri: string): Promise<void> {
    const settings = await settingsFor(uri);
    // Settings arrive asynchronously: analyse whatever text is current now, and publish with its version.
    const doc = documents.get(uri);
    if (!doc) return;
    if (isConfigUri(uri)) {
      publishConfigText(uri, doc.getText(), doc.version);
      return;
    }
    if (!settings.enable) {
      published.delete(uri);
      setCounts(uri, undefined);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    await publish(doc, settings);
  }

  /**
   * Analyses the document as it is now (in the document worker), remembers the result for code actions, and publishes
   * its diagnostics. Undefined when a newer version replaced it meanwhile: that version's analysis publishes.
   */
  async function publish(doc: TextDocument, settings: Settings): Promise<Published | undefined> {
    // Fix-all and the debounced analysis can ask for the same version at once: a second run would supersede the
    // first in the worker and leave its caller empty-handed, so they share one.
    const same = publishing.get(doc.uri);
    if (same && same.version === doc.version && same.settings === settings && same.generation === configGeneration) return same.promise;
    const entry = { version: doc.version, settings, generation: configGeneration, promise: publishNow(doc, settings) };
    publishing.set(doc.uri, entry);
    try {
      return await entry.promise;
    } finally {
      if (publishing.get(doc.uri) === entry) publishing.delete(doc.uri);
    }
  }

  async function publishNow(doc: TextDocument, settings: Settings): Promise<Published | undefined> {
    const { uri, version } = doc;
    const text = doc.getText();
    const generation = configGeneration;
    let result: DocumentResult;
    try {
      result = await analyzeDocument(doc, text, settings);
    } catch (e) {
      if (e instanceof Superseded) return undefined;
      // The worker died on this file (out of memory on a hostile input): say so once on the file, keep serving.
      result = { ...EMPTY_RESULT, skipped: { reason: 'too-large', message: 'Forewarn could not analyze this file: its analysis ran out of resources. Other files are not affected.' } };
      reportInternal(`analysing ${uri}`, e);
    }
    if (documents.get(uri)?.version !== version) return undefined;
    const current: Published = { version, analysis: ++analysisCount, settings, configGeneration: generation, text, lines: new LineIndex(text), result };
    published.set(uri, current);
    const counts = zeroCounts();
    for (const f of current.result.findings) counts[f.severity]++;
    setCounts(uri, counts);
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(current, uri) });
    return current;
  }

  async function analyzeDocument(doc: TextDocument, text: string, settings: Settings): Promise<DocumentResult> {
    const fsPath = fsPathOf(doc.uri);
    const cfg = fsPath ? configFor(fsPath) : undefined;
    let config: ForewarnConfig = withRuleOverrides(cfg?.config ?? DEFAULT_CONFIG, settings.rules);
    if (settings.maxFileSize !== undefined) config = { ...config, maxFileSize: settings.maxFileSize };
    const path = fsPath ? projectRelative(fsPath, cfg?.path) : doc.uri;
    if (config.ignore.length > 0 && ignoreTest(config.ignore)(path)) return EMPTY_RESULT;
    // Only `.tf` files get one; the worker uses it when the file's kind is Terraform.
    const module = fsPath ? modules.forDocument(fsPath, folderOf(fsPath)) : undefined;
    // A `.env` or config file that git ignores is not committed: the secrets in it are where they belong (the worker
    // drops the document when its kind turns out to be `text`).
    const textIgnored = fsPath !== undefined && textIgnoredByGit(fsPath);
    const job = { uri: doc.uri, version: doc.version, path, fullPath: fsPath, text, fallbackKind: LANGUAGE_KINDS[doc.languageId], config, ...(textIgnored && { textIgnored }) };
    const result = await analysis.analyzeDocument(module ? { ...job, module } : job);
    for (const err of result.ruleErrors) {
      // Reported once per rule, not on every keystroke.
      if (reportedRuleErrors.has(err.ruleId)) continue;
      reportedRuleErrors.add(err.ruleId);
      log.error(`[internal error] ${err.message} (in ${doc.uri}); other rules still ran.`);
    }
    return result;
  }

  /** Whether git ignores a `text` document, remembered per path until a `.gitignore` or config changes. */
  function textIgnoredByGit(fsPath: string): boolean {
    let ignored = gitIgnoredText.get(fsPath);
    if (ignored === undefined) {
      ignored = isGitIgnored(fsPath);
      gitIgnoredText.set(fsPath, ignored);
    }
    return ignored;
  }

  /** Compiled ignore globs, per configuration (the lists are shared by every config derived from a file). */
  function ignoreTest(globs: readonly string[]): (path: string) => boolean {
    let test = compiledIgnores.get(globs);
    if (!test) compiledIgnores.set(globs, (test = compileIgnore(globs)));
    return test;
  }

  function diagnosticsOf(current: Published, uri: string): Diagnostic[] {
    const { result, version, settings, lines } = current;
    if (result.skipped) {
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: result.skipped.message }];
    }
    if (!result.parsed) return [];
    const known = settings.baselineDisplay === 'normal' ? new Set<number>() : baselined(uri, current);
    return findingDiagnostics(result.findings, {
      uri,
      lines,
      version,
      analysis: current.analysis,
      display: displayOf(settings),
      baselined: known,
      baselineDisplay: settings.baselineDisplay === 'hidden' ? 'hidden' : 'dimmed',
    });
  }

  function displayOf(settings: Settings): DisplayOptions {
    return { severityMap: settings.severityMap, relatedInformation };
  }

  /** The output's header: the settings each workspace folder gets (never a token), logged when they differ from the
   * last ones logged; says whether they did. */
  async function logSettings(): Promise<boolean> {
    const roots = folderRoots();
    // Window-wide settings count too: documents outside every folder use them.
    const global = hasConfigurationCapability
      ? await connection.workspace.getConfiguration({ section: 'forewarn' }).then(readSettings, () => DEFAULT_SETTINGS)
      : globalSettings;
    const perRoot: [string, Settings][] = [];
    for (const root of roots) perRoot.push([root, await settingsFor(pathToFileURL(root).toString())]);
    const seen = JSON.stringify([global, perRoot]);
    if (seen === settingsSeen) return false;
    settingsSeen = seen;
    if (roots.length === 0) log.info(settingsLine('this window', global));
    for (const [root, settings] of perRoot) log.info(settingsLine(root, settings));
    return true;
  }

  /** Indices of the findings the baseline at the workspace folder's root records. */
  function baselined(uri: string, { result, text }: Published): Set<number> {
    const known = new Set<number>();
    const fsPath = fsPathOf(uri);
    const root = fsPath ? folderOf(fsPath) : undefined;
    if (!fsPath || !root || !result.parsed) return known;
    const path = baselinePath(root, fsPath);
    const entries = baselines.entriesFor(root, path);
    if (!entries) return known;
    const matcher = new BaselineMatcher({ version: 1, findings: entries });
    result.findings.forEach((f, i) => {
      if (matcher.take(f.ruleId, path, fingerprintAt(root, fsPath, f.ruleId, text, f.range))) known.add(i);
    });
    return known;
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'forewarn' })
        .then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  function folderOf(fsPath: string): string | undefined {
    let best: string | undefined;
    for (const f of folders) {
      const root = fsPathOf(f.uri);
      if (root && (fsPath === root || fsPath.startsWith(root.endsWith(sep) ? root : root + sep))) {
        if (!best || root.length > best.length) best = root;
      }
    }
    return best;
  }

  function configFor(fsPath: string): ConfigFile {
    const dir = dirname(fsPath);
    let configPath = configOfDir.get(dir);
    if (!configOfDir.has(dir)) {
      configPath = findConfigFile(dir, folderOf(fsPath), configOfDir);
      configOfDir.set(dir, configPath);
    }
    const key = configPath ?? '';
    let cfg = configCache.get(key);
    if (!cfg) {
      cfg = loadConfigFile(configPath);
      configCache.set(key, cfg);
      if (configPath && !documents.get(pathToFileURL(configPath).toString())) publishConfigProblems(pathToFileURL(configPath).toString(), cfg);
    }
    return cfg;
  }

  /** Globs in config and kind detection see paths relative to the config's folder, or the workspace folder. */
  function projectRelative(fsPath: string, configPath: string | undefined): string {
    const root = configPath ? dirname(configPath) : folderOf(fsPath);
    return root ? relative(root, fsPath).split(sep).join('/') : fsPath;
  }

  function publishConfigText(uri: string, text: string, version?: number): void {
    const { errors } = parseConfig(text);
    const lines = new LineIndex(text);
    const path = fsPathOf(uri);
    if (path && errors.length > 0) configsWithErrors.add(path);
    else if (path) configsWithErrors.delete(path);
    const diagnostics: Diagnostic[] = errors.map((e) => ({
      range: toLspRange(lines, e.range),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      message: `${e.message} Forewarn uses its defaults until this is fixed.`,
    }));
    void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  function publishConfigProblems(uri: string, cfg?: ConfigFile): void {
    const path = fsPathOf(uri);
    if (!path) return;
    const loaded = cfg ?? loadConfigFile(path);
    publishConfigText(uri, loaded.text);
  }

  function forgetBelow(folderUri: string): void {
    for (const uri of scanner.urisBelow(folderUri)) scanner.remove(uri);
  }

  function setCounts(uri: string, counts: SeverityCounts | undefined): void {
    const old = countsByUri.get(uri);
    if (old) addCounts(totals, old, -1);
    if (counts && SEVERITIES.some((s) => counts[s] > 0)) {
      countsByUri.set(uri, counts);
      addCounts(totals, counts, 1);
    } else countsByUri.delete(uri);
    sendStatusSoon();
  }

  /** The status bar follows at most five times a second, however many files a scan publishes. */
  function sendStatusSoon(): void {
    statusTimer ??= setTimeout(() => {
      statusTimer = undefined;
      const params: StatusParams = { scanning: scanning !== undefined, percentage: scanning?.percentage, counts: { ...totals }, files: countsByUri.size, lastScan };
      void connection.sendNotification(STATUS_NOTIFICATION, params);
    }, 200);
  }

  async function autoScan(): Promise<void> {
    const roots = folderRoots();
    if (roots.length === 0) return;
    const settings = await Promise.all(roots.map((r) => settingsFor(pathToFileURL(r).toString())));
    if (settings.some((s) => s.enable && s.scanOnOpen)) await startScan();
  }

  function rescanAfterChange(): void {
    scanner.invalidate();
    scanConfigs.clear();
    if (workspaceScanned) void startScan();
  }

  function folderRoots(): string[] {
    return folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined);
  }

  /** Settings per workspace folder, read before a scan: the scan itself looks them up synchronously. */
  async function prepareScanSettings(): Promise<void> {
    const roots = folderRoots();
    const next = new Map<string, Settings>();
    for (const root of roots) next.set(root, await settingsFor(pathToFileURL(root).toString()));
    if ([...next].some(([root, s]) => scanSettings.get(root) !== s)) scanConfigs.clear();
    scanSettings = next;
  }

  function scanConfigFor(fsPath: string): FileConfig {
    const cfg = configFor(fsPath);
    const folder = folderOf(fsPath);
    const root = cfg.path ? dirname(cfg.path) : (folder ?? dirname(fsPath));
    const key = `${cfg.path ?? ''}\0${folder ?? ''}`;
    let config = scanConfigs.get(key);
    if (!config) {
      const settings = (folder && scanSettings.get(folder)) || DEFAULT_SETTINGS;
      config = withRuleOverrides(cfg.config, settings.rules);
      if (settings.maxFileSize !== undefined) config = { ...config, maxFileSize: settings.maxFileSize };
      scanConfigs.set(key, config);
    }
    return { config, root, display: displayOf((folder && scanSettings.get(folder)) || DEFAULT_SETTINGS) };
  }

  /** Scans every workspace folder; a scan already running is cancelled first. Resolves with its summary. */
  async function startScan(serverProgress = true): Promise<ScanSummary | undefined> {
    scanning?.cancel();
    const roots = folderRoots();
    if (roots.length === 0) return undefined;
    workspaceScanned = true;
    await prepareScanSettings();
    const scans: FolderScan[] = [];
    for (const root of roots) {
      const settings = scanSettings.get(root) ?? DEFAULT_SETTINGS;
      if (!settings.enable) continue;
      const filesExclude = await connection.workspace
        .getConfiguration({ scopeUri: pathToFileURL(root).toString(), section: 'files.exclude' })
        .then((v: unknown) => Object.entries((v ?? {}) as Record<string, unknown>).filter(([, on]) => on === true).map(([g]) => g), () => [] as string[]);
      scans.push({ root, exclude: [...(hasConfigurationCapability ? filesExclude : []), ...settings.exclude] });
    }
    let cancelled = false;
    const me = { cancel: () => void (cancelled = true), percentage: 0 };
    scanning = me;
    const progress = serverProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Forewarn', 0, 'Scanning workspace', true);
    sendStatusSoon();
    try {
      const summary = await scanner.scan(scans, {
        cancelled: () => cancelled || (progress?.token.isCancellationRequested ?? false),
        report: (percentage, message) => {
          me.percentage = percentage;
          progress?.report(percentage, message);
          sendStatusSoon();
        },
      });
      if (!summary.cancelled) lastScan = summary;
      log.info(
        `Workspace scan ${summary.cancelled ? 'cancelled' : 'done'}: ${summary.files} files (${summary.analyzed} analysed, ${summary.unchanged} unchanged) in ${summary.ms} ms${summary.workers ? ` on ${summary.workers} worker threads` : ''}.`,
      );
      return summary;
    } finally {
      progress?.done();
      if (scanning === me) scanning = undefined;
      sendStatusSoon();
    }
  }

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.SourceFixAll)) ?? false;
    if (wantsFixAll) {
      const summary = await fixAllRequest(uri);
      if (summary.status !== 'ok' || !summary.edit) return [];
      return [{ title: fixAllTitle(summary), kind: FIX_ALL_KIND, edit: summary.edit }];
    }
    const network = !networkRefusal(await settingsFor(uri));
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) {
      return network && only.some((k) => PIN_ALL_KIND.startsWith(k)) ? pinAllSource(uri) : [];
    }
    const doc = documents.get(uri);
    const current = published.get(uri);
    // Diagnostics from another analysis (an older version, older settings or config) are never acted on.
    if (!doc || !current || current.version !== doc.version || !current.result.parsed) return [];
    const { lines } = current;
    const analysedVersion = current.version;
    return quickFixes({
      doc: { uri, version: analysedVersion, text: current.text, lines },
      result: current.result,
      analysis: current.analysis,
      diagnostics: sameVersionDiagnostics(uri, current, params.context.diagnostics),
      snippets: snippetEdits,
      network,
      // Where a line-level suppression goes needs the parse (a multi-line value's first line): the worker keeps it.
      suppressionLines: async (offsets) =>
        offsets.length === 0 ? [] : ((await analysis.suppressionLines(uri, analysedVersion, offsets).catch(() => undefined)) ?? offsets.map((o) => lines.lineOf(o))),
    });
  }

  /**
   * The editor can ask with diagnostics of an earlier analysis of the same text (a settings reload re-analysed it and
   * the new list is on its way): each is replaced by the current diagnostic with the same range and rule, so the menu
   * is not empty. A diagnostic of another version is left as it is, and no action is built from it.
   */
  function sameVersionDiagnostics(uri: string, current: Published, asked: readonly Diagnostic[]): readonly Diagnostic[] {
    const stale = (d: Diagnostic) => d.source === SOURCE && isDiagnosticData(d.data) && d.data.analysis !== current.analysis && d.data.version === current.version;
    if (!asked.some(stale)) return asked;
    const now = diagnosticsOf(current, uri);
    return asked.map((d) => (stale(d) ? (now.find((n) => n.code === d.code && sameRange(n.range, d.range)) ?? d) : d));
  }

  /** Every safe fix of the document as it is now (text, settings, config), even if an analysis is still pending. */
  async function fixAllRequest(uri: string): Promise<FixAllResult> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc || isConfigUri(uri)) return { status: 'not-analyzed' };
    if (!settings.enable) return { status: 'disabled' };
    let current = published.get(uri);
    if (!current || current.version !== doc.version || current.settings !== settings || current.configGeneration !== configGeneration) {
      current = await publish(doc, settings);
    }
    // A newer version arrived meanwhile: its own request will act on it.
    if (!current || current.version !== documents.get(uri)?.version || !current.result.parsed) return { status: 'not-analyzed' };
    return { status: 'ok', ...fixAll({ uri, version: current.version, text: current.text, lines: current.lines }, current.result) };
  }

  /** "Pin all" as a source action, for the Source Action menu. */
  function pinAllSource(uri: string): CodeAction[] {
    const doc = documents.get(uri);
    const current = published.get(uri);
    if (!doc || !current || current.version !== doc.version || !current.result.parsed) return [];
    const all = current.result.pinRequests;
    return all.length === 0 ? [] : [pinAction('Forewarn: pin all actions and images in this file', { uri, version: doc.version, requests: [...all] }, undefined, PIN_ALL_KIND)];
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isConfigUri(uri: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).some((n) => uri.endsWith(`/${n}`));
}

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all), loadExtraRules());
}
