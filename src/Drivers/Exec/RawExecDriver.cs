using Microsoft.Extensions.Logging;
using Reconciler.Drivers.Processes;

namespace Reconciler.Drivers.Exec;

/// <summary>The <c>raw_exec</c> driver: a process in its own session, without resource limits. Config: command, args.</summary>
public sealed class RawExecDriver(ILogger<RawExecDriver>? logger = null, TimeProvider? timeProvider = null)
    : ProcessDriver("raw_exec", limitMemory: false, logger, timeProvider);
