// Public surface of the engine for the server, the CLI and tests.

export { Analyzer, NO_RESULT, tooLarge, type AnalysisResult, type AnalyzeInput } from './analyze.js';
export {
  CONFIG_FILE_NAMES,
  CONFIG_SCHEMA,
  DEFAULT_CONFIG,
  DEFAULT_MAX_FILE_SIZE,
  configTemplate,
  parseConfig,
  withRuleOverrides,
  type ForewarnConfig,
  type LoadedConfig,
  type RuleSetting,
} from './config.js';
export { YAML_EXT, createDetector, type KindDetector } from './detect.js';
export { applyEdits, safeFixEdits, selectFixes, type FixSelection } from './fixes.js';
export { compileGlobs, compileIgnore, normalizePath } from './globs.js';
export { REASON_PLACEHOLDER, suppressFileEdit, suppressLineEdit, suppressionLine, type SuppressionEdit } from './suppress.js';
export { RULES } from '../rules/index.js';
export type { ModuleContext, ModuleFile } from '../models/terraform-values.js';
export type { Rule } from '../rules/define.js';
