using System.CommandLine;
using System.Runtime.InteropServices;

namespace Reconciler.Host.Cli;

/// <summary><c>recon version</c>: this binary's version, as <c>nomad version</c>; needs no agent.</summary>
public static class VersionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("version", "Print the version of recon.") { format };
        command.SetAction(parse =>
        {
            var version = new { Version = ReconVersion.Current, ReconVersion.Build, Runtime = RuntimeInformation.FrameworkDescription };
            var text = parse.GetValue(format) == OutputFormat.Table
                ? $"Reconciler v{version.Version}{(version.Build is null ? "" : $" ({version.Build})")}, {version.Runtime}"
                : OutputFormatOption.Render(version, parse.GetValue(format));
            session.Out.WriteLine(text);
            return 0;
        });
        return command;
    }
}
