using System.Text.Json.Nodes;
using Reconciler.Drivers.Exec;
using Reconciler.Drivers.Processes;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers.Tests.Processes;

/// <summary>
/// Process tasks in their own cgroups, with real processes: stop reaches a process that left the task's session, and the
/// memory limit is the one the kernel enforces on the task's cgroup.
/// </summary>
public sealed class TaskCgroupTests : IAsyncLifetime
{
    private readonly TaskDirectory _directory = new();
    private readonly ExecDriver _driver = new();
    private readonly List<string> _started = [];

    // A busybox shell that starts a child in a session of its own (setsid), as a daemonising program does.
    private const string Escape = "busybox setsid busybox sh -c 'echo $$ > escaped.pid; exec busybox sleep 1000' & echo started; wait";

    private async Task<(TaskConfiguration Task, TaskHandle Handle)> StartAsync(string name, string script)
    {
        var task = _directory.Task(name, new JsonObject { ["command"] = "busybox", ["args"] = new JsonArray("sh", "-c", script) },
            options => options.Resources = new TaskResources { MemoryMB = 48 });
        var started = await _driver.StartAsync(task, CancellationToken.None);
        started.Error.Should().BeNull();
        _started.Add(task.Id);
        return (task, started.Handle!);
    }

    [CgroupFact]
    public async Task Stop_kills_a_child_that_escaped_the_task_session_through_the_task_cgroup()
    {
        var (task, handle) = await StartAsync("escaper", Escape);
        var pidFile = Path.Combine(task.TaskDirectory, "escaped.pid");
        var escaped = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the escaped pid")).Trim());
        var leader = handle.State["pid"]!.GetValue<int>();
        await Eventually.TrueAsync(() => SessionOf(escaped) is { } session && session == escaped, "the child to lead a session of its own");
        SessionOf(escaped).Should().NotBe(leader, "the child left the task's session, so signalling the task's process group misses it");

        await _driver.StopAsync(task.Id, TimeSpan.FromSeconds(30), "SIGTERM", CancellationToken.None);

        await Eventually.TrueAsync(() => ProcessIdentity.Of(escaped) is null, $"escaped child {escaped} to be killed");
        var cgroup = handle.State["killCgroupPath"]!.GetValue<string>();
        await Eventually.TrueAsync(() => !Directory.Exists(cgroup), $"the task cgroup {cgroup} to be removed");
    }

    [CgroupFact]
    public async Task A_child_that_escaped_is_killed_when_the_task_exits_on_its_own()
    {
        var (task, handle) = await StartAsync("leaver", Escape.Replace("wait", "sleep 1", StringComparison.Ordinal));
        var pidFile = Path.Combine(task.TaskDirectory, "escaped.pid");
        var escaped = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the escaped pid")).Trim());

        (await _driver.WaitAsync(task.Id, CancellationToken.None)).ExitCode.Should().Be(0);

        ProcessIdentity.Of(escaped).Should().BeNull("a task's exit takes what it left behind with it");
        Directory.Exists(handle.State["killCgroupPath"]!.GetValue<string>()).Should().BeFalse("a task's cgroup goes when its processes have");
    }

    [CgroupFact(memory: true)]
    public async Task An_exec_task_runs_in_a_memory_cgroup_whose_limit_is_its_memoryMB()
    {
        var (task, _) = await StartAsync("limited", "echo $$ > self.pid; exec busybox sleep 1000");
        var pidFile = Path.Combine(task.TaskDirectory, "self.pid");
        var pid = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the task's pid")).Trim());

        var (directory, limitFile) = MemoryCgroupOf(pid);

        directory.Should().Contain(task.AllocationId, "the task has a cgroup of its own");
        File.ReadAllText(Path.Combine(directory, limitFile)).Trim().Should().Be((48L * 1024 * 1024).ToString());
    }

    [ProcessFact]
    public async Task The_fingerprint_says_how_far_a_stop_reaches()
    {
        var fingerprint = await _driver.FingerprintAsync(CancellationToken.None);

        fingerprint.Attributes["driver.exec.stop_scope"].Should().Be(_driver.KillCgroups.Supported ? "cgroup" : "process_group");
    }

    [CgroupFact]
    public async Task A_starting_driver_removes_empty_task_cgroups_left_behind_and_nothing_else()
    {
        var parent = KillCgroupSupport.Detect().ParentPath!;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var stale = Directory.CreateDirectory(Path.Combine(parent, $"sweep-{tag}-stale")).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(parent, $"sweep-{tag}-fresh")).FullName;
        var busy = Directory.CreateDirectory(Path.Combine(parent, $"sweep-{tag}-busy")).FullName;
        using var sleeper = System.Diagnostics.Process.Start("busybox", "sleep 60");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(busy, "cgroup.procs"), sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var old = DateTime.UtcNow - ProcessDriver.StaleCgroupAge - TimeSpan.FromMinutes(1);
            Directory.SetLastWriteTimeUtc(stale, old);
            Directory.SetLastWriteTimeUtc(busy, old);

            await using (new ExecDriver()) { }

            Directory.Exists(stale).Should().BeFalse("an empty task cgroup older than a minute was left behind by a killed agent");
            Directory.Exists(fresh).Should().BeTrue("a task starting now has its cgroup before its pid");
            Directory.Exists(busy).Should().BeTrue("a cgroup with a live process is a running task's");
        }
        finally
        {
            sleeper.Kill();
            await sleeper.WaitForExitAsync();
            foreach (var path in new[] { busy, fresh, stale })
                await Eventually.TrueAsync(() => Removed(path), $"{path} removed");
        }
    }

    // The kernel refuses to remove a cgroup for a moment after its last process died.
    private static bool Removed(string cgroup)
    {
        try
        {
            if (Directory.Exists(cgroup)) Directory.Delete(cgroup);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // The v1 memory hierarchy's line ("N:memory:/path") or, on a v2 machine with the memory controller, the unified
    // line ("0::/path"), resolved under /sys/fs/cgroup as the kernel mounts them.
    private static (string Directory, string LimitFile) MemoryCgroupOf(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/cgroup").Select(line => line.Split(':', 3)).ToList();
        if (lines.FirstOrDefault(parts => parts[1].Split(',').Contains("memory")) is { } v1)
            return ("/sys/fs/cgroup/memory" + v1[2], "memory.limit_in_bytes");
        var v2 = lines.Single(parts => parts[0] == "0");
        return ("/sys/fs/cgroup" + v2[2], "memory.max");
    }

    // Field 6 of /proc/PID/stat, after the command in parentheses: the session id.
    private static int? SessionOf(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path)) return null;
        var stat = File.ReadAllText(path);
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _started) await _driver.DestroyAsync(id, CancellationToken.None);
        await _driver.DisposeAsync();
        _directory.Dispose();
    }
}
