using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>A job file as <c>job plan</c> and <c>job run</c> take it: read and checked here first, so an invalid file changes nothing on the server.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Text">Its content, sent as is.</param>
/// <param name="Job">The job it holds.</param>
public sealed record JobFile(string Path, string Text, Job Job)
{
    /// <summary>Reads <paramref name="path"/>; an error (with file:line:column) when it is missing, invalid, or not exactly one job.</summary>
    public static JobFile Read(string path)
    {
        if (!File.Exists(path)) throw new CommandException($"{path}: no such file; write one with `recon init` or check the path.");
        var text = File.ReadAllText(path);
        var read = ManifestReader.Default.Read(text, path);
        if (!read.IsValid) throw new CommandException($"{path} is not a valid job; fix the errors above (nothing was sent).", [.. read.Errors.Select(e => e.ToString())]);
        return read.Resources is [Job job]
            ? new JobFile(path, text, job)
            : throw new CommandException($"{path} must hold exactly one Job; it holds {(read.Resources.Count == 0 ? "none" : string.Join(", ", read.Resources.Select(r => r.Key.ToString())))}.");
    }

    /// <summary>The job's routes, e.g. <c>/v1/job/redis</c>.</summary>
    public string Route => JobRoute.Of(Job.Metadata.Name);

    /// <summary>The job's namespace.</summary>
    public string Namespace => Job.Key.Namespace!;
}
