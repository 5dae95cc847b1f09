using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Reservations;

/// <summary>
/// An accepted reservation: held on one EVSE, or (<see cref="EvseId"/> null) on none in particular, in which
/// case the station keeps one EVSE free for it until it is used, cancelled or expires (H01.FR.07).
/// </summary>
internal sealed record Reservation(int Id, int? EvseId, IdToken IdToken, IdToken? GroupIdToken, DateTimeOffset ExpiresAt)
{
    /// <summary>The reserved token, or one of the reserved group (its Authorize answer's groupIdToken), may use it (H01.FR.23/24).</summary>
    public bool Admits(IdToken token, IdToken? group) =>
        Same(token, IdToken) || (GroupIdToken is { } reservedGroup && group is not null && Same(group, reservedGroup));

    private static bool Same(IdToken a, IdToken b) => string.Equals(a.Token, b.Token, StringComparison.OrdinalIgnoreCase) && a.Type == b.Type;
}
