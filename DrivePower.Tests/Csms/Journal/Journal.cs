using System.Text.Json;
using DrivePower.Tests.Csms.Operator;

namespace DrivePower.Tests.Csms.Journal;

/// <summary>Reads the message journal through the operator API.</summary>
public static class Journal
{
    /// <summary>The entries of a GET /api/journal query, waiting until at least <paramref name="atLeast"/> are there (they are written in the background).</summary>
    public static async Task<List<JsonElement>> EntriesAsync(this CsmsTestHost csms, string query, int atLeast)
    {
        var entries = new List<JsonElement>();
        await Sql.EventuallyAsync(async () =>
        {
            entries = [.. (await csms.Http.GetJsonAsync($"/api/journal?{query}")).GetProperty("entries").EnumerateArray()];
            return entries.Count >= atLeast;
        });
        return entries;
    }

    public static string Text(this JsonElement entry, string property) => entry.GetProperty(property).GetString()!;

    public static long Id(this JsonElement entry) => entry.GetProperty("id").GetInt64();
}
