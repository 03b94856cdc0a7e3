using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reconciler.Hosting;

namespace Reconciler.Examples.Greetings.Tests;

public sealed class GreetingsHostTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"greetings-host-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_example_host_applies_its_manifests_on_the_faster_store_and_writes_the_files()
    {
        var manifests = Directory.CreateDirectory(Path.Combine(_root, "manifests")).FullName;
        File.WriteAllText(Path.Combine(manifests, "hello.yaml"), "apiVersion: recon/v1\nkind: Greeting\nmetadata: { name: hello }\nspec: { message: Hi from the host }\n");
        using var host = GreetingsApp.CreateHost(["--data", Path.Combine(_root, "data"), "--output", Path.Combine(_root, "out"), "--manifests", manifests]);
        var runtime = host.Services.GetRequiredService<ReconcilerRuntime>();
        var applier = host.Services.GetRequiredService<ManifestDirectoryApplier>();

        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (await applier.Applied.WaitAsync(timeout.Token)).Should().Be(1);
        await runtime.WaitForIdleAsync(timeout.Token);
        await host.StopAsync();

        File.ReadAllText(Path.Combine(_root, "out", "default.hello.txt")).Should().Be("Hi from the host");
    }
}
