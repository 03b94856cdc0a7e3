using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;
using Spectre.Console;

namespace Reconciler.Host.Cli.Up;

/// <summary>
/// The live status of <c>recon up</c>: one row per allocation desired to run (job, group, id, node, status), redrawn
/// whenever the state changes (blocking queries): a Spectre.Console live table on a terminal, plain lines otherwise
/// (printed only when they changed).
/// </summary>
public sealed class ClusterStatusView(ReconApiClient client, CliSession session)
{
    private static readonly string[] Headers = ["Job", "Group", "Allocation", "Node", "Status"];

    /// <summary>Shows the status until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task ShowAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (session.Environment.IsTerminal) await LiveAsync(cancellationToken);
            else await PlainAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task LiveAsync(CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(session.Out) });
        var table = new Table().Border(TableBorder.Rounded).Title("recon up — Ctrl-C stops the jobs and exits");
        foreach (var header in Headers) table.AddColumn(header);
        await console.Live(table).StartAsync(async live =>
        {
            for (long index = 0; !cancellationToken.IsCancellationRequested;)
            {
                var (rows, at) = await RowsAsync(index, cancellationToken);
                index = at;
                table.Rows.Clear();
                foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
                live.Refresh();
            }
        });
    }

    private async Task PlainAsync(CancellationToken cancellationToken)
    {
        var last = "";
        for (long index = 0; !cancellationToken.IsCancellationRequested;)
        {
            var (rows, at) = await RowsAsync(index, cancellationToken);
            index = at;
            var text = new StringWriter();
            Output.TableWriter.WritePlain(text, Headers, rows);
            if (text.ToString() == last) continue;
            last = text.ToString();
            await session.Out.WriteLineAsync($"--- {DateTimeOffset.Now:HH:mm:ss}");
            await session.Out.WriteAsync(last);
            await session.Out.FlushAsync(cancellationToken);
        }
    }

    private async Task<(List<IReadOnlyList<string>> Rows, long Index)> RowsAsync(long index, CancellationToken cancellationToken)
    {
        var list = await client.GetAsync<ResourceList>($"/v1/allocations?namespace=*&index={index}&wait=5s", cancellationToken);
        var rows = Typed.All<Allocation>(list.Items)
            .Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run)
            .OrderBy(a => a.Spec.Job).ThenBy(a => a.Spec.Name)
            .Select(a => (IReadOnlyList<string>)[a.Spec.Job, a.Spec.Group, Typed.Short(a.Metadata.Name), a.Spec.Node, a.Status.ClientStatus.ToString().ToLowerInvariant()])
            .ToList();
        return (rows, list.Index);
    }
}
