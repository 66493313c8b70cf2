'use strict';
// MetaLint for VS Code: starts `metalint lsp` for Salesforce metadata files, runs `metalint check` over the
// workspace on request, shows counts in the status bar and opens rule pages.

const vscode = require('vscode');
const { execFile } = require('child_process');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const logic = require('./lib/logic');

const INSTALL_COMMAND = 'dotnet tool install --global MetaLint';

let client;            // the running LanguageClient, if any
let starting;          // the promise of a start in progress
let output;            // the "MetaLint" log output channel (vscode-languageclient 11 logs through its info/warn/error)
let workspaceFindings; // DiagnosticCollection of the last "check workspace" run, for files the server does not cover
let lastCheck = new Map(); // file path -> {uri, diagnostics} of the last check (kept to restore a file when it is closed)
let statusItem;

function settings() {
  const c = vscode.workspace.getConfiguration('metalint');
  return {
    path: c.get('path', ''),
    serverArgs: c.get('server.extraArgs', []),
    config: c.get('config', ''),
    baseline: c.get('baseline', ''),
    environment: c.get('environment', ''),
  };
}

/// The server executable, or null after telling the user how to install it.
function findServer() {
  const s = settings();
  const server = logic.resolveServer(s.path, process.env.PATH);
  if (server) return server;
  const where = s.path ? `metalint.path is set to "${s.path}", which is not an executable file.`
    : '`metalint` was not found on PATH.';
  vscode.window.showErrorMessage(
    `MetaLint: ${where} Install it with \`${INSTALL_COMMAND}\` (needs the .NET 10 SDK), or set metalint.path.`,
    'Copy install command', 'Open settings',
  ).then((choice) => {
    if (choice === 'Copy install command') vscode.env.clipboard.writeText(INSTALL_COMMAND);
    if (choice === 'Open settings') vscode.commands.executeCommand('workbench.action.openSettings', 'metalint.path');
  });
  return null;
}

async function startClient() {
  if (client || starting) return starting;
  const server = findServer();
  if (!server) return;
  const s = settings();
  const documentSelector = logic.filePatterns().map((pattern) => ({ scheme: 'file', pattern }));
  // Started in the first workspace folder, so a relative metalint.config or metalint.baseline means the same file
  // to the server as to "check workspace" (which runs `metalint check` in each folder).
  const folder = (vscode.workspace.workspaceFolders || [])[0];
  const args = [...server.argsPrefix, ...logic.serverArgs(s)];
  client = new LanguageClient('metalint', 'MetaLint',
    { command: server.command, args, options: folder && folder.uri.scheme === 'file' ? { cwd: folder.uri.fsPath } : {} },
    {
      documentSelector,
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{rules.yml,sfdx-project.json,*baseline*.{xml,json}}') },
    });
  output.info(`Starting ${server.command} ${args.join(' ')}`);
  starting = client.start().then(() => { starting = undefined; },
    (err) => {
      starting = undefined;
      client = undefined;
      vscode.window.showErrorMessage(`MetaLint: the language server did not start: ${err.message || err}`);
    });
  return starting;
}

async function stopClient() {
  const c = client;
  client = undefined;
  if (starting) await starting.catch(() => {});
  if (c) await c.stop().catch(() => {});
}

/// Start the server when the workspace is a Salesforce project or a file MetaLint reads is open.
async function startIfNeeded() {
  if (client || starting) return;
  const open = vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && logic.isMetaLintFile(d.uri.fsPath));
  const project = open || (await vscode.workspace.findFiles('sfdx-project.json', null, 1)).length > 0;
  if (open || project) await startClient();
}

function isOpen(file) {
  return vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
}

/// Shows the last check's findings for every file the server is not already reporting (files not open in the editor).
function refreshWorkspaceFindings() {
  workspaceFindings.clear();
  for (const [file, { uri, diagnostics }] of lastCheck) {
    if (client && isOpen(file) && logic.isMetaLintFile(file)) continue; // the server's diagnostics are live: no duplicates
    workspaceFindings.set(uri, diagnostics);
  }
}

function toDiagnostic(d) {
  const r = d.range;
  const diag = new vscode.Diagnostic(new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter),
    d.message, vscode.DiagnosticSeverity[d.severity]);
  diag.source = 'metalint';
  diag.code = { value: d.ruleId, target: vscode.Uri.parse(d.helpUri) };
  return diag;
}

function run(command, args, cwd) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, error }));
  });
}

