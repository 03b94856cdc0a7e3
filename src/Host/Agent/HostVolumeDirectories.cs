using Reconciler.Resources.Agent;

namespace Reconciler.Host.Agent;

/// <summary>A client offers its host volumes (<c>[client.host_volume.NAME]</c>) as directories: missing ones are created as it starts.</summary>
public static class HostVolumeDirectories
{
    /// <summary>Creates every host volume directory of <paramref name="client"/> that does not exist yet.</summary>
    public static void Ensure(ClientConfig client)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var (name, volume) in client.HostVolumes)
        {
            try
            {
                Directory.CreateDirectory(volume.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"client.host_volume.{name}.path: cannot create \"{volume.Path}\": {e.Message} — create it yourself or choose a directory this user may write.", e);
            }
        }
    }
}
