using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace DrivePower.AppHost.Postgres;

/// <summary>
/// PostgreSQL's server binaries on this machine and where the stand keeps its data. As root the
/// server runs as the <c>postgres</c> user, since initdb and postgres refuse to run as root.
/// </summary>
public sealed record LocalPostgresInstall(string BinDirectory, string DataRoot, string? RunAsUser)
{
    private const string ServerUser = "postgres";

    /// <summary>The cluster itself; its parent also holds the generated password.</summary>
    public string DataDirectory => Path.Combine(DataRoot, "data");

    public string PasswordFile => Path.Combine(DataRoot, "password");

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public static LocalPostgresInstall? Find(IConfiguration configuration)
    {
        if (OperatingSystem.IsWindows())
            return null; // initdb.exe, services and ACLs differ there: Windows users give a connection string
        var bin = Candidates(configuration).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres")));
        if (bin is null)
            return null;
        var root = Environment.UserName == "root";
        var dataRoot = configuration[StandTopology.Settings.LocalPostgresData] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : DefaultDataRoot(root);
        return new(bin, dataRoot, root ? ServerUser : null);
    }

    /// <summary>The places looked in, for the message when none has the binaries.</summary>
    public static string SearchedPlaces(IConfiguration configuration) =>
        $"looked in {string.Join(", ", Candidates(configuration).DefaultIfEmpty("(nowhere)"))}, "
        + $"from {StandTopology.Settings.LocalPostgresBin}, {StandTopology.Env.PostgresBin}, /usr/lib/postgresql/*/bin and PATH";

    private static IEnumerable<string> Candidates(IConfiguration configuration)
    {
        if (configuration[StandTopology.Settings.LocalPostgresBin] is { Length: > 0 } configured)
            return [configured]; // said explicitly: look nowhere else
        var fromEnvironment = configuration[StandTopology.Env.PostgresBin] is { Length: > 0 } variable ? [variable] : Array.Empty<string>();
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : 0)
                .Select(dir => Path.Combine(dir, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. fromEnvironment, .. debian, .. path];
    }

    /// <summary>
    /// Per user under XDG_DATA_HOME (~/.local/share/drivepower/postgres); as root /var/lib/drivepower/postgres,
    /// since the postgres user cannot enter /root.
    /// </summary>
    private static string DefaultDataRoot(bool root)
    {
        if (root)
            return "/var/lib/drivepower/postgres";
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(dataHome, "drivepower", "postgres");
    }

    /// <summary>The command that runs <paramref name="program"/> of this install as the right user.</summary>
    public (string Command, string[] Prefix) Command(string program)
    {
        var path = Path.Combine(BinDirectory, program);
        return RunAsUser is null ? (path, []) : ("runuser", ["-u", RunAsUser, "--", path]);
    }

    /// <summary>
    /// Makes the data root and, the first time, its password file; as root both are handed to the
    /// postgres user. Returns the password the server is (or will be) initialised with.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public string Prepare()
    {
        Directory.CreateDirectory(DataRoot);
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.SetUnixFileMode(DataRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (RunAsUser is not null)
            Run("chown", "-R", $"{RunAsUser}:{RunAsUser}", DataRoot);
        return File.ReadAllText(PasswordFile).Trim();
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new StandSetupException($"'{command} {string.Join(' ', args)}' failed: {error.Trim()}");
    }
}
