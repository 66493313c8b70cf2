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
    public async Task Initialize_advertises_full_text_sync_with_open_close_and_save()
    {
        await using var fresh = new LspClient();
        var result = await fresh.Initialize();
        var sync = result.GetProperty("capabilities").GetProperty("textDocumentSync");
        sync.GetProperty("openClose").GetBoolean().ShouldBeTrue();
        sync.GetProperty("change").GetInt32().ShouldBe(1);
        sync.TryGetProperty("save", out _).ShouldBeTrue();
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
