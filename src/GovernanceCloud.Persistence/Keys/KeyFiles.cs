namespace GovernanceCloud.Persistence.Keys;

/// <summary>
/// Development key files: generated once, owner-readable only, and reused. Written to a temporary
/// file and moved into place, so a node that starts at the same moment reads either nothing or the
/// whole key, and the first writer wins.
/// </summary>
public static class KeyFiles
{
    public static byte[] LoadOrCreate(string path, Func<byte[]> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(create());
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another node was first; use its key
        }

        return File.ReadAllBytes(path);
    }
}
