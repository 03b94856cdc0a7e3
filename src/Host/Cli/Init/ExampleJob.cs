namespace Reconciler.Host.Cli.Init;

/// <summary>The job <c>recon init</c> writes: a web server that runs on this machine without Docker (busybox httpd through the exec driver).</summary>
public static class ExampleJob
{
    /// <summary>The file name, as Nomad's <c>example.nomad</c>.</summary>
    public const string FileName = "example.yaml";

    /// <summary>The manifest.</summary>
    public const string Yaml = """
        # An example job, written by `recon init`. Plan it with `recon job plan example.yaml`,
        # run it with `recon job run example.yaml`, then `recon job status example`.
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: example
        spec:
          type: service
          datacenters: ["*"]
          groups:
            - name: web
              count: 1
              network:
                ports:
                  - label: http          # a dynamic host port, given to the task as RECON_PORT_http
              restart:
                attempts: 2
                interval: 30m
                delay: 15s
                mode: fail
              tasks:
                - name: httpd
                  driver: exec           # runs a process on the node; no Docker needed
                  config:
                    command: /bin/busybox
                    args: ["httpd", "-f", "-p", "${RECON_PORT_http}", "-h", "${RECON_TASK_DIR}/local"]
                  templates:
                    - destination: local/index.html
                      data: |
                        <h1>Hello from Reconciler</h1>
                  resources:
                    cpu: 100             # MHz
                    memoryMB: 64
                  services:
                    - name: example-web
                      port: http
                      checks:
                        - type: http
                          path: /
                          interval: 10s
                          timeout: 2s
        """;
}
