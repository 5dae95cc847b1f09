using DrivePower.Migrations;

namespace DrivePower.Tests.Migrations;

public sealed class MigrationCommandTests
{
    [Fact]
    public void No_arguments_means_up() =>
        Assert.Equal(new MigrationCommand(MigrationCommandKind.Up), MigrationCommand.Parse([]));

    [Fact]
    public void Options_after_the_command_are_not_part_of_it() =>
        Assert.Equal(
            new MigrationCommand(MigrationCommandKind.Down, 2),
            MigrationCommand.Parse(["down", "2", "--Migrations:WaitForDatabaseSeconds", "5"]));

    [Fact]
    public void List_is_a_command() =>
        Assert.Equal(new MigrationCommand(MigrationCommandKind.List), MigrationCommand.Parse(["list"]));

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("up", "--HELP")]
    public void Help_in_any_spelling_asks_for_help(params string[] args) =>
        Assert.True(MigrationCommand.AsksForHelp(args));

    [Theory]
    [InlineData("down", "0")]
    [InlineData("down", "-1")]
    [InlineData("down", "two")]
    [InlineData("down")]
    [InlineData("sideways")]
    [InlineData("up", "now")]
    public void A_bad_command_is_rejected_with_the_usage(params string[] args)
    {
        var error = Assert.Throws<FormatException>(() => MigrationCommand.Parse(args));

        Assert.Contains("usage:", error.Message, StringComparison.Ordinal);
    }
}
