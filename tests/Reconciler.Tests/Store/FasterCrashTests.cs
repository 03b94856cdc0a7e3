using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store.Faster;
using Xunit.Abstractions;

namespace Reconciler.Tests.Store;

/// <summary>
/// Kill -9 safety: a child process (Reconciler.StoreCrashWriter) writes with several concurrent writers
/// and prints each acknowledged write; it is killed with SIGKILL at random moments, and every write it
/// acknowledged must be found after reopening, with revisions that have no gaps or duplicates.
/// </summary>
public sealed class FasterCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("reconciler-crash-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Every_acknowledged_write_survives_being_killed_at_random_moments()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var latestAck = new Dictionary<string, (long Revision, string Hash)>();
        long highestAcked = 0;

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var acks = await RunAndKillAsync(killAfterAcks: random.Next(1, 3000));
            acks.Select(a => a.Revision).Should().OnlyHaveUniqueItems($"cycle {cycle}: a revision was acknowledged twice");
            foreach (var ack in acks)
                if (!latestAck.TryGetValue(ack.Key, out var known) || known.Revision < ack.Revision) latestAck[ack.Key] = (ack.Revision, ack.Hash);
            if (acks.Count > 0) acks.Min(a => a.Revision).Should().BeGreaterThan(highestAcked, "revisions never go back after a crash");
            highestAcked = Math.Max(highestAcked, acks.Select(a => a.Revision).DefaultIfEmpty(0).Max());

            await VerifyAsync(latestAck, highestAcked, cycle);
        }
        output.WriteLine($"{latestAck.Count} keys, highest acknowledged revision {highestAcked}");
    }

    private async Task<List<(string Key, long Revision, string Hash)>> RunAndKillAsync(int killAfterAcks)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Reconciler.StoreCrashWriter.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [writer, _directory, "8"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var acks = new List<(string, long, string)>();
        var killed = false;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (parts[0] == "ack") acks.Add((parts[1], long.Parse(parts[2]), parts[3]));
            if (!killed && acks.Count >= killAfterAcks)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no checkpoint
                killed = true;
            }
        }
        await process.WaitForExitAsync();
        killed.Should().BeTrue($"the writer should run until killed; it exited with {process.ExitCode}: {await stderr}");
        return acks;
    }

    private async Task VerifyAsync(Dictionary<string, (long Revision, string Hash)> latestAck, long highestAcked, int cycle)
    {
        await using var store = await FasterResourceStore.OpenAsync(new FasterResourceStoreOptions { DataDirectory = _directory }, ResourceJson.Default);

        store.Revision.Should().BeGreaterThanOrEqualTo(highestAcked, $"cycle {cycle}: the store lost acknowledged revisions");
        foreach (var (key, (revision, hash)) in latestAck)
        {
            var stored = await store.GetAsync(ResourceKey.Parse(key));
            stored.Should().NotBeNull($"cycle {cycle}: {key} was acknowledged at revision {revision}");
            stored!.Metadata.ResourceVersion.Should().BeGreaterThanOrEqualTo(revision, $"cycle {cycle}: {key}");
            if (stored.Metadata.ResourceVersion == revision)
                ValueHash(stored.Metadata.Annotations["value"]).Should().Be(hash, $"cycle {cycle}: {key} at revision {revision}");
        }

        var logged = new List<long>();
        await foreach (var revision in store.ReadLoggedRevisionsAsync()) logged.Add(revision);
        if (logged.Count > 0)
        {
            logged.Should().Equal(Enumerable.Range(0, logged.Count).Select(i => logged[0] + i), $"cycle {cycle}: the log has a gap or a duplicate");
            logged[0].Should().BeLessThanOrEqualTo(store.CheckpointRevision + 1);
            logged[^1].Should().Be(store.Revision);
        }

        var after = await store.PutAsync(new Reconciler.Resources.Kinds.Namespace { Metadata = new ObjectMeta { Name = "after-crash" } });
        after.Metadata.ResourceVersion.Should().Be(store.Revision);
    }

    private static string ValueHash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
