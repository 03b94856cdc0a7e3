namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// One test's client data directory and real drivers. Disposing lets the drivers go, destroys every task the test's
/// clients left running (found through their persisted handles) and deletes the directory.
/// </summary>
public sealed class RealClientData(string prefix) : IAsyncDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
    public RealTaskDrivers Drivers { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Drivers.DisposeAsync();
        await RealTaskDrivers.DestroyLeftoversAsync(Directory);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
