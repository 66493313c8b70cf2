'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const logic = require('../lib/logic');

const report = (findings) => JSON.stringify({ tool: 'MetaLint', version: '0.1.0', summary: {}, findings });
const finding = (over) => ({
  ruleId: 'ML1001', ruleName: 'ModifyAllData', level: 'error', message: "Profile 'Ops' grants ModifyAllData",
  path: 'force-app/main/default/profiles/Ops%2FSupport Admin.profile-meta.xml',
  startLine: 39, startColumn: 9, endLine: 39, endColumn: 34, ...over,
});

test('findings map to 0-based ranges on absolute paths, grouped by file', () => {
  const root = path.resolve('/repo');
  const byFile = logic.findingsToDiagnostics(report([
    finding({}),
    finding({ ruleId: 'ML1003', level: 'warning', startLine: 15, endLine: 15, startColumn: 9, endColumn: 40 }),
    finding({ ruleId: 'ML2001', level: 'note', path: 'a/b.permissionset-meta.xml', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }),
  ]), root);
  const ops = byFile.get(path.join(root, 'force-app/main/default/profiles/Ops%2FSupport Admin.profile-meta.xml'));
  assert.equal(ops.length, 2);
  assert.deepEqual(ops[0].range, { startLine: 38, startCharacter: 8, endLine: 38, endCharacter: 33 });
  assert.equal(ops[0].severity, 'Error');
  assert.equal(ops[0].helpUri, 'https://github.com/metalint/metalint/blob/main/rules/ML1001.md');
  assert.equal(ops[1].severity, 'Warning');
  const note = byFile.get(path.join(root, 'a/b.permissionset-meta.xml'))[0];
  assert.equal(note.severity, 'Information');
  // An empty span becomes the rest of the line, so the finding is visible.
  assert.equal(note.range.endCharacter, Number.MAX_SAFE_INTEGER);
});

test('suppressed findings and level none are left out', () => {
  const byFile = logic.findingsToDiagnostics(report([
    finding({ suppression: { kind: 'inSource', justification: 'break-glass' } }),
    finding({ level: 'none' }),
  ]), '/repo');
  assert.equal(byFile.size, 0);
});

test('output that is not a MetaLint report is an error, not an empty result', () => {
  assert.throws(() => logic.findingsToDiagnostics('{"findings": []}', '/repo'), /not a MetaLint JSON report/);
  assert.throws(() => logic.findingsToDiagnostics('Unhandled exception', '/repo'), SyntaxError);
});

test('every suffix of the discovery table, decomposed children and rules.yml are MetaLint files', () => {
  for (const s of logic.SUFFIXES) {
    assert.ok(logic.isMetaLintFile(`/p/force-app/x/Admin.${s}-meta.xml`), s);
    assert.ok(logic.isMetaLintFile(`/p/src/x/Admin.${s}`), s);
    assert.ok(!logic.isMetaLintFile(`/p/src/x/.${s}`), `bare .${s}`);
  }
  assert.ok(logic.isMetaLintFile('/p/settings/Security.settings-meta.xml'));
  assert.ok(!logic.isMetaLintFile('/p/settings/Account.settings-meta.xml'));
  assert.ok(logic.isMetaLintFile('/p/permissionsets/Support_Lead/objectSettings/Case.objectSettings-meta.xml'));
  assert.ok(logic.isMetaLintFile('/p/permissionsets/Support_Lead/Support_Lead.userPermission-meta.xml'));
  assert.ok(logic.isMetaLintFile('/p/rules.yml'));
  assert.ok(!logic.isMetaLintFile('/p/classes/Foo.cls-meta.xml'));
  assert.ok(!logic.isMetaLintFile('/p/permissionsets/README.md'));
});

test('the suffix list matches the discovery table in MetaLint.Core', () => {
  const fs = require('fs');
  const table = fs.readFileSync(path.join(__dirname, '../../../src/MetaLint.Core/Discovery/SuffixTable.cs'), 'utf8');
  const suffixes = [...table.matchAll(/\("\.(\w+)", MetadataKind\./g)].map((m) => m[1]).filter((s) => s !== 'settings');
  assert.deepEqual([...suffixes].sort(), [...logic.SUFFIXES].sort());
  const pkg = require('../package.json');
  for (const s of logic.SUFFIXES) {
    assert.ok(pkg.activationEvents.includes(`workspaceContains:**/*.${s}-meta.xml`), s);
    assert.ok(logic.filePatterns().includes(`**/*.${s}`), s);
  }
});

test('the server is metalint.path, else metalint on PATH, else null; a .dll runs through dotnet', () => {
  const exists = (files) => (p) => files.includes(p);
  const env = ['/opt/a', '/opt/b'].join(path.delimiter);
  assert.deepEqual(logic.resolveServer('', env, exists(['/opt/b/metalint'])), { command: '/opt/b/metalint', argsPrefix: [] });
  assert.deepEqual(logic.resolveServer('/x/metalint', env, exists(['/x/metalint', '/opt/b/metalint'])), { command: '/x/metalint', argsPrefix: [] });
  assert.equal(logic.resolveServer('/x/missing', env, exists(['/opt/b/metalint'])), null);
  assert.deepEqual(logic.resolveServer('/x/metalint.dll', env, exists(['/x/metalint.dll'])), { command: 'dotnet', argsPrefix: ['/x/metalint.dll'] });
  assert.equal(logic.resolveServer('', env, exists([])), null);
});

test('check and server arguments carry the settings', () => {
  const s = { config: 'ci/rules.yml', baseline: 'b.json', environment: 'prod', serverArgs: ['--log', 'x'] };
  assert.deepEqual(logic.checkArgs('/w', s),
    ['check', '/w', '--format', 'json', '--fail-on', 'never', '--root', '/w', '--config', 'ci/rules.yml', '--baseline', 'b.json', '--environment', 'prod']);
  assert.deepEqual(logic.checkArgs('/w', {}), ['check', '/w', '--format', 'json', '--fail-on', 'never', '--root', '/w']);
  assert.deepEqual(logic.serverArgs(s), ['lsp', '--config', 'ci/rules.yml', '--baseline', 'b.json', '--log', 'x']);
  assert.deepEqual(logic.serverArgs({}), ['lsp']);
});

test('status text shows the counts', () => {
  assert.equal(logic.statusText({ errors: 0, warnings: 0, notes: 0 }), '$(check) MetaLint');
  assert.equal(logic.statusText({ errors: 2, warnings: 5, notes: 0 }), '$(error) 2 $(warning) 5 MetaLint');
  assert.equal(logic.statusText({ errors: 0, warnings: 1, notes: 3 }), '$(error) 0 $(warning) 1 $(info) 3 MetaLint');
});
