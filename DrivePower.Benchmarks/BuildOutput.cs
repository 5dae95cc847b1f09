using System.Reflection;

namespace DrivePower.Benchmarks;

/// <summary>The stand's projects built beside this benchmark (same configuration), found from the repository root.</summary>
internal static class BuildOutput
{
    public static string Find(string project)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DrivePower.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("Run the benchmark from the repository (DrivePower.sln not found above it).");

        var configuration = typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(directory.FullName, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (dotnet build -c {configuration} DrivePower.sln).", path);
    }
}
