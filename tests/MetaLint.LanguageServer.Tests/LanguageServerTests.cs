using System.Text.Json;
using MetaLint.Tests.Support;

namespace MetaLint.LanguageServer.Tests;

/// `metalint lsp` end to end over an in-memory pipe: what an editor sends, what it gets back.
public sealed class LanguageServerTests : IAsyncLifetime
{
    private readonly TempFolder _root = new("metalint-lsp-");
    private readonly LspClient _client = new();

    private string Profile => Path.Combine(_root.Root, "force-app", "profiles", "Admin.profile-meta.xml");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Profile)!);
        await File.WriteAllTextAsync(Profile, ProfileWith());
        await _client.Initialize();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _root.Dispose();
    }

    private static string ProfileWith(params string[] permissions) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        string.Concat(permissions.Select(p =>
            $"    <userPermissions>\n        <enabled>true</enabled>\n        <name>{p}</name>\n    </userPermissions>\n")) +
        "</Profile>\n";

    private static string[] Codes(JsonElement published) =>
        published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task Initialize_advertises_incremental_sync_hover_code_actions_and_the_documentation_command()
    {
        await using var fresh = new LspClient();
        var result = await fresh.Initialize();
        var capabilities = result.GetProperty("capabilities");
        var sync = capabilities.GetProperty("textDocumentSync");
        sync.GetProperty("openClose").GetBoolean().ShouldBeTrue();
        sync.GetProperty("change").GetInt32().ShouldBe(2);
        sync.TryGetProperty("save", out _).ShouldBeTrue();
        capabilities.GetProperty("hoverProvider").GetBoolean().ShouldBeTrue();
        capabilities.GetProperty("codeActionProvider").GetProperty("codeActionKinds")[0].GetString().ShouldBe("quickfix");
        capabilities.GetProperty("executeCommandProvider").GetProperty("commands")[0].GetString()
            .ShouldBe("metalint.server.openDocumentation");
        result.GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("metalint");
    }

    [Fact]
    public async Task Opened_document_gets_its_findings_as_zero_based_diagnostics()
    {
        await _client.Open(Profile, ProfileWith("ModifyAllData"), version: 3);
        var published = await _client.Diagnostics();

        published.GetProperty("uri").GetString().ShouldBe(LspClient.Uri(Profile));
        published.GetProperty("version").GetInt32().ShouldBe(3);
        var d = published.GetProperty("diagnostics").EnumerateArray().Single();
        d.GetProperty("code").GetString().ShouldBe("ML1001");
        d.GetProperty("severity").GetInt32().ShouldBe(1);
        d.GetProperty("source").GetString().ShouldBe("metalint");
        d.GetProperty("message").GetString()!.ShouldContain("ModifyAllData");
        d.GetProperty("codeDescription").GetProperty("href").GetString()!.ShouldEndWith("rules/ML1001.md");
        // The <name> element sits on line 5, column 9 (1-based) of the file: 4 and 8 in LSP's 0-based positions.
        var range = d.GetProperty("range");
        range.GetProperty("start").GetProperty("line").GetInt32().ShouldBe(4);
        range.GetProperty("start").GetProperty("character").GetInt32().ShouldBe(8);
        range.GetProperty("end").GetProperty("line").GetInt32().ShouldBe(4);
        range.GetProperty("end").GetProperty("character").GetInt32().ShouldBe(8 + "<name>ModifyAllData</name>".Length);
    }

    [Fact]
    public async Task Diagnostics_follow_the_editor_text_not_the_file_on_disk()
    {
        await _client.Open(Profile, ProfileWith("ViewAllData"));   // the disk holds a clean profile
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);

        await _client.Change(Profile, ProfileWith("ViewAllData", "ModifyAllData"), version: 2);
        var changed = await _client.Diagnostics();
        Codes(changed).Order().ShouldBe(["ML1001", "ML1002"]);
        changed.GetProperty("version").GetInt32().ShouldBe(2);

        await _client.Change(Profile, ProfileWith(), version: 3);
        Codes(await _client.Diagnostics()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_text_is_one_ML0001_where_parsing_stopped()
    {
        await _client.Open(Profile, "<?xml version=\"1.0\"?>\n<Profile>\n    <userPermissions>\n</Profile>\n");
        var d = (await _client.Diagnostics()).GetProperty("diagnostics").EnumerateArray().Single();
        d.GetProperty("code").GetString().ShouldBe("ML0001");
        d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Inline_suppressions_and_rules_yml_apply_and_saving_rules_yml_rechecks_open_documents()
    {
        var suppressed = ProfileWith("ModifyAllData").Replace("        <name>",
            "        <!-- metalint-disable-next-line ML1001: break-glass admin, ticket SEC-1 -->\n        <name>");
        await _client.Open(Profile, suppressed);
        Codes(await _client.Diagnostics()).ShouldBeEmpty();

        await _client.Change(Profile, ProfileWith("ModifyAllData", "ViewAllData"), version: 2);
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);

        var rules = Path.Combine(_root.Root, "rules.yml");
        await File.WriteAllTextAsync(rules, "rules:\n  ML1002:\n    enabled: false\n");
        await _client.Save(rules);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);
    }

    [Fact]
    public async Task A_broken_rules_yml_is_shown_and_the_document_is_still_checked_with_the_defaults()
    {
        await File.WriteAllTextAsync(Path.Combine(_root.Root, "rules.yml"), "rules: [unclosed\n");
        await _client.Open(Profile, ProfileWith("ModifyAllData"));
        var message = await _client.Message();
        message.GetProperty("type").GetInt32().ShouldBe(1);
        message.GetProperty("message").GetString()!.ShouldContain("rules.yml");
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);

        // Shown once, not again on every keystroke while rules.yml stays broken.
        await _client.Change(Profile, ProfileWith("ModifyAllData", "ViewAllData"), version: 2);
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);
        await _client.Change(Profile, ProfileWith("ViewAllData"), version: 3);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);
        _client.UnreadMessages.ShouldBe(0);

        // The error is also a diagnostic on rules.yml itself, at the line `metalint check` names.
        var onRules = await _client.ConfigDiagnostics();
        onRules.GetProperty("uri").GetString().ShouldBe(LspClient.Uri(_root.Path("rules.yml")));
        var d = onRules.GetProperty("diagnostics").EnumerateArray().Single();
        d.GetProperty("message").GetString()!.ShouldStartWith("invalid YAML");
        d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_unsaved_rules_yml_buffer_rechecks_open_documents_and_gets_its_own_diagnostics()
    {
        var rules = _root.Path("rules.yml");
        await File.WriteAllTextAsync(rules, "rules: {}\n");
        await _client.Open(Profile, ProfileWith("ModifyAllData", "ViewAllData"));
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);

        await _client.Open(rules, "rules: {}\n", languageId: "yaml");
        await _client.Change(rules, "rules:\n  ML1002:\n    enabled: false\n", version: 2);   // not saved
        await DiagnosticsUntil(["ML1001"]);   // opening rules.yml may recheck with the old rules first

        await _client.Change(rules, "rules:\n  ML1002:\n    enabled: false\n  ML9999: {}\n", version: 3);
        var error = await _client.ConfigDiagnostics();
        error.GetProperty("version").GetInt32().ShouldBe(3);
        var d = error.GetProperty("diagnostics").EnumerateArray().Single();
        d.GetProperty("message").GetString()!.ShouldContain("unknown rule id 'ML9999'");
        d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(3);
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);   // the defaults meanwhile

        await _client.Change(rules, "rules:\n  ML1001:\n    enabled: false\n", version: 4);
        (await _client.ConfigDiagnostics()).GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);

        // Closing the buffer goes back to the file on disk.
        await _client.Close(rules);
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);
    }

    /// Reads published diagnostics until they hold exactly codes (a recheck may publish the same state in between).
    private async Task DiagnosticsUntil(string[] codes)
    {
        while (!Codes(await _client.Diagnostics()).Order().SequenceEqual(codes)) { }
    }

    [Fact]
    public async Task Config_option_applies_one_rules_yml_to_every_document_instead_of_the_nearest()
    {
        await File.WriteAllTextAsync(_root.Path("rules.yml"), "rules: {}\n");
        var elsewhere = _root.Path("ci", "strict.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        await File.WriteAllTextAsync(elsewhere, "rules:\n  ML1001:\n    enabled: false\n");
        await using var configured = new LspClient(new MetaLintLanguageServer.Options(ConfigPath: elsewhere));
        await configured.Initialize();
        await configured.Open(Profile, ProfileWith("ModifyAllData", "ViewAllData"));
        Codes(await configured.Diagnostics()).ShouldBe(["ML1002"]);
    }

    [Fact]
    public async Task An_invalid_baseline_option_is_shown_once_and_documents_are_checked_with_the_bundled_standard()
    {
        var baseline = _root.Path("baseline.xml");
        await File.WriteAllTextAsync(baseline, "not a baseline\n");
        await using var configured = new LspClient(new MetaLintLanguageServer.Options(BaselinePath: baseline));
        await configured.Initialize();
        await configured.Open(Profile, ProfileWith("ModifyAllData"));
        (await configured.Message()).GetProperty("message").GetString()!.ShouldStartWith("metalint: invalid baseline:");
        Codes(await configured.Diagnostics()).ShouldBe(["ML1001"]);
        await configured.Change(Profile, ProfileWith("ViewAllData"), version: 2);
        Codes(await configured.Diagnostics()).ShouldBe(["ML1002"]);
        configured.UnreadMessages.ShouldBe(0);
    }

    [Fact]
    public async Task A_watched_file_change_rechecks_open_documents()
    {
        await _client.Open(Profile, ProfileWith("ModifyAllData", "ViewAllData"));
        Codes(await _client.Diagnostics()).Order().ShouldBe(["ML1001", "ML1002"]);
        var rules = _root.Path("rules.yml");
        await File.WriteAllTextAsync(rules, "rules:\n  ML1001:\n    enabled: false\n");
        await _client.Notify("workspace/didChangeWatchedFiles",
            new { changes = new[] { new { uri = LspClient.Uri(rules), type = 1 } } });
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);
    }

    [Fact]
    public async Task Clients_that_register_dynamically_are_asked_to_watch_the_configuration_files()
    {
        await using var fresh = new LspClient();
        await fresh.Initialize(new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } });
        var registration = (await fresh.Registration()).GetProperty("registrations")[0];
        registration.GetProperty("method").GetString().ShouldBe("workspace/didChangeWatchedFiles");
        registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray()
            .Select(w => w.GetProperty("globPattern").GetString()).ShouldBe(
                ["**/rules.yml", "**/sfdx-project.json", "**/.forceignore"]);
    }

    [Fact]
    public async Task Incremental_changes_apply_at_their_utf16_positions()
    {
        // An astral character (two UTF-16 units) before the edit on the same line: positions count UTF-16 units.
        var text = ProfileWith("ViewAllData").Replace("<Profile ", "<!-- \U0001F512 --><Profile ");
        await _client.Open(Profile, text);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);
        var line = "<!-- \U0001F512 --><Profile ".Length;   // 0-based line 1 starts with it
        line.ShouldBe(20);
        // Line 4 (0-based) is "        <name>ViewAllData</name>": replace "View" with "Modify".
        await _client.Edit(Profile, 2, 4, 14, 4, 18, "Modify");
        var changed = await _client.Diagnostics();
        changed.GetProperty("version").GetInt32().ShouldBe(2);
        Codes(changed).ShouldBe(["ML1001"]);
        // An insertion after the astral character: a wrong count would break the comment.
        await _client.Edit(Profile, 3, 1, 7, 1, 7, "x");
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);
        await _client.Edit(Profile, 4, 1, 0, 1, 0, "\n");   // a line break moves the finding a line down
        var moved = (await _client.Diagnostics()).GetProperty("diagnostics")[0];
        moved.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task A_byte_order_mark_in_the_editor_text_is_no_parse_error()
    {
        await _client.Open(Profile, "\uFEFF" + ProfileWith("ModifyAllData"));
        var d = (await _client.Diagnostics()).GetProperty("diagnostics").EnumerateArray().Single();
        d.GetProperty("code").GetString().ShouldBe("ML1001");
        d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Hover_on_a_finding_shows_the_rule_title_why_it_matters_and_the_fix()
    {
        await _client.Open(Profile, ProfileWith("ModifyAllData"));
        await _client.Diagnostics();
        var hover = await _client.Request("textDocument/hover",
            new { textDocument = new { uri = LspClient.Uri(Profile) }, position = new { line = 4, character = 12 } });
        var markdown = hover.GetProperty("contents");
        markdown.GetProperty("kind").GetString().ShouldBe("markdown");
        var value = markdown.GetProperty("value").GetString()!;
        value.ShouldStartWith("**ML1001: Modify All Data granted**");
        value.ShouldContain("#### Why it matters\nHolders can read, edit, delete");
        value.ShouldContain("#### How to fix\n- In a profile, set `<enabled>false</enabled>`");
        hover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().ShouldBe(4);

        var elsewhere = await _client.Request("textDocument/hover",
            new { textDocument = new { uri = LspClient.Uri(Profile) }, position = new { line = 0, character = 0 } });
        elsewhere.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private async Task<JsonElement[]> ActionsFor(JsonElement diagnostic) =>
        (await _client.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.Uri(Profile) },
            range = diagnostic.GetProperty("range"),
            context = new { diagnostics = new[] { diagnostic } },
        })).EnumerateArray().ToArray();

    /// Applies a code action's single text edit to text.
    private string ApplyEdit(string text, JsonElement action)
    {
        var edit = action.GetProperty("edit").GetProperty("changes").GetProperty(LspClient.Uri(Profile)).EnumerateArray().Single();
        var lines = text.Split('\n');
        int Offset(JsonElement p) => lines.Take(p.GetProperty("line").GetInt32()).Sum(l => l.Length + 1) + p.GetProperty("character").GetInt32();
        var range = edit.GetProperty("range");
        var (start, end) = (Offset(range.GetProperty("start")), Offset(range.GetProperty("end")));
        return text[..start] + edit.GetProperty("newText").GetString() + text[end..];
    }

    [Fact]
    public async Task Code_actions_set_a_user_permission_to_false_suppress_it_inline_and_open_its_page()
    {
        var text = ProfileWith("ViewAllData", "ModifyAllData");
        await _client.Open(Profile, text);
        var diagnostics = (await _client.Diagnostics()).GetProperty("diagnostics").EnumerateArray().ToArray();
        var modifyAll = diagnostics.Single(d => d.GetProperty("code").GetString() == "ML1001");
        var actions = await ActionsFor(modifyAll);
        actions.Select(a => a.GetProperty("title").GetString())
            .ShouldBe(["Set to false", "Suppress ML1001 on this line", "Open documentation for ML1001"]);

        // Set to false: the ModifyAllData block's <enabled> only; the other finding remains.
        var fixedText = ApplyEdit(text, actions[0]);
        actions[0].GetProperty("kind").GetString().ShouldBe("quickfix");
        fixedText.ShouldBe(text.Replace(
            "<enabled>true</enabled>\n        <name>ModifyAllData", "<enabled>false</enabled>\n        <name>ModifyAllData"));
        await _client.Change(Profile, fixedText, version: 2);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);

        // Suppress: a directive line above the finding, same indentation, that the checker accepts (with ML9001
        // still asking for a real reason only if the placeholder were empty).
        var suppressed = ApplyEdit(text, actions[1]);
        suppressed.ShouldContain("        <!-- metalint-disable-next-line ML1001: TODO give the reason -->\n        <name>ModifyAllData</name>");
        await _client.Change(Profile, suppressed, version: 3);
        Codes(await _client.Diagnostics()).ShouldBe(["ML1002"]);

        var docs = actions[2].GetProperty("command");
        docs.GetProperty("command").GetString().ShouldBe("metalint.server.openDocumentation");
        docs.GetProperty("arguments")[0].GetString()!.ShouldEndWith("rules/ML1001.md");
    }

    [Fact]
    public async Task Set_to_false_on_an_object_permission_flips_the_flag_the_finding_points_at()
    {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                   "    <objectPermissions>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>true</modifyAllRecords>\n" +
                   "        <object>Account</object>\n        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n</Profile>\n";
        await _client.Open(Profile, text);
        var diagnostics = (await _client.Diagnostics()).GetProperty("diagnostics").EnumerateArray().ToArray();
        var modifyAll = diagnostics.Single(d => d.GetProperty("code").GetString() == "ML1003");
        var setFalse = (await ActionsFor(modifyAll)).First();
        setFalse.GetProperty("title").GetString().ShouldBe("Set to false");
        var fixedText = ApplyEdit(text, setFalse);
        fixedText.ShouldBe(text.Replace("<modifyAllRecords>true", "<modifyAllRecords>false"));
        await _client.Change(Profile, fixedText, version: 2);
        Codes(await _client.Diagnostics()).ShouldNotContain("ML1003");
    }

    [Fact]
    public async Task Opening_the_documentation_asks_the_client_to_show_the_rule_page()
    {
        await using var fresh = new LspClient();
        await fresh.Initialize(new { window = new { showDocument = new { support = true } } });
        await fresh.Request("workspace/executeCommand",
            new { command = "metalint.server.openDocumentation", arguments = new[] { "https://example.test/rules/ML1001.md" } });
        var shown = await fresh.ShowDocument();
        shown.GetProperty("uri").GetString().ShouldBe("https://example.test/rules/ML1001.md");
        shown.GetProperty("external").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_requests_and_before_initialize_not_initialized()
    {
        await using var fresh = new LspClient();
        var early = await Should.ThrowAsync<StreamJsonRpc.RemoteInvocationException>(() => fresh.Request("textDocument/hover",
            new { textDocument = new { uri = LspClient.Uri(Profile) }, position = new { line = 0, character = 0 } }));
        early.ErrorCode.ShouldBe(-32002);
        await fresh.Initialize();
        await fresh.Request("shutdown");
        var late = await Should.ThrowAsync<StreamJsonRpc.RemoteInvocationException>(() => fresh.Request("textDocument/hover",
            new { textDocument = new { uri = LspClient.Uri(Profile) }, position = new { line = 0, character = 0 } }));
        late.ErrorCode.ShouldBe(-32600);
    }

    [Fact]
    public async Task Invalid_parameters_are_answered_and_logged_and_the_server_goes_on()
    {
        // StreamJsonRpc reports -32601 and -32602 as "method not found"; the code tells them apart.
        var bad = await Should.ThrowAsync<StreamJsonRpc.RemoteMethodNotFoundException>(() =>
            _client.Request("textDocument/hover", new { textDocument = new { } }));
        bad.ErrorCode.ShouldBe(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams);
        (await _client.Log()).GetProperty("message").GetString()!.ShouldContain("textDocument/hover");
        await _client.Notify("textDocument/didChange", new { textDocument = new { uri = "file:///not/open.xml" }, contentChanges = Array.Empty<object>() });
        (await _client.Log()).GetProperty("type").GetInt32().ShouldBe(1);
        await _client.Open(Profile, ProfileWith("ModifyAllData"));
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);
    }

    [Fact]
    public async Task Editor_text_is_already_decoded_so_a_declared_utf16_encoding_does_not_matter()
    {
        await _client.Open(Profile, ProfileWith("ModifyAllData").Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""));
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);
    }

    [Fact]
    public async Task Rapid_changes_end_with_the_diagnostics_of_the_last_version()
    {
        await _client.Open(Profile, ProfileWith());
        Codes(await _client.Diagnostics()).ShouldBeEmpty();
        for (var v = 2; v <= 6; v++)
            await _client.Change(Profile, v % 2 == 0 ? ProfileWith("ModifyAllData") : ProfileWith("ViewAllData"), version: v);
        // Versions superseded before their turn are skipped; whatever is published comes in order and ends at 6.
        var versions = new List<int>();
        JsonElement last;
        do
        {
            last = await _client.Diagnostics();
            versions.Add(last.GetProperty("version").GetInt32());
        } while (versions[^1] != 6);
        versions.ShouldBeInOrder();
        Codes(last).ShouldBe(["ML1001"]);
    }

    [Fact]
    public async Task Outside_a_project_rules_yml_patterns_are_relative_to_its_folder_not_the_servers()
    {
        await File.WriteAllTextAsync(Path.Combine(_root.Root, "rules.yml"), "exclude:\n  - force-app/profiles/Admin.profile-meta.xml\n");
        await _client.Open(Profile, ProfileWith("ModifyAllData"));
        Codes(await _client.Diagnostics()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Documents_that_are_not_metadata_get_no_diagnostics()
    {
        var readme = Path.Combine(_root.Root, "README.md");
        await File.WriteAllTextAsync(readme, "# not metadata\n");
        await _client.Open(readme, "<Profile><userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions></Profile>");
        Codes(await _client.Diagnostics()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics()
    {
        await _client.Open(Profile, ProfileWith("ModifyAllData"));
        Codes(await _client.Diagnostics()).ShouldBe(["ML1001"]);
        await _client.Close(Profile);
        var cleared = await _client.Diagnostics();
        cleared.GetProperty("uri").GetString().ShouldBe(LspClient.Uri(Profile));
        Codes(cleared).ShouldBeEmpty();
    }

    [Fact]
    public async Task Exit_after_shutdown_ends_with_0_and_without_it_with_1()
    {
        await using (var polite = new LspClient())
        {
            await polite.Initialize();
            await polite.Request("shutdown");
            await polite.Notify("exit");
            (await polite.Running.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);
        }
        await using var abrupt = new LspClient();
        await abrupt.Initialize();
        await abrupt.Notify("exit");
        (await abrupt.Running.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(1);
    }
}
