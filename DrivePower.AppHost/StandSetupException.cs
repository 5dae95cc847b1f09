namespace DrivePower.AppHost;

/// <summary>The stand cannot be set up as configured; the message says why and what to do.</summary>
public sealed class StandSetupException(string message) : Exception(message);
