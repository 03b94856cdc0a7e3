using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Jobs;

/// <summary>What the job, allocation and node routes read from a request: the namespace, a job body, a stored object.</summary>
public sealed class JobRequests(IResourceStore store, ManifestReader reader)
{
    /// <summary>The <c>?namespace=</c> of the request, <c>default</c> when absent.</summary>
    public static string Namespace(HttpRequest request)
    {
        var text = request.Query["namespace"].ToString();
        return text.Length == 0 ? ObjectMeta.DefaultNamespace : text;
    }

    /// <summary>The job in the body (YAML or JSON, read and admitted as <c>recon validate</c> does), which must be the route's.</summary>
    public async Task<Job> ReadJobAsync(HttpContext http, string name)
    {
        var read = reader.Read(await RequestBody.ReadTextAsync(http), "request");
        if (!read.IsValid) throw InvalidManifest.Of(read.Errors, "nothing was written");
        if (read.Resources is not [Job job])
            throw ApiException.BadRequest($"The body must hold exactly one Job; it holds {string.Join(", ", read.Resources.Select(r => r.Key.ToString()))}.");
        if (job.Metadata.Name != name)
            throw ApiException.BadRequest($"The body names job '{job.Metadata.Name}' but the route names '{name}'; make them agree.");
        var ns = Namespace(http.Request);
        if (job.Key.Namespace != ns)
            throw ApiException.BadRequest($"The job's namespace is '{job.Key.Namespace}' but ?namespace= is '{ns}'; make them agree.");
        return job;
    }

    /// <summary>The registered job, or a 404 saying how to list jobs.</summary>
    public async Task<Job> JobAsync(string ns, string name, CancellationToken cancellationToken) =>
        await store.GetAsync(new ResourceKey("Job", ns, name), cancellationToken) as Job
        ?? throw ApiException.NotFound($"Job '{name}' not found in namespace {ns}; list jobs with `recon job status -n {ns}`.");

    /// <summary>The registered node, or a 404 saying how to list nodes.</summary>
    public async Task<Node> NodeAsync(string name, CancellationToken cancellationToken) =>
        await store.GetAsync(new ResourceKey("Node", null, name), cancellationToken) as Node
        ?? throw ApiException.NotFound($"Node '{name}' not found; list nodes with `recon node status`.");

    /// <summary>Every object of <typeparamref name="T"/> in <paramref name="ns"/> (every namespace when null) that <paramref name="match"/> accepts.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string kind, string? ns, Func<T, bool> match, CancellationToken cancellationToken) where T : Resource
    {
        var list = await store.ListAsync(new ListQuery(kind, ns), cancellationToken);
        return [.. list.Items.OfType<T>().Where(match)];
    }
}
