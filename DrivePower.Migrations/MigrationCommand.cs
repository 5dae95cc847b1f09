namespace DrivePower.Migrations;

public enum MigrationCommandKind
{
    Up,
    Down,
    List,
}

/// <summary>
/// What the worker was asked to do: <c>up</c> (the default), <c>down N</c> or <c>list</c>
/// (<c>help</c>, <c>--help</c>, <c>-h</c>, <c>-?</c> anywhere: see <see cref="AsksForHelp"/>). The command
/// is the leading arguments; anything from the first <c>--option</c> on is configuration.
/// </summary>
public sealed record MigrationCommand(MigrationCommandKind Kind, int Steps = 0)
{
    public const string Usage = "usage: DrivePower.Migrations [up | down N | list | help] [--Migrations:WaitForDatabaseSeconds=60]";

    public const string Help = Usage + """


          up      apply every pending migration (the default)
          down N  roll back the last N applied migrations
          list    print each migration, applied or pending
          help    print this text and exit; nothing is applied

        The database: ConnectionStrings:csmsdb (environment ConnectionStrings__csmsdb) or DATABASE_URL.
        Exit codes: 0 done, 1 failed (e.g. the server did not come up in time), 2 usage or setup error
        (bad command, no database setting, the database does not exist, credentials refused).
        """;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "/?"];

    /// <summary>Whether any argument asks for help: then the usage is printed and nothing else happens.</summary>
    public static bool AsksForHelp(IEnumerable<string> args) =>
        args.Any(arg => HelpWords.Contains(arg, StringComparer.OrdinalIgnoreCase));

    public static MigrationCommand Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.TakeWhile(arg => !arg.StartsWith('-')).ToArray();
        return words switch
        {
            [] or ["up"] => new MigrationCommand(MigrationCommandKind.Up),
            ["list"] => new MigrationCommand(MigrationCommandKind.List),
            ["down", var n] when int.TryParse(n, out var steps) && steps >= 1 => new MigrationCommand(MigrationCommandKind.Down, steps),
            ["down", var n] => throw new FormatException($"down needs a whole number of migrations of at least 1, got '{n}'. {Usage}"),
            ["down"] => throw new FormatException($"down needs the number of migrations to roll back. {Usage}"),
            _ => throw new FormatException($"unknown command '{string.Join(' ', words)}'. {Usage}"),
        };
    }
}
