namespace DrivePower.Tests.Deployment;

/// <summary>Files of this repository, found from the test binaries by walking up to DrivePower.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrivePower.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No DrivePower.sln above {AppContext.BaseDirectory}.");
    }
}
