using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Rpc;

/// <summary>An error to answer a CALL with.</summary>
public sealed record OcppError(OcppErrorCode Code, string Description);
