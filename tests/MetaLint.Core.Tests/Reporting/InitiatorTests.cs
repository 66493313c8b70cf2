using MetaLint.Core.Reporting.Evidence;

namespace MetaLint.Core.Tests.Reporting;

/// Who ran the check, from each CI's documented variables; the local user otherwise.
public sealed class InitiatorTests
{
    private static Initiator From(params (string Key, string Value)[] vars)
    {
        var env = vars.ToDictionary(v => v.Key, v => v.Value);
        return Initiator.FromEnvironment(k => env.GetValueOrDefault(k), "ada");
    }

    [Fact]
    public void GitHub_Actions_names_the_triggering_actor_and_the_run() =>
        From(("GITHUB_ACTIONS", "true"), ("GITHUB_ACTOR", "owner"), ("GITHUB_TRIGGERING_ACTOR", "octocat"), ("GITHUB_RUN_ID", "42"),
                ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "acme/org"), ("GITHUB_EVENT_NAME", "pull_request"))
            .ShouldBe(new Initiator("github-actions", "octocat", null, "42", "https://github.com/acme/org/actions/runs/42", "pull_request"));

    [Fact]
    public void GitLab_CI_names_the_user_and_pipeline() =>
        From(("GITLAB_CI", "true"), ("GITLAB_USER_LOGIN", "jdoe"), ("GITLAB_USER_EMAIL", "jdoe@example.com"), ("CI_PIPELINE_ID", "7"),
                ("CI_PIPELINE_URL", "https://gitlab.example.com/acme/org/-/pipelines/7"), ("CI_PIPELINE_SOURCE", "merge_request_event"))
            .ShouldBe(new Initiator("gitlab-ci", "jdoe", "jdoe@example.com", "7", "https://gitlab.example.com/acme/org/-/pipelines/7", "merge_request_event"));

    [Fact]
    public void Azure_Pipelines_names_who_requested_the_build() =>
        From(("TF_BUILD", "True"), ("BUILD_REQUESTEDFOR", "Jane Doe"), ("BUILD_REQUESTEDFOREMAIL", "jane@example.com"), ("BUILD_BUILDID", "99"),
                ("SYSTEM_COLLECTIONURI", "https://dev.azure.com/acme/"), ("SYSTEM_TEAMPROJECT", "Sales Org"), ("BUILD_REASON", "PullRequest"))
            .ShouldBe(new Initiator("azure-pipelines", "Jane Doe", "jane@example.com", "99", "https://dev.azure.com/acme/Sales%20Org/_build/results?buildId=99", "PullRequest"));

    [Fact]
    public void Bitbucket_names_the_step_triggerer() =>
        From(("BITBUCKET_BUILD_NUMBER", "12"), ("BITBUCKET_STEP_TRIGGERER_UUID", "{abc}"), ("BITBUCKET_REPO_FULL_NAME", "acme/org"), ("BITBUCKET_PR_ID", "3"))
            .ShouldBe(new Initiator("bitbucket-pipelines", "{abc}", null, "12", "https://bitbucket.org/acme/org/pipelines/results/12", "pull-request"));

    [Fact]
    public void Elsewhere_it_is_the_local_user() =>
        From(("GITHUB_ACTIONS", "false")).ShouldBe(new Initiator("local", "ada", null, null, null, null));
}
