using MetaLint.Core.Reporting;

namespace MetaLint.Core.Tests.Reporting;

public class VersionControlTests
{
    [Theory]
    [InlineData("https://github.com/acme/org.git", "https://github.com/acme/org.git")]
    [InlineData("https://ci-bot:ghp_secret@github.com/acme/org.git", "https://github.com/acme/org.git")]
    [InlineData("git@github.com:acme/org.git", "https://github.com/acme/org.git")]
    [InlineData("ssh://git@example.com:2222/acme/org.git", "ssh://example.com:2222/acme/org.git")]
    public void Repository_uri_never_carries_credentials(string remote, string expected) =>
        VersionControl.RepositoryUri(remote)!.ToString().ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/srv/git/org.git")]
    [InlineData("../sibling")]
    public void Local_or_missing_remotes_give_none(string? remote) => VersionControl.RepositoryUri(remote).ShouldBeNull();
}
