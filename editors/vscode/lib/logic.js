'use strict';
// The extension's pure logic (no `vscode` import), so node's test runner can check it: which files MetaLint reads,
// how the server is found, which arguments it gets, and how `metalint check --format json` becomes diagnostics.

const path = require('path');
const fs = require('fs');

/// The suffixes of src/MetaLint.Core/Discovery/SuffixTable.cs, in Metadata API form (X.profile) and source form
/// (X.profile-meta.xml). Only Security.settings among the settings files is read.
const SUFFIXES = ['profile', 'permissionset', 'permissionsetgroup', 'mutingpermissionset',
  'profilePasswordPolicy', 'profileSessionSetting'];

/// Glob patterns of every file the server checks: the suffix table, Security.settings, the child files of a
/// decomposed permission set (permissionsets/<Name>/..., up to two folders deeper) and rules.yml.
function filePatterns() {
  const patterns = [];
  for (const s of SUFFIXES) patterns.push(`**/*.${s}`, `**/*.${s}-meta.xml`);
  patterns.push('**/Security.settings', '**/Security.settings-meta.xml');
  patterns.push('**/permissionsets/*/**/*-meta.xml');
  patterns.push('**/rules.yml');
  return patterns;
}

/// True when a file path is one filePatterns() matches (used to decide whether an opened file needs the server).
function isMetaLintFile(filePath) {
  const parts = filePath.split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (name === 'rules.yml') return true;
  const stem = name.toLowerCase().endsWith('-meta.xml') ? name.slice(0, -'-meta.xml'.length) : name;
  for (const s of SUFFIXES) {
    const suffix = `.${s}`.toLowerCase();
    if (stem.toLowerCase().endsWith(suffix) && stem.length > suffix.length) return true;
  }
  if (stem.toLowerCase() === 'security.settings') return true;
  const i = parts.lastIndexOf('permissionsets');
  return name.endsWith('-meta.xml') && i >= 0 && parts.length - i >= 3 && parts.length - i <= 5;
}

/// Finds the metalint executable: the `metalint.path` setting if set (a path or a command name), else `metalint`
/// on PATH. Returns {command, argsPrefix} (a .dll runs through `dotnet`), or null when nothing is found.
function resolveServer(configuredPath, envPath, exists = isExecutableFile) {
  const candidate = (configuredPath || '').trim();
  if (candidate) {
    const found = candidate.includes('/') || candidate.includes('\\')
      ? (exists(candidate) ? candidate : null)
      : searchPath(candidate, envPath, exists);
    if (!found) return null;
    return found.toLowerCase().endsWith('.dll') ? { command: 'dotnet', argsPrefix: [found] } : { command: found, argsPrefix: [] };
  }
  const onPath = searchPath('metalint', envPath, exists);
  return onPath ? { command: onPath, argsPrefix: [] } : null;
}

function searchPath(name, envPath, exists) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (envPath || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const full = path.join(dir, name + ext);
      if (exists(full)) return full;
    }
  }
  return null;
}

function isExecutableFile(p) {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === 'win32' || p.toLowerCase().endsWith('.dll')) return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/// The options that both `metalint check` and the server get from the settings (--config, --baseline, --environment).
function sharedOptions(settings) {
  const args = [];
  if (settings.config) args.push('--config', settings.config);
  if (settings.baseline) args.push('--baseline', settings.baseline);
  if (settings.environment) args.push('--environment', settings.environment);
  return args;
}

/// Arguments of `metalint check` for the "check workspace" command: JSON on stdout, never a failing exit for findings,
/// paths relative to the folder.
function checkArgs(folder, settings) {
  return ['check', folder, '--format', 'json', '--fail-on', 'never', '--root', folder, ...sharedOptions(settings)];
}

/// Arguments of the language server: `lsp`, the settings' --config and --baseline (all `metalint lsp` accepts of
/// them: an environment only applies to `metalint check`), then the user's extra arguments.
function serverArgs(settings) {
  const args = ['lsp'];
  if (settings.config) args.push('--config', settings.config);
  if (settings.baseline) args.push('--baseline', settings.baseline);
  return [...args, ...(settings.serverArgs || [])];
}

const SEVERITY = { error: 'Error', warning: 'Warning', note: 'Information' };

/// Turns the output of `metalint check --format json` into plain diagnostics grouped by absolute file path:
/// Map<file, [{severity, message, ruleId, helpUri, range: {startLine, startCharacter, endLine, endCharacter}}]>
/// (0-based, as VS Code counts). Suppressed findings and level "none" are left out. Throws on output that is not
/// MetaLint's JSON report.
function findingsToDiagnostics(jsonText, root, helpUri = ruleHelpUri) {
  const report = JSON.parse(jsonText);
  if (!report || report.tool !== 'MetaLint' || !Array.isArray(report.findings))
    throw new Error('not a MetaLint JSON report');
  const byFile = new Map();
  for (const f of report.findings) {
    if (f.suppression || !SEVERITY[f.level] || typeof f.path !== 'string') continue;
    const file = path.resolve(root, f.path);
    const startLine = Math.max(0, (f.startLine || 1) - 1);
    const startCharacter = Math.max(0, (f.startColumn || 1) - 1);
    let endLine = Math.max(startLine, (f.endLine || f.startLine || 1) - 1);
    let endCharacter = Math.max(0, (f.endColumn || f.startColumn || 1) - 1);
    if (endLine === startLine && endCharacter <= startCharacter) endCharacter = Number.MAX_SAFE_INTEGER; // whole line
    const list = byFile.get(file) || [];
    list.push({
      severity: SEVERITY[f.level], message: f.message, ruleId: f.ruleId, helpUri: helpUri(f.ruleId),
      range: { startLine, startCharacter, endLine, endCharacter },
    });
    byFile.set(file, list);
  }
  return byFile;
}

/// The rule page, as `metalint rules` and the server's diagnostics link it (RuleDescriptor.HelpUri).
function ruleHelpUri(ruleId) {
  return `https://github.com/metalint/metalint/blob/main/rules/${encodeURIComponent(ruleId)}.md`;
}

/// Status bar text from counts: "$(error) 2 $(warning) 5 MetaLint" style, or a check mark when nothing is found.
function statusText(counts) {
  if (!counts.errors && !counts.warnings && !counts.notes) return '$(check) MetaLint';
  const parts = [`$(error) ${counts.errors}`, `$(warning) ${counts.warnings}`];
  if (counts.notes) parts.push(`$(info) ${counts.notes}`);
  return `${parts.join(' ')} MetaLint`;
}

module.exports = {
  SUFFIXES, filePatterns, isMetaLintFile, resolveServer, sharedOptions, checkArgs, serverArgs,
  findingsToDiagnostics, ruleHelpUri, statusText,
};
