using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.GitOps;

/// <summary>
/// The commit a directory is checked out at, read from <c>.git</c> the way Git stores it (no git binary): the nearest
/// <c>.git</c> at or above the directory (a folder, or a worktree's file pointing at one), its <c>HEAD</c>, and the
/// ref that names (a loose ref file, else <c>packed-refs</c>; a worktree's refs live in its common directory).
/// </summary>
public static class GitCheckout
{
    private const string RefPrefix = "ref: ";

    /// <summary>The checked-out commit, or null when the directory is in no Git checkout (or its branch has no commit yet).</summary>
    public static GitOpsRevision? ReadHead(string directory)
    {
        try
        {
            return GitDirectoryOf(Path.GetFullPath(directory)) is { } gitDir ? ReadHeadOf(gitDir) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? GitDirectoryOf(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return dotGit;
            if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal))
                return Path.GetFullPath(link["gitdir:".Length..].Trim(), dir.FullName);
        }
        return null;
    }

    private static GitOpsRevision? ReadHeadOf(string gitDir)
    {
        var headFile = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headFile)) return null;
        var head = File.ReadAllText(headFile).Trim();
        if (IsCommitId(head)) return new GitOpsRevision(head, GitOpsRevision.Git);
        if (!head.StartsWith(RefPrefix, StringComparison.Ordinal)) return null;
        var name = head[RefPrefix.Length..].Trim();
        return ResolveRef(gitDir, name) is { } commit ? new GitOpsRevision(commit, GitOpsRevision.Git, name) : null;
    }

    private static string? ResolveRef(string gitDir, string name)
    {
        var common = Path.Combine(gitDir, "commondir");
        string[] places = File.Exists(common) ? [gitDir, Path.GetFullPath(File.ReadAllText(common).Trim(), gitDir)] : [gitDir];
        foreach (var place in places)
        {
            var loose = Path.Combine(place, name);
            if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var id && IsCommitId(id)) return id;
            var packed = Path.Combine(place, "packed-refs");
            if (!File.Exists(packed)) continue;
            foreach (var line in File.ReadLines(packed))
                if (line.Split(' ') is [var commit, var refName] && refName == name && IsCommitId(commit)) return commit;
        }
        return null;
    }

    // SHA-1 (40) or SHA-256 (64) object ids.
    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
