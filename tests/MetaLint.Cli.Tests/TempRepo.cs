using LibGit2Sharp;
using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// A throwaway git repository built by a test.
public sealed class TempRepo : IDisposable
{
    private static readonly Signature Author = new("Ada Admin", "ada@example.com", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _folder = new("metalint-git-test-");

    public TempRepo()
    {
        Root = _folder.Root;
        Repository.Init(Root);
        Repo = new Repository(Root);
    }

    public string Root { get; }
    public Repository Repo { get; }

    public string Path(string rel) => System.IO.Path.Combine(Root, rel);

    public TempRepo Write(string rel, string content)
    {
        _folder.Write(rel, content);
        return this;
    }

    public TempRepo Stage(params string[] rels)
    {
        LibGit2Sharp.Commands.Stage(Repo, rels.Length == 0 ? ["*"] : rels);
        return this;
    }

    public string Commit(string message = "change") => CommitAs(Author.Name, Author.Email, message);

    /// Stages everything and commits it with this author (and committer).
    public string CommitAs(string name, string email, string message = "change")
    {
        LibGit2Sharp.Commands.Stage(Repo, "*");
        var who = new Signature(name, email, Author.When);
        return Repo.Commit(message, who, who).Sha;
    }

    public void Dispose()
    {
        Repo.Dispose();
        _folder.Dispose();
    }

    public static string Profile(params (string Name, bool Enabled)[] permissions) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <custom>true</custom>\n" +
        string.Concat(permissions.Select(p =>
            $"    <userPermissions>\n        <enabled>{(p.Enabled ? "true" : "false")}</enabled>\n        <name>{p.Name}</name>\n    </userPermissions>\n")) +
        "</Profile>\n";
}
