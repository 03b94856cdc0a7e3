using System.Text.Json;
using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Cli.Contexts;

/// <summary>
/// The contexts file, <c>config</c> in <see cref="CliEnvironment.ConfigDirectory"/> (<c>~/.recon/config</c>): JSON holding
/// the contexts by name and the current one. It holds tokens, so it is written with mode 0600 in a 0700 directory.
/// </summary>
public sealed record ContextFile
{
    private const string FileName = "config";

    /// <summary>The context commands use when no flag or variable says otherwise; null for none.</summary>
    public string? CurrentContext { get; init; }

    /// <summary>Every context by name.</summary>
    public IReadOnlyDictionary<string, ReconContext> Contexts { get; init; } = new Dictionary<string, ReconContext>();

    /// <summary>The current context, or null.</summary>
    public ReconContext? Current => CurrentContext is not null && Contexts.TryGetValue(CurrentContext, out var context) ? context : null;

    /// <summary>The path of the file in <paramref name="directory"/>.</summary>
    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>Reads the file; an empty one when it does not exist; a <see cref="CommandException"/> when it is not valid.</summary>
    public static ContextFile Load(string directory)
    {
        var path = PathIn(directory);
        if (!File.Exists(path)) return new ContextFile();
        try
        {
            return JsonSerializer.Deserialize<ContextFile>(File.ReadAllText(path), ApiJson.Options) ?? new ContextFile();
        }
        catch (JsonException e)
        {
            throw new CommandException($"{path} is not a valid contexts file ({e.Message}); fix it or remove it and set the contexts again.");
        }
    }

    /// <summary>Writes the file atomically with mode 0600 (the directory 0700).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = PathIn(directory);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, this, new JsonSerializerOptions(ApiJson.Options) { WriteIndented = true });
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }
}
