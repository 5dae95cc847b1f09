using System.Text;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Diagnostics;

/// <summary>
/// What a station holds about one customer (N09/N10), as text: its local authorization list entry, its
/// authorization cache entry and its transactions with the token. The station keeps no customer
/// certificates or customer identifiers, so for those it has nothing to tell.
/// </summary>
internal static class CustomerReport
{
    /// <summary>The most a NotifyCustomerInformation's data may hold (the schema's maxLength).</summary>
    public const int PartLength = 512;

    public static string Describe(Station station, CustomerInformationRequest request, bool cleared)
    {
        var text = new StringBuilder();
        if (request.IdToken is { } token)
        {
            text.Append("idToken ").Append(token.Token).Append(" (").Append(token.Type).Append("): ");
            text.Append(station.LocalAuthList.Find(token) is { } listed ? $"local list {listed.Status}; " : "not in the local list; ");
            text.Append(station.AuthorizationCache.Entry(token) is { } cached
                ? $"authorization cache {cached.Status}{(cached.CacheExpiryDateTime is { } expiry ? $" until {expiry:O}" : "")}"
                    + (cleared ? " (cleared); " : "; ")
                : "not in the authorization cache; ");
            var transactions = station.Transactions.Where(transaction => Same(transaction.IdToken, token)).ToList();
            text.Append(transactions.Count == 0 ? "no transactions" : "transactions " + string.Join(", ",
                transactions.Select(transaction => $"{transaction.Id}{(transaction.StartedAt is { } started ? $" started {started:O}" : "")}")));
            text.Append(". ");
        }

        if (request.CustomerCertificate is { } certificate)
            text.Append("certificate ").Append(certificate.SerialNumber).Append(": none installed. ");
        if (request.CustomerIdentifier is { } identifier)
            text.Append("customerIdentifier ").Append(identifier).Append(": nothing stored. ");
        return text.ToString().TrimEnd();
    }

    /// <summary>The report cut into parts that fit one message each.</summary>
    public static List<string> Parts(string report) =>
        report.Length == 0 ? [""] : [.. report.Chunk(PartLength).Select(part => new string(part))];

    private static bool Same(IdToken? a, IdToken b) =>
        a is not null && a.Type == b.Type && string.Equals(a.Token, b.Token, StringComparison.OrdinalIgnoreCase);
}
