using System.CommandLine;

namespace Reconciler.Host.Cli.Validate;

/// <summary><c>recon validate PATH...</c>: checks manifests (.yaml, .yml) and agent configs (.toml) without contacting an agent.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or directories (searched recursively) of .yaml/.yml manifests and .toml agent configs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check manifests and agent configs; print every error with file:line:column and field path.")
        {
            paths,
        };
        command.SetAction(parse =>
        {
            var report = new FileValidator().Validate(parse.GetValue(paths) ?? []);
            report.WriteTo(output, error);
            return report.IsValid ? 0 : 1;
        });
        return command;
    }
}
