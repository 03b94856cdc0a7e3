using System.CommandLine;

namespace Reconciler.Host.Cli.Init;

/// <summary><c>recon init</c>: writes <c>example.yaml</c> in the current directory, never over an existing file.</summary>
public static class InitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var command = new Command("init", $"Write an example job to {ExampleJob.FileName} in the current directory.");
        command.SetAction(_ =>
        {
            var path = Path.Combine(Directory.GetCurrentDirectory(), ExampleJob.FileName);
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.Write(ExampleJob.Yaml + "\n");
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new CommandException($"{ExampleJob.FileName} already exists in {Directory.GetCurrentDirectory()}; move it away or edit it, then `recon job plan {ExampleJob.FileName}`.");
            }
            session.Out.WriteLine($"Example job file written to {ExampleJob.FileName}");
            return 0;
        });
        return command;
    }
}
