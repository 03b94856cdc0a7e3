namespace Reconciler.Host.Tests.Fixtures;

/// <summary>Small manifests the API and CLI tests apply.</summary>
internal static class Manifests
{
    public static string Namespace(string name) => $"""
        apiVersion: recon/v1
        kind: Namespace
        metadata:
          name: {name}
        spec:
          description: Team {name}
        """;

    public static string Job(string name, string ns = "default", int count = 1, string labels = "{}") => $"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: {name}
          namespace: {ns}
          labels: {labels}
        spec:
          datacenters: [dc1]
          groups:
            - name: app
              count: {count}
              tasks:
                - name: main
                  driver: exec
                  config:
                    command: /bin/true
        """;

    /// <summary>
    /// A job <paramref name="name"/> whose one group <c>nap</c> runs one exec task <c>sleep</c>: busybox sleeping
    /// <paramref name="seconds"/>, a real process that stays up (a marker number of seconds names a test's processes).
    /// </summary>
    public static string Sleeper(string name, int seconds, int cpu = 20, int memoryMB = 16) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: {{name}}
        spec:
          groups:
            - name: nap
              tasks:
                - name: sleep
                  driver: exec
                  config: { command: /usr/bin/busybox, args: ["sleep", "{{seconds}}"] }
                  resources: { cpu: {{cpu}}, memoryMB: {{memoryMB}} }
        """;

    public const string SecretValue = "s3cr3t-never-shown";

    public static string Secret(string name, string value = SecretValue) => $"""
        apiVersion: recon/v1
        kind: Secret
        metadata:
          name: {name}
        spec:
          data:
            password: {value}
        """;

    public static string Documents(params string[] documents) => string.Join("\n---\n", documents);
}
