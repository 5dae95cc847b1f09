namespace Microsoft.Extensions.Hosting;

/// <summary>The names of DrivePower's own activity sources and meters, exported by the service defaults.</summary>
public static class DrivePowerTelemetry
{
    /// <summary>OCPP RPC: a span per CALL handled or sent, and the <c>ocpp.*</c> instruments.</summary>
    public const string Ocpp = "DrivePower.Ocpp";

    public const string Csms = "DrivePower.Csms";

    public const string Emulator = "DrivePower.Emulator";

    public static string[] ActivitySourceNames { get; } = [Ocpp, Csms, Emulator];

    public static string[] MeterNames { get; } = [Ocpp, Csms, Emulator];
}
