namespace Reconciler.Drivers;

/// <summary>The task drivers a client agent offers, by name, and their fingerprints as node attributes.</summary>
public sealed class DriverRegistry
{
    private readonly Dictionary<string, ITaskDriver> _drivers = new(StringComparer.Ordinal);

    /// <summary>The registered drivers.</summary>
    public IReadOnlyCollection<ITaskDriver> Drivers => _drivers.Values;

    /// <summary>Adds a driver; its name must be new.</summary>
    public DriverRegistry Add(ITaskDriver driver)
    {
        if (!_drivers.TryAdd(driver.Name, driver))
            throw new InvalidOperationException($"A driver named '{driver.Name}' is already registered.");
        return this;
    }

    /// <summary>The driver a task names, or null when none is registered under that name.</summary>
    public ITaskDriver? Find(string name) => _drivers.GetValueOrDefault(name);

    /// <summary>
    /// Fingerprints every driver. A driver that throws is reported unhealthy with the exception's
    /// message, so one broken driver never hides the others.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DriverFingerprint>> FingerprintAsync(CancellationToken cancellationToken)
    {
        var names = _drivers.Keys.ToArray();
        var results = await Task.WhenAll(names.Select(name => FingerprintOneAsync(_drivers[name], cancellationToken)));
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    /// <summary>
    /// The node attributes fingerprints give: <c>driver.NAME</c> = <c>1</c> for each healthy driver
    /// (what the scheduler's driver feasibility checks), plus each detected driver's own attributes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NodeAttributes(IReadOnlyDictionary<string, DriverFingerprint> fingerprints)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, fingerprint) in fingerprints)
        {
            if (!fingerprint.Detected) continue;
            foreach (var (key, value) in fingerprint.Attributes) attributes[key] = value;
            if (fingerprint.Healthy) attributes[$"driver.{name}"] = "1";
        }
        return attributes;
    }

    private static async Task<DriverFingerprint> FingerprintOneAsync(ITaskDriver driver, CancellationToken cancellationToken)
    {
        try
        {
            return await driver.FingerprintAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return DriverFingerprint.Unhealthy($"the {driver.Name} driver failed to fingerprint: {exception.Message}");
        }
    }
}
