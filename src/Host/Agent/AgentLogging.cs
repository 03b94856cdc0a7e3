using Microsoft.Extensions.Logging.Console;

namespace Reconciler.Host.Agent;

/// <summary>The agent's log: single lines on the console at the config's <c>log_level</c>; ASP.NET Core's own chatter only from warnings up.</summary>
public static class AgentLogging
{
    /// <summary>Sets up <paramref name="logging"/> for <paramref name="logLevel"/> (TRACE, DEBUG, INFO, WARN, ERROR or OFF).</summary>
    public static void Configure(ILoggingBuilder logging, string logLevel)
    {
        var level = Parse(logLevel);
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.SetMinimumLevel(level);
        logging.AddFilter("Microsoft", level == LogLevel.Trace ? LogLevel.Trace : LogLevel.Warning);
    }

    /// <summary>The log level a config's <c>log_level</c> names.</summary>
    public static LogLevel Parse(string logLevel) => logLevel.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "OFF" => LogLevel.None,
        _ => LogLevel.Information,
    };
}
