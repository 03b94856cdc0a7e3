using System.Text;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Client;
using Reconciler.Client.Access;
using Reconciler.Client.Runner;
using Reconciler.Client.Stats;
using Reconciler.Drivers.Logs;

namespace Reconciler.Tests.Client.Access;

public sealed class AllocationAccessLogTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("recon-logs-").FullName;
    private readonly ClientOptions _options;
    private readonly AllocationAccess _access;

    public AllocationAccessLogTests()
    {
        _options = new ClientOptions { NodeName = "node-1", DataDirectory = _data };
        var live = new LiveAllocations();
        var stats = new ClientStats(_options, new NodeIdentity(_options), live, new Reconciler.Informers.ResourceCache(), TimeProvider.System);
        _access = new AllocationAccess(_options, live, new AllocationWakeup(new ServiceCollection().BuildServiceProvider()), stats, TimeProvider.System);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    // Ten lines of 8 bytes in files of 20 bytes: lines straddle files, and the oldest files are deleted.
    private void WriteRotatedLog(int maxFiles = 10)
    {
        var files = new TaskLogFileSet(Path.Combine(_options.AllocationDirectory("a1"), "alloc", "logs"), "app", TaskLogStream.Stdout);
        using var writer = new RotatingLogWriter(files, new TaskLogLimits { MaxFiles = maxFiles, MaxFileSizeBytes = 20 });
        for (var i = 0; i < 10; i++) writer.Write(Encoding.UTF8.GetBytes($"line {i:D2}\n"));
        files.ExistingIndexes().Count.Should().BeGreaterThan(1, "the test is about a log split over files");
    }

    private async Task<string> ReadAsync(int? lines = null, long? bytes = null)
    {
        var text = new StringBuilder();
        await foreach (var chunk in _access.ReadLogsAsync(new LogRequest { AllocationId = "a1", TaskName = "app", TailLines = lines, TailBytes = bytes }, CancellationToken.None))
            text.Append(Encoding.UTF8.GetString(chunk.Span));
        return text.ToString();
    }

    [Fact]
    public async Task The_whole_log_is_read_across_its_rotated_files_in_order()
    {
        WriteRotatedLog();

        (await ReadAsync()).Should().Be(string.Concat(Enumerable.Range(0, 10).Select(i => $"line {i:D2}\n")));
    }

    [Fact]
    public async Task A_tail_by_lines_starts_in_an_older_file_when_the_lines_straddle_files()
    {
        WriteRotatedLog();

        (await ReadAsync(lines: 4)).Should().Be("line 06\nline 07\nline 08\nline 09\n");
    }

    [Fact]
    public async Task A_tail_by_bytes_starts_that_many_bytes_before_the_end()
    {
        WriteRotatedLog();

        (await ReadAsync(bytes: 11)).Should().Be("08\nline 09\n");
    }

    [Fact]
    public async Task A_tail_covers_only_the_files_still_kept()
    {
        WriteRotatedLog(maxFiles: 2);

        var tail = await ReadAsync(lines: 100);

        tail.Should().EndWith("line 09\n").And.NotContain("line 00");
    }

    [Fact]
    public async Task Logs_of_an_allocation_that_never_ran_here_are_refused_with_the_node_named()
    {
        var read = () => ReadAsync();

        (await read.Should().ThrowAsync<AllocationAccessException>()).WithMessage("*a1*node-1*");
    }
}