async function checkWorkspace() {
  const folders = vscode.workspace.workspaceFolders || [];
  if (!folders.length) {
    vscode.window.showWarningMessage('MetaLint: open a folder to check the workspace.');
    return;
  }
  const server = findServer();
  if (!server) return;
  const s = settings();
  const results = new Map();
  let failed = false;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'MetaLint: checking workspace' }, async () => {
    for (const folder of folders) {
      const root = folder.uri.fsPath;
      const args = [...server.argsPrefix, ...logic.checkArgs(root, s)];
      output.info(`${server.command} ${args.join(' ')}`);
      const started = Date.now();
      const res = await run(server.command, args, root);
      output.info(`exit ${res.code} after ${Date.now() - started} ms, ${res.stdout.length} bytes of report`);
      if (res.code !== 0) {
        const message = (res.stderr || (res.error && res.error.message) || '').trim().split('\n')[0];
        output.warn(res.stderr);
        if (/no Salesforce metadata/i.test(res.stderr)) continue; // a folder without metadata is not an error
        vscode.window.showErrorMessage(`MetaLint: check of ${folder.name} failed (exit ${res.code}): ${message}`);
        failed = true;
        continue;
      }
      try {
        for (const [file, list] of logic.findingsToDiagnostics(res.stdout, root)) {
          // The folder's own URI (scheme and authority included), so remote workspaces map to the right files.
          results.set(file, { uri: folder.uri.with({ path: vscode.Uri.file(file).path }), diagnostics: list.map(toDiagnostic) });
        }
      } catch (err) {
        output.error(`${err.stack || err}`);
        vscode.window.showErrorMessage(`MetaLint: could not read the report of ${folder.name}: ${err.message}`);
        failed = true;
      }
    }
  });
  lastCheck = results;
  refreshWorkspaceFindings();
  const count = [...results.values()].reduce((n, r) => n + r.diagnostics.length, 0);
  output.info(`check workspace: ${count} finding(s) in ${results.size} file(s)`);
  if (!failed) vscode.window.setStatusBarMessage(`MetaLint: ${count} finding(s) in ${results.size} file(s)`, 5000);
}

async function showRuleDocumentation(ruleId) {
  if (typeof ruleId !== 'string' || !ruleId) ruleId = ruleAtCursor();
  if (!ruleId) {
    const server = logic.resolveServer(settings().path, process.env.PATH);
    let items = [];
    if (server) {
      const res = await run(server.command, [...server.argsPrefix, 'rules', '--format', 'json']);
      try { items = JSON.parse(res.stdout).map((r) => ({ label: r.id, description: r.title, detail: r.defaultLevel })); } catch { items = []; }
    }
    const picked = items.length
      ? await vscode.window.showQuickPick(items, { placeHolder: 'Rule to open', matchOnDescription: true })
      : await vscode.window.showInputBox({ prompt: 'Rule id (e.g. ML1001)', validateInput: (v) => /^ML\d{4}$/i.test(v.trim()) ? null : 'A rule id looks like ML1001' })
        .then((v) => v && { label: v.trim().toUpperCase() });
    if (!picked) return;
    ruleId = picked.label;
  }
  await vscode.env.openExternal(vscode.Uri.parse(logic.ruleHelpUri(ruleId)));
}

/// The rule id of a MetaLint diagnostic under the cursor of the active editor, if any.
function ruleAtCursor() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  const diag = vscode.languages.getDiagnostics(editor.document.uri)
    .find((d) => d.source === 'metalint' && d.range.contains(pos)) ||
    vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'metalint' && d.range.start.line === pos.line);
  if (!diag || diag.code == null) return undefined;
  return typeof diag.code === 'object' ? String(diag.code.value) : String(diag.code);
}

function updateStatus() {
  const counts = { errors: 0, warnings: 0, notes: 0 };
  for (const [, list] of vscode.languages.getDiagnostics()) {
    for (const d of list) {
      if (d.source !== 'metalint') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.notes++;
    }
  }
  statusItem.text = logic.statusText(counts);
  statusItem.tooltip = `MetaLint: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.notes} note(s). Click to check the workspace.`;
  statusItem.show();
}

function activate(context) {
  output = vscode.window.createOutputChannel('MetaLint', { log: true });
  workspaceFindings = vscode.languages.createDiagnosticCollection('metalint-workspace');
  statusItem = vscode.window.createStatusBarItem('metalint.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'MetaLint';
  statusItem.command = 'metalint.checkWorkspace';
  context.subscriptions.push(output, workspaceFindings, statusItem,
    vscode.commands.registerCommand('metalint.checkWorkspace', () => checkWorkspace().catch((err) => {
      output.error(`check workspace: ${err.stack || err}`);
      vscode.window.showErrorMessage(`MetaLint: check workspace failed: ${err.message || err}`);
    })),
    vscode.commands.registerCommand('metalint.showRuleDocumentation', showRuleDocumentation),
    vscode.commands.registerCommand('metalint.restartServer', async () => { await stopClient(); await startIfNeeded(); }),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.workspace.onDidOpenTextDocument(() => { startIfNeeded(); refreshWorkspaceFindings(); }),
    vscode.workspace.onDidCloseTextDocument(refreshWorkspaceFindings),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('metalint')) return;
      output.info('Settings changed: restarting the server.');
      await stopClient();
      await startIfNeeded();
      refreshWorkspaceFindings();
    }),
    { dispose: () => { stopClient(); } });
  updateStatus();
  // Not awaited: activation must finish at once, or every MetaLint command would wait for the server's start.
  startIfNeeded().catch((err) => output.error(`Starting the server failed: ${err.message || err}`));
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
