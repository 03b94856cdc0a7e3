using Microsoft.Extensions.Logging;
using Reconciler.Drivers.Processes;

namespace Reconciler.Drivers.Exec;

/// <summary>
/// The <c>exec</c> driver: a process in its own session with a cgroup memory limit where the
/// machine allows one (reported as <c>driver.exec.memory_limits</c>). Config: command, args.
/// </summary>
public sealed class ExecDriver(ILogger<ExecDriver>? logger = null, TimeProvider? timeProvider = null)
    : ProcessDriver("exec", limitMemory: true, logger, timeProvider);
