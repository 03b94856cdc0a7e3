namespace Reconciler.Host.Agent;

/// <summary>The throwaway data directory of <c>recon agent -dev</c>: created under the temp folder, removed when the agent exits.</summary>
public sealed class DevDataDirectory : IDisposable
{
    /// <summary>The directory's path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("recon-dev-").FullName;

    /// <summary>Removes the directory and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
