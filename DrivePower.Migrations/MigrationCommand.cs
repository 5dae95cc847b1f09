namespace DrivePower.Migrations;

public enum MigrationCommandKind
{
    Up,
    Down,
    List,
}

/// <summary>
/// What the worker was asked to do: <c>up</c> (the default), <c>down N</c> or <c>list</c>. The
/// command is the leading arguments; anything from the first <c>--option</c> on is configuration.
/// </summary>
public sealed record MigrationCommand(MigrationCommandKind Kind, int Steps = 0)
{
    public const string Usage = "usage: DrivePower.Migrations [up | down N | list] [--Migrations:WaitForDatabaseSeconds=60]";

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
