using System.Globalization;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Output;

namespace Reconciler.Host.Cli.Acl;

/// <summary>Prints tokens as <c>nomad acl token info</c> does; the secret only when the agent sent it (at creation).</summary>
public static class AclTokenPrinter
{
    /// <summary>One token: JSON, YAML or aligned <c>Key = value</c> lines.</summary>
    public static void Print(CliSession session, AclTokenView token, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(token);
        if (format != OutputFormat.Table)
        {
            session.Out.WriteLine(OutputFormatOption.Render(token, format));
            return;
        }
        List<IReadOnlyList<string>> rows = [["Accessor ID", $"= {token.AccessorId}"]];
        if (token.SecretId is { } secret) rows.Add(["Secret ID", $"= {secret}"]);
        rows.AddRange(
        [
            ["Name", $"= {token.Name ?? "<none>"}"],
            ["Type", $"= {token.Type}"],
            ["Policies", $"= [{string.Join(", ", token.Policies)}]"],
            ["Create Time", $"= {Time(token.CreateTime)}"],
            ["Expiry Time", $"= {Time(token.ExpirationTime)}"],
            ["Create Index", $"= {token.CreateIndex.ToString(CultureInfo.InvariantCulture)}"],
        ]);
        TableWriter.WritePlain(session.Out, null, rows);
    }

    /// <summary>A list of tokens: JSON, YAML or a table.</summary>
    public static void Print(CliSession session, IReadOnlyList<AclTokenView> tokens, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tokens);
        if (format != OutputFormat.Table)
            session.Out.WriteLine(OutputFormatOption.Render(tokens, format));
        else if (tokens.Count == 0)
            session.Error.WriteLine("No ACL tokens.");
        else
            TableWriter.Write(session, ["NAME", "TYPE", "ACCESSOR ID", "POLICIES", "EXPIRES"],
                [.. tokens.Select(t => (IReadOnlyList<string>)[t.Name ?? "", t.Type, t.AccessorId, string.Join(",", t.Policies), Time(t.ExpirationTime)])]);
    }

    private static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "<none>";
}
