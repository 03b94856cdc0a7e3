// Writes to a FasterResourceStore as fast as it can from several concurrent writers and prints every
// acknowledged write as soon as its PutAsync returns: "ack <key> <revision> <value-hash>". The crash
// test kills this process with SIGKILL at random moments and checks that every printed write survived.
// Usage: Reconciler.StoreCrashWriter <data-directory> <writers>
using System.Security.Cryptography;
using System.Text;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store.Faster;

var directory = args[0];
var writers = int.Parse(args[1]);

var store = await FasterResourceStore.OpenAsync(new FasterResourceStoreOptions
{
    DataDirectory = directory,
    // Small, so kills also land during checkpoints and log truncation.
    CheckpointEveryRevisions = 500,
}, ResourceJson.Default);

var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
var outputGate = new Lock();
lock (outputGate) output.WriteLine($"ready {store.Revision}");

await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
{
    for (var i = 0; ; i++)
    {
        var value = $"{writer}-{i}-{Guid.NewGuid():N}";
        var stored = await store.PutAsync(new Namespace
        {
            Metadata = new ObjectMeta { Name = $"w{writer}-{i % 40}", Annotations = new Dictionary<string, string> { ["value"] = value } },
        });
        var line = $"ack {stored.Key} {stored.Metadata.ResourceVersion} {ValueHash(value)}";
        lock (outputGate) output.WriteLine(line);
    }
})));

static string ValueHash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
