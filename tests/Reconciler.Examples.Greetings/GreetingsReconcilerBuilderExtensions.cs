using Microsoft.Extensions.DependencyInjection;

using Reconciler.Hosting;

namespace Reconciler.Examples.Greetings;

/// <summary>Adds the Greeting kind and its controller to a runtime.</summary>
public static class GreetingsReconcilerBuilderExtensions
{
    /// <summary>Registers <see cref="Greeting"/> with its validator and a controller writing files to <paramref name="outputDirectory"/>.</summary>
    public static ReconcilerBuilder AddGreetings(this ReconcilerBuilder builder, string outputDirectory)
    {
        builder.Services.AddSingleton(new GreetingFiles(outputDirectory));
        return builder
            .AddResourceKind<Greeting>(new GreetingValidator())
            .AddController<GreetingReconciler, Greeting>(o => o.WithFinalizer<GreetingFileFinalizer>(GreetingFileFinalizer.Name));
    }
}
