using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>The messages the station's display holds, by id (a known id is replaced). Thread-safe.</summary>
internal sealed class DisplayMessageBoard
{
    private readonly Lock _sync = new();
    private readonly Dictionary<int, MessageInfo> _messages = [];

    public int Count
    {
        get
        {
            lock (_sync)
                return _messages.Count;
        }
    }

    /// <summary>Adds or replaces; false when the board is full (<paramref name="capacity"/>) and the id is new.</summary>
    public bool Put(MessageInfo message, int capacity)
    {
        lock (_sync)
        {
            if (!_messages.ContainsKey(message.Id) && _messages.Count >= capacity)
                return false;
            _messages[message.Id] = message;
            return true;
        }
    }

    public bool Remove(int id)
    {
        lock (_sync)
            return _messages.Remove(id);
    }

    /// <summary>O03: the messages matching every criterion given, expired ones (endDateTime past) left out.</summary>
    public IReadOnlyList<MessageInfo> Matching(GetDisplayMessagesRequest request, DateTimeOffset now)
    {
        lock (_sync)
        {
            return [.. _messages.Values
                .Where(message => message.EndDateTime is not { } end || end > now)
                .Where(message => request.Id is not { } ids || ids.Contains(message.Id))
                .Where(message => request.Priority is not { } priority || message.Priority == priority)
                .Where(message => request.State is not { } state || message.State == state)
                .OrderBy(message => message.Id)];
        }
    }

    /// <summary>A transaction's messages go when it ends.</summary>
    public void RemoveTransaction(string transactionId)
    {
        lock (_sync)
        {
            foreach (var id in _messages.Values.Where(message => message.TransactionId == transactionId).Select(message => message.Id).ToList())
                _messages.Remove(id);
        }
    }
}
