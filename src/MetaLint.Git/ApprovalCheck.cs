using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;
using Commit = LibGit2Sharp.Commit;
using Signature = LibGit2Sharp.Signature;

namespace MetaLint.Git;

/// Vets the suppressions of findings a change introduces: an exception already on the base stands; one the change
/// adds stands only when its approver is listed in the base's approvers, authored none of the commits that changed
/// the finding's file, and authored the commit that added the exception. Inline comments cannot approve an
/// introduced finding. A refused suppression leaves the finding active and becomes an ML9003 finding.
internal sealed class ApprovalCheck(GitRepository git, Commit baseCommit, TrustedConfig trust)
{
    private readonly IReadOnlyList<Commit> _commits = git.CommitsSince(baseCommit);
    private readonly Dictionary<ExceptionEntry, (Commit? Commit, string? Problem)> _adders = [];
    private readonly Dictionary<string, HashSet<ExceptionEntry>> _parsed = [];   // rules.yml exceptions by commit

    public List<RejectedSuppression> Rejected { get; } = [];
    public List<ExceptionApproval> Approvals { get; } = [];

    /// The findings with every refused suppression removed.
    public List<Finding> Apply(IEnumerable<Finding> introduced)
    {
        var result = new List<Finding>();
        foreach (var f in introduced)
        {
            if (f.Suppression is not { } s) { result.Add(f); continue; }
            var approval = Judge(f, s);
            if (!Approvals.Contains(approval)) Approvals.Add(approval);
            if (approval.Honoured) { result.Add(f); continue; }
            Rejected.Add(new RejectedSuppression(f, s, approval.Verification));
            result.Add(f with { Suppression = null });
        }
        return result;
    }

    private ExceptionApproval Judge(Finding f, Suppression s)
    {
        if (s.Entry is not { } entry)
            return new(null, null, false, "an inline comment cannot accept a finding the change introduces; add an approved exception to rules.yml");
        if (!trust.Added.Contains(entry))
            return new(entry, entry.ApprovedBy, true, "exception already on the base");
        if (entry.ApprovedBy is not { } approver)
            return new(entry, null, false, "the exception the change adds names no approver (approvedBy)");
        if (!trust.Base.ApproversFor(f.RuleId).Any(a => a.Equals(approver, StringComparison.OrdinalIgnoreCase)))
            return new(entry, approver, false, $"approver {approver} is not in approvers for {f.RuleId} in the base's rules.yml");

        var file = Path.GetRelativePath(git.WorkDir, f.Location.File.FullPath).Replace('\\', '/');
        var changing = _commits.Where(c => GitRepository.Changes(c, file)).ToList();
        if (changing.FirstOrDefault(c => Is(approver, c.Author)) is { } own)
            return new(entry, approver, false, $"approver {approver} is the change's author (commit {Short(own)} changes {file})");

        var (adder, problem) = Adder(entry);
        if (problem != null) return new(entry, approver, false, problem);
        if (!Is(approver, adder!.Author))
            return new(entry, approver, false,
                $"the exception was added in commit {Short(adder)} by {adder.Author.Email}, not by its approver {approver}");
        return new(entry, approver, true,
            $"approver listed in the base's approvers for {f.RuleId}; exception added by them in commit {Short(adder)}; " +
            $"they authored none of the {changing.Count} commit(s) changing {file}", GitRepository.Info(adder));
    }

    /// The oldest commit of the change whose rules.yml holds the entry while its parents' do not.
    private (Commit? Commit, string? Problem) Adder(ExceptionEntry entry)
    {
        if (_adders.TryGetValue(entry, out var known)) return known;
        var key = TrustedConfig.Key(entry);
        var path = trust.ConfigPath!;
        bool Holds(Commit c) => Exceptions(c, path).Contains(key);
        var adder = _commits.FirstOrDefault(c => GitRepository.Changes(c, path) && Holds(c) && !c.Parents.Any(Holds));
        return _adders[entry] = adder != null
            ? (adder, null)
            : (null, "the exception is not in any commit of the change (uncommitted), so who added it cannot be verified");
    }

    private HashSet<ExceptionEntry> Exceptions(Commit c, string path)
    {
        if (_parsed.TryGetValue(c.Sha, out var known)) return known;
        HashSet<ExceptionEntry> keys;
        try
        {
            keys = GitRepository.ReadText(c, path) is { } text
                ? ConfigLoader.Parse(text, path).Exceptions.Select(TrustedConfig.Key).ToHashSet()
                : [];
        }
        catch (ConfigException) { keys = []; }   // a commit with a broken rules.yml added nothing
        return _parsed[c.Sha] = keys;
    }

    /// A person named by email or name, as git records the author.
    private static bool Is(string who, Signature s) =>
        who.Equals(s.Email, StringComparison.OrdinalIgnoreCase) || who.Equals(s.Name, StringComparison.OrdinalIgnoreCase);

    private static string Short(Commit c) => c.Sha[..7];
}
