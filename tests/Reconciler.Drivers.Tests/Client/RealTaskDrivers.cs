using System.Text.Json;

using Reconciler.Drivers.Docker;
using Reconciler.Drivers.Exec;
using Reconciler.Resources.Json;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// The exec and docker drivers for a client test bed, on real time (their processes and containers are real), and the
/// cleanup that destroys every task a test's clients left running, found through the handles they persisted.
/// </summary>
public sealed class RealTaskDrivers : IAsyncDisposable
{
    public ExecDriver Exec { get; } = new();
    public DockerDriver Docker { get; } = new();

    /// <summary>A registry over these drivers, for <see cref="ClientTestBed.StartAsync"/>.</summary>
    public DriverRegistry Registry(TimeProvider _) => new DriverRegistry().Add(Exec).Add(Docker);

    /// <summary>Lets go of the tasks without stopping them, as a client shutting down does.</summary>
    public async ValueTask DisposeAsync()
    {
        await Exec.DisposeAsync();
        await Docker.DisposeAsync();
    }

    /// <summary>Destroys every task that has a persisted handle under <paramref name="dataDirectory"/>, with fresh drivers.</summary>
    public static async Task DestroyLeftoversAsync(string dataDirectory)
    {
        var handles = Path.Combine(dataDirectory, "client", "handles");
        if (!Directory.Exists(handles)) return;
        await using var drivers = new RealTaskDrivers();
        foreach (var path in Directory.EnumerateFiles(handles, "*.json", SearchOption.AllDirectories))
        {
            var handle = JsonSerializer.Deserialize<TaskHandle>(await File.ReadAllTextAsync(path), ResourceJson.Options)!;
            ITaskDriver driver = handle.Driver == "docker" ? drivers.Docker : drivers.Exec;
            try
            {
                if ((await driver.RecoverAsync(handle, CancellationToken.None)).Recovered)
                    await driver.DestroyAsync(handle.Task.Id, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"cleanup of {handle.Driver} task {handle.Task.Id} failed: {exception.Message}");
            }
        }
    }
}
