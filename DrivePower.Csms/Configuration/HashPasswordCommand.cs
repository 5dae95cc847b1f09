using System.Globalization;
using DrivePower.Ocpp.Connections;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// <c>DrivePower.Csms hash-password [--iterations N]</c>: reads a station password from the first line
/// of standard input and prints its salted hash for <c>Csms:StationPasswords:{id}</c>. Nothing is started.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";
    public const string Usage = "usage: DrivePower.Csms hash-password [--iterations N] < password  (prints the hash for Csms:StationPasswords:<id>)";

    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryReadIterations(args, out var iterations))
        {
            error.WriteLine($"hash-password: --iterations takes a whole number from {StationPasswordHash.MinIterations} to {StationPasswordHash.MaxIterations}. {Usage}");
            return CsmsSettingsCheck.BadSettingsExitCode;
        }

        if (Console.IsInputRedirected is false)
            error.Write($"Station password ({StationPassword.LengthRule}): ");
        var password = input.ReadLine();
        if (password is null || !StationPassword.HasValidLength(password))
        {
            error.WriteLine($"hash-password: the password must be {StationPassword.LengthRule} long (OCPP security profile 1), got {password?.Length ?? 0}.");
            return CsmsSettingsCheck.BadSettingsExitCode;
        }

        output.WriteLine(StationPasswordHash.Create(password, iterations));
        return 0;
    }

    private static bool TryReadIterations(IReadOnlyList<string> args, out int iterations)
    {
        iterations = StationPasswordHash.DefaultIterations;
        return args switch
        {
            [] => true,
            ["--iterations", var text] => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
                && iterations is >= StationPasswordHash.MinIterations and <= StationPasswordHash.MaxIterations,
            _ => false,
        };
    }
}
