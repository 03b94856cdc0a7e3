using Reconciler.Client.Environment;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Internal;

/// <summary>
/// What one client node may see and change through the node-facing store API: its own Node, the allocations placed on
/// it, and the jobs, evaluations, secrets (named in those jobs' templates) and volumes (named in their groups) those
/// allocations need. Everything else is out of its sight, and it writes only its node, its allocations' status and
/// evaluations of its jobs. One scope serves one request or one watch; it remembers which jobs run on the node until
/// an allocation of the node changes (<see cref="Forget"/>).
/// </summary>
public sealed class NodeScope(IResourceStore store, string node)
{
    private Dictionary<(string Namespace, string Job), Job?>? _jobs;

    /// <summary>The node this scope serves.</summary>
    public string Node => node;

    /// <summary>True when the node may read <paramref name="resource"/>.</summary>
    public async ValueTask<bool> CanReadAsync(Resource resource, CancellationToken cancellationToken) => resource switch
    {
        Node n => n.Metadata.Name == node,
        Allocation a => a.Spec.Node == node,
        Job or Evaluation => (await JobsAsync(cancellationToken)).ContainsKey((resource.Key.Namespace!, JobName(resource))),
        Secret s => (await JobsOfAsync(s.Key.Namespace!, cancellationToken)).Any(j => SecretNames(j).Contains(s.Metadata.Name)),
        Volume v => (await JobsOfAsync(v.Key.Namespace!, cancellationToken)).Any(j => VolumeNames(j).Contains(v.Metadata.Name)),
        _ => false,
    };

    /// <summary>
    /// True when the node may replace <paramref name="existing"/> (null: create) with <paramref name="incoming"/>: its own
    /// node, an allocation that stays on it, or an evaluation of a job it runs.
    /// </summary>
    public async ValueTask<bool> CanWriteAsync(Resource? existing, Resource incoming, CancellationToken cancellationToken) => incoming switch
    {
        Node n => n.Metadata.Name == node,
        Allocation a => a.Spec.Node == node && existing is Allocation { Spec.Node: var before } && before == node,
        Evaluation => await CanReadAsync(incoming, cancellationToken),
        _ => false,
    };

    /// <summary>Drops what the scope remembers about the node's jobs: an allocation of the node changed.</summary>
    public void Forget() => _jobs = null;

    private static string JobName(Resource resource) => resource switch
    {
        Evaluation e => e.Spec.Job,
        _ => resource.Metadata.Name,
    };

    private async ValueTask<IEnumerable<Job>> JobsOfAsync(string ns, CancellationToken cancellationToken) =>
        (await JobsAsync(cancellationToken)).Where(j => j.Key.Namespace == ns && j.Value is not null).Select(j => j.Value!);

    private async ValueTask<Dictionary<(string Namespace, string Job), Job?>> JobsAsync(CancellationToken cancellationToken)
    {
        if (_jobs is not null) return _jobs;
        var jobs = new Dictionary<(string Namespace, string Job), Job?>();
        var allocations = await store.ListAsync(new ListQuery("Allocation"), cancellationToken).ConfigureAwait(false);
        foreach (var allocation in allocations.Items.OfType<Allocation>().Where(a => a.Spec.Node == node))
        {
            (string Namespace, string Job) key = (allocation.Key.Namespace!, allocation.Spec.Job);
            if (jobs.ContainsKey(key)) continue;
            jobs[key] = await store.GetAsync(new ResourceKey("Job", key.Namespace, key.Job), cancellationToken).ConfigureAwait(false) as Job;
        }
        return _jobs = jobs;
    }

    private static HashSet<string> SecretNames(Job job) =>
        [.. job.Spec.Groups.SelectMany(g => g.Tasks).SelectMany(t => t.Templates).SelectMany(t => TemplateRenderer.SecretNames(t.Data))];

    private static HashSet<string> VolumeNames(Job job) =>
        [.. job.Spec.Groups.SelectMany(g => g.Volumes.Values).Select(v => v.Source)];
}
