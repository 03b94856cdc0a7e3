using Microsoft.Extensions.DependencyInjection;
using Reconciler.Clients;
using Reconciler.Reconciliation;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;
using Reconciler.Testing;

namespace Reconciler.Examples.Greetings.Tests;

public sealed class GreetingLifecycleTests : IAsyncLifetime
{
    private static readonly ResourceKey Hello = new("Greeting", "default", "hello");
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"greetings-{Guid.NewGuid():N}");
    private ReconcilerTestKit _kit = null!;

    private string HelloFile => Path.Combine(_output, "default.hello.txt");

    public async Task InitializeAsync() => _kit = await ReconcilerTestKit.StartAsync(b => b.AddGreetings(_output));

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task An_applied_greeting_converges_to_a_file_holding_its_message()
    {
        await ApplyYamlAsync("Hello, world");
        await _kit.RunUntilIdleAsync();

        File.ReadAllText(HelloFile).Should().Be("Hello, world");
        var greeting = await _kit.GetAsync<Greeting>(Hello);
        ResourceConditions.IsReady(greeting!).Should().BeTrue();
        greeting!.Status.Path.Should().Be(HelloFile);
        greeting.Metadata.Finalizers.Should().Equal(GreetingFileFinalizer.Name);
    }

    [Fact]
    public async Task An_updated_greeting_rewrites_its_file()
    {
        await ApplyYamlAsync("Hello");
        await _kit.RunUntilIdleAsync();

        await ApplyYamlAsync("Goodbye");
        await _kit.RunUntilIdleAsync();

        File.ReadAllText(HelloFile).Should().Be("Goodbye");
        var greeting = await _kit.GetAsync<Greeting>(Hello);
        greeting!.Status.ObservedGeneration.Should().Be(greeting.Metadata.Generation);
        greeting.Metadata.Generation.Should().Be(2);
    }

    [Fact]
    public async Task A_deleted_greeting_has_its_file_removed_by_the_finalizer_before_it_disappears()
    {
        await ApplyYamlAsync("Hello");
        await _kit.RunUntilIdleAsync();
        File.Exists(HelloFile).Should().BeTrue();

        var outcome = await _kit.Client.DeleteAsync(Hello);
        await _kit.RunUntilIdleAsync();

        outcome.Should().Be(DeleteOutcome.Terminating);
        File.Exists(HelloFile).Should().BeFalse();
        (await _kit.GetAsync<Greeting>(Hello)).Should().BeNull();
    }

    [Fact]
    public void A_greeting_without_a_message_is_rejected_by_its_validator_with_the_field_path()
    {
        var read = Reader.Read("apiVersion: recon/v1\nkind: Greeting\nmetadata: { name: mute }\nspec:\n  message: \"\"\n", "mute.yaml");

        read.IsValid.Should().BeFalse();
        read.Errors.Should().ContainSingle().Which.Path.Should().Be("spec.message");
        read.Resources.Should().BeEmpty();
    }

    [Fact]
    public void A_greeting_with_an_unknown_field_is_rejected_like_a_built_in_kind()
    {
        var read = Reader.Read("apiVersion: recon/v1\nkind: Greeting\nmetadata: { name: typo }\nspec:\n  mesage: hi\n", "typo.yaml");

        read.IsValid.Should().BeFalse();
        read.Errors.Should().Contain(e => e.Path.Contains("mesage"));
    }

    private ManifestReader Reader => _kit.Services.GetRequiredService<ManifestReader>();

    private async Task ApplyYamlAsync(string message)
    {
        var read = Reader.Read($"apiVersion: recon/v1\nkind: Greeting\nmetadata:\n  name: hello\nspec:\n  message: \"{message}\"\n", "hello.yaml");
        read.Errors.Should().BeEmpty();
        foreach (var resource in read.Resources) await _kit.Client.ApplyAsync(resource);
    }
}
