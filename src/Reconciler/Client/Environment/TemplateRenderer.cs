using System.Text.RegularExpressions;

namespace Reconciler.Client.Environment;

/// <summary>
/// Renders a task template: <c>${…}</c> runtime values, <c>{{ env "NAME" }}</c> and
/// <c>{{ secret "name" "key" }}</c>. Secret values go into the rendered text only; an error names the
/// secret and key, never a value.
/// </summary>
public static partial class TemplateRenderer
{
    /// <summary>Looks a secret value up by secret name and key; null when there is none.</summary>
    public delegate string? SecretLookup(string name, string key);

    /// <summary>The rendered text, or the error of the first action that could not be rendered.</summary>
    public static (string? Text, string? Error) Render(string template, IReadOnlyDictionary<string, string> env,
        RuntimeValues values, SecretLookup secrets)
    {
        string? error = null;
        var text = Action().Replace(Interpolation.Apply(template, values), match =>
        {
            var function = match.Groups["fn"].Value;
            var args = match.Groups["arg"].Captures.Select(c => c.Value).ToArray();
            switch (function)
            {
                case "env" when args.Length == 1:
                    return env.GetValueOrDefault(args[0]) ?? values.Resolve(args[0]) ?? "";
                case "secret" when args.Length == 2:
                    if (secrets(args[0], args[1]) is { } secret) return secret;
                    error ??= $"secret '{args[0]}' has no key '{args[1]}' (or does not exist in the job's namespace): create it with recon apply";
                    return "";
                default:
                    error ??= $"unknown template action '{match.Value}': use {{{{ env \"NAME\" }}}} or {{{{ secret \"name\" \"key\" }}}}";
                    return "";
            }
        });
        return error is null ? (text, null) : (null, error);
    }

    /// <summary>The <c>KEY=VALUE</c> lines of a rendered <c>env: true</c> template; blank lines and <c>#</c> comments are skipped.</summary>
    public static IReadOnlyDictionary<string, string> ParseEnv(string rendered)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in rendered.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) env[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
        }
        return env;
    }

    /// <summary>The names of the secrets <paramref name="template"/> reads, so they can be fetched before it renders.</summary>
    public static IEnumerable<string> SecretNames(string template) =>
        SecretAction().Matches(template).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("\\{\\{\\s*secret\\s+\"([^\"]*)\"")]
    private static partial Regex SecretAction();

    [GeneratedRegex("""\{\{\s*(?<fn>[a-z]+)(\s+"(?<arg>[^"]*)")*\s*\}\}""")]
    private static partial Regex Action();
}
