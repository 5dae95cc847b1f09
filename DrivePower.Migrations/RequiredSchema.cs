namespace DrivePower.Migrations;

/// <summary>
/// The newest migration the code is written for. This file is compiled into the migrator and the
/// CSMS alike (the CSMS links it: it needs the number, not FluentMigrator); a test holds it equal to the
/// highest <c>[Migration]</c> in Schema/, so a new migration must move it.
/// </summary>
internal static class RequiredSchema
{
    public const long Version = 202612030003;

    public const string Name = "LightenConnectorStatusHistory";
}
