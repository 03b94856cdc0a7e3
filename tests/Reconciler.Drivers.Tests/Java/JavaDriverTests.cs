using System.Diagnostics;
using System.Text.Json.Nodes;
using Reconciler.Drivers.Java;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Tests.Support;

namespace Reconciler.Drivers.Tests.Java;

public sealed class JavaDriverTests : IAsyncLifetime
{
    private readonly TaskDirectory _directory = new();
    private readonly JavaDriver _driver = new();

    [ProcessFact("java")]
    public async Task Fingerprint_reports_the_java_version_on_PATH()
    {
        var fingerprint = await _driver.FingerprintAsync(CancellationToken.None);

        fingerprint.Healthy.Should().BeTrue(fingerprint.HealthDescription);
        fingerprint.Attributes["driver.java.version"].Should().MatchRegex(@"^\d+(\.\d+)*");
    }

    [Fact]
    public async Task Fingerprint_without_a_java_runtime_says_so()
    {
        var driver = new JavaDriver { JavaProgram = "/nonexistent/java" };

        var fingerprint = await driver.FingerprintAsync(CancellationToken.None);

        fingerprint.Detected.Should().BeFalse();
        fingerprint.HealthDescription.Should().Contain("no Java runtime");
    }

    [ProcessFact("javac")]
    public async Task A_java_task_runs_a_jar_with_jvm_options_and_args()
    {
        var task = _directory.Task("app", new JsonObject
        {
            ["jarPath"] = "hello.jar", ["jvmOptions"] = new JsonArray("-Dgreeting=hello"), ["args"] = new JsonArray("world"),
        });
        await BuildJarAsync(task.TaskDirectory);

        (await _driver.StartAsync(task, CancellationToken.None)).Error.Should().BeNull();
        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.ExitCode.Should().Be(0);
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().Be("hello world\n");
    }

    [Fact]
    public async Task A_missing_jar_is_a_start_error()
    {
        var result = await _driver.StartAsync(_directory.Task("app", new JsonObject { ["jarPath"] = "/nonexistent.jar" }), CancellationToken.None);

        result.Error.Should().Be("config.jarPath: /nonexistent.jar does not exist");
    }

    private static async Task BuildJarAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Hello.java"),
            "public class Hello { public static void main(String[] a) { System.out.println(System.getProperty(\"greeting\") + \" \" + a[0]); } }");
        await RunAsync(directory, "javac", "Hello.java");
        await RunAsync(directory, "jar", "cfe", "hello.jar", "Hello", "Hello.class");
    }

    private static async Task RunAsync(string directory, string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { WorkingDirectory = directory })!;
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)} should succeed");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _driver.DisposeAsync();
        _directory.Dispose();
    }
}
