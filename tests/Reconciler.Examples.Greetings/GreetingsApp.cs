using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reconciler.Hosting;

namespace Reconciler.Examples.Greetings;

/// <summary>Builds the example host: FASTER store in <c>--data</c>, files in <c>--output</c>, manifests from <c>--manifests</c>.</summary>
public static class GreetingsApp
{
    /// <summary>Creates the host from command-line arguments.</summary>
    public static IHost CreateHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var data = builder.Configuration["data"] ?? Path.Combine(Path.GetTempPath(), "greetings-data");
        var output = builder.Configuration["output"] ?? Path.Combine(Path.GetTempPath(), "greetings");
        builder.Services.AddSingleton(new ManifestSource(builder.Configuration["manifests"]));
        builder.Services
            .AddReconciler(o => o.UseFasterStore(data))
            .AddGreetings(output)
            .AddLeaderWork<ManifestDirectoryApplier>();
        return builder.Build();
    }
}
