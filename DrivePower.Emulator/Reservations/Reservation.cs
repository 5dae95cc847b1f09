using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Reservations;

/// <summary>An accepted reservation, held on one EVSE (a reservation for any EVSE takes the first free one).</summary>
internal sealed record Reservation(int Id, int EvseId, IdToken IdToken, IdToken? GroupIdToken, DateTimeOffset ExpiresAt)
{
    /// <summary>The reserved token, or one of the reserved group (its Authorize answer's groupIdToken), may use it (H01.FR.23/24).</summary>
    public bool Admits(IdToken token, IdToken? group) =>
        Same(token, IdToken) || (GroupIdToken is { } reservedGroup && group is not null && Same(group, reservedGroup));

    private static bool Same(IdToken a, IdToken b) => string.Equals(a.Token, b.Token, StringComparison.OrdinalIgnoreCase) && a.Type == b.Type;
}
