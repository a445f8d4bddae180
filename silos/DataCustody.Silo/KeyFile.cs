namespace DataCustody.Silo;

/// <summary>A secret key kept in a file that only its owner can read.</summary>
public static class KeyFile
{
    /// <summary>
    /// Reads the key text from <paramref name="file"/>, or, when the file does not exist and
    /// <paramref name="generate"/> is given, writes a new key there (mode 0600) and returns it.
    /// </summary>
    public static (string Text, bool Generated) ReadOrCreate(string file, Func<string>? generate)
    {
        if (File.Exists(file))
        {
            return (File.ReadAllText(file).Trim(), false);
        }
        if (generate is null)
        {
            throw new InvalidOperationException($"The key file {file} does not exist and no key is generated here.");
        }
        var text = generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine(text);
        }
        return (text, true);
    }
}
