using System.Security.Cryptography;
using System.Text;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli;

namespace Reconciler.Host.GitOps;

/// <summary>
/// The manifests of the GitOps directory as one snapshot: every <c>.yaml</c>/<c>.yml</c> file under it (hidden ones,
/// <c>.git</c> included, skipped), named relative to it, and the revision they are: the Git commit checked out, else a
/// hash of the files' names and contents.
/// </summary>
/// <param name="Files">The files, in a stable order.</param>
/// <param name="Revision">Which version of the directory they are.</param>
public sealed record ManifestDirectory(IReadOnlyList<ManifestFile> Files, GitOpsRevision Revision)
{
    /// <summary>Reads <paramref name="path"/>; a missing or unreadable directory is a <see cref="IOException"/> saying what to fix.</summary>
    public static ManifestDirectory Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"gitops.path {path} is not a directory; check out the manifests there or point [gitops] path at them.");
        var files = new List<ManifestFile>();
        foreach (var file in DirectoryFiles.Find(path, DirectoryFiles.ManifestExtensions))
            files.Add(new ManifestFile(Path.GetRelativePath(path, file), File.ReadAllText(file)));
        return new ManifestDirectory(files, GitCheckout.ReadHead(path) ?? ContentHash(files));
    }

    private static GitOpsRevision ContentHash(IReadOnlyList<ManifestFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Content));
            hash.AppendData([0]);
        }
        return new GitOpsRevision($"sha256:{Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}", GitOpsRevision.Content);
    }
}
