using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Drivers.Docker;
using Reconciler.Drivers.Exec;
using Reconciler.Drivers.Java;
using Reconciler.Drivers.Mock;

namespace Reconciler.Drivers;

/// <summary>Registers the drivers this project ships: docker, exec, raw_exec, java and mock.</summary>
public static class BuiltInDrivers
{
    /// <summary>Adds every built-in driver to <paramref name="registry"/>.</summary>
    public static DriverRegistry AddBuiltInDrivers(this DriverRegistry registry, ILoggerFactory? loggers = null,
        TimeProvider? timeProvider = null, DockerDriverOptions? docker = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        return registry
            .Add(new DockerDriver(docker, loggers.CreateLogger<DockerDriver>(), timeProvider))
            .Add(new ExecDriver(loggers.CreateLogger<ExecDriver>(), timeProvider))
            .Add(new RawExecDriver(loggers.CreateLogger<RawExecDriver>(), timeProvider))
            .Add(new JavaDriver(loggers.CreateLogger<JavaDriver>(), timeProvider))
            .Add(new MockDriver(timeProvider));
    }
}
