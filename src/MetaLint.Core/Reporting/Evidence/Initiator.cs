namespace MetaLint.Core.Reporting.Evidence;

/// Who ran the check: the CI identity when a known CI runs it (GitHub Actions, GitLab CI, Azure Pipelines,
/// Bitbucket Pipelines), else the local user. The commit's author and committer are recorded apart.
internal sealed record Initiator(string Source, string? User, string? Email, string? RunId, string? RunUrl, string? Event)
{
    /// Reads the variables each CI documents; env looks one up (null when unset).
    public static Initiator FromEnvironment(Func<string, string?> env, string localUser)
    {
        string? Get(string name) => env(name) is { Length: > 0 } v ? v : null;
        if (Get("GITHUB_ACTIONS") == "true")
            return new("github-actions", Get("GITHUB_TRIGGERING_ACTOR") ?? Get("GITHUB_ACTOR"), null, Get("GITHUB_RUN_ID"),
                Get("GITHUB_SERVER_URL") is { } server && Get("GITHUB_REPOSITORY") is { } repo && Get("GITHUB_RUN_ID") is { } run
                    ? $"{server}/{repo}/actions/runs/{run}" : null,
                Get("GITHUB_EVENT_NAME"));
        if (Get("GITLAB_CI") == "true")
            return new("gitlab-ci", Get("GITLAB_USER_LOGIN"), Get("GITLAB_USER_EMAIL"), Get("CI_PIPELINE_ID"),
                Get("CI_PIPELINE_URL"), Get("CI_PIPELINE_SOURCE"));
        if (string.Equals(Get("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
            return new("azure-pipelines", Get("BUILD_REQUESTEDFOR"), Get("BUILD_REQUESTEDFOREMAIL"), Get("BUILD_BUILDID"),
                Get("SYSTEM_COLLECTIONURI") is { } org && Get("SYSTEM_TEAMPROJECT") is { } project && Get("BUILD_BUILDID") is { } id
                    ? $"{org.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={id}" : null,
                Get("BUILD_REASON"));
        if (Get("BITBUCKET_BUILD_NUMBER") is { } build)
            return new("bitbucket-pipelines", Get("BITBUCKET_STEP_TRIGGERER_UUID"), null, build,
                Get("BITBUCKET_REPO_FULL_NAME") is { } full ? $"https://bitbucket.org/{full}/pipelines/results/{build}" : null,
                Get("BITBUCKET_PR_ID") != null ? "pull-request" : Get("BITBUCKET_BRANCH") != null ? "push" : null);
        return new("local", localUser, null, null, null, null);
    }
}
