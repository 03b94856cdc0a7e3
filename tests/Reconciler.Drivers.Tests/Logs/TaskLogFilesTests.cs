using System.Text;
using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Tests.Logs;

public sealed class TaskLogFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recon-logs-").FullName;

    private TaskLogFileSet Files => new(_directory, "web", TaskLogStream.Stdout);

    private static async Task<string> ReadAllAsync(TaskLogReader reader)
    {
        var text = new StringBuilder();
        await foreach (var chunk in reader.ReadAsync(follow: false, CancellationToken.None)) text.Append(Encoding.UTF8.GetString(chunk.Span));
        return text.ToString();
    }

    [Fact]
    public async Task The_writer_splits_output_at_the_size_limit_and_deletes_the_oldest_files_beyond_the_count()
    {
        using (var writer = new RotatingLogWriter(Files, new TaskLogLimits { MaxFiles = 2, MaxFileSizeBytes = 4 }))
            writer.Write("aaaabbbbccccdd"u8);

        Files.ExistingIndexes().Should().Equal(2, 3);
        File.ReadAllText(Files.PathOf(2)).Should().Be("cccc");
        File.ReadAllText(Files.PathOf(3)).Should().Be("dd");
        (await ReadAllAsync(new TaskLogReader(Files))).Should().Be("ccccdd");
    }

    [Fact]
    public void A_new_writer_continues_the_newest_file_so_an_agent_restart_keeps_the_log()
    {
        var limits = new TaskLogLimits { MaxFiles = 5, MaxFileSizeBytes = 4 };
        using (var writer = new RotatingLogWriter(Files, limits)) writer.Write("aaaabb"u8);
        using (var writer = new RotatingLogWriter(Files, limits))
        {
            writer.CurrentIndex.Should().Be(1);
            writer.Write("cc"u8);
        }

        File.ReadAllText(Files.PathOf(1)).Should().Be("bbcc");
    }

    [Fact]
    public async Task A_follower_waits_for_the_first_file_and_follows_the_writer_across_rotations()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = new TaskLogReader(Files) { PollInterval = TimeSpan.FromMilliseconds(10) };
        var seen = new StringBuilder();

        var follow = Task.Run(async () =>
        {
            await foreach (var chunk in reader.ReadAsync(follow: true, cancel.Token))
            {
                seen.Append(Encoding.UTF8.GetString(chunk.Span));
                if (seen.ToString().EndsWith("end", StringComparison.Ordinal)) return;
            }
        });
        // The writer is created after the follower began: the follower waits for the first file.
        using var writer = new RotatingLogWriter(Files, new TaskLogLimits { MaxFiles = 3, MaxFileSizeBytes = 3 });
        writer.Write("one"u8);
        await WaitUntilAsync(() => seen.ToString() == "one");
        writer.Write("two"u8);
        writer.Write("end"u8);
        await follow;

        seen.ToString().Should().Be("onetwoend");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
