using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>O: the emulated station's display holds the CSMS's messages, reports them, and refuses what it cannot show.</summary>
public class DisplayMessageTests
{
    private static MessageInfo Message(int id, MessagePriority priority = MessagePriority.NormalCycle, MessageFormat format = MessageFormat.UTF8,
        string? transactionId = null, DateTimeOffset? end = null) => new()
    {
        Id = id, Priority = priority, TransactionId = transactionId, EndDateTime = end,
        Message = new MessageContent { Format = format, Content = $"Message {id}", Language = "en" },
    };

    [Fact]
    public async Task Messages_set_are_reported_by_GetDisplayMessages_filtered_and_cleared_ones_are_gone()
    {
        await using var station = await BootedStation.StartAsync("CP-DM-SET");

        var first = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(1) });
        var second = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(2, MessagePriority.AlwaysFront) });
        var expired = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(3, end: DateTimeOffset.UtcNow.AddMilliseconds(200)) });
        await Task.Delay(300);
        var all = await station.SendAsync(new GetDisplayMessagesRequest { RequestId = 1 });
        var report = await station.WaitForAsync<NotifyDisplayMessagesRequest>(r => r.RequestId == 1);
        var front = await station.SendAsync(new GetDisplayMessagesRequest { RequestId = 2, Priority = MessagePriority.AlwaysFront });
        var frontReport = await station.WaitForAsync<NotifyDisplayMessagesRequest>(r => r.RequestId == 2);
        var clear = await station.SendAsync(new ClearDisplayMessageRequest { Id = 2 });
        var clearAgain = await station.SendAsync(new ClearDisplayMessageRequest { Id = 2 });
        var none = await station.SendAsync(new GetDisplayMessagesRequest { RequestId = 3, Id = [2] });

        Assert.All(new[] { first, second, expired }, answer => Assert.Equal(DisplayMessageStatus.Accepted, answer.Status));
        Assert.Equal(GetDisplayMessagesStatus.Accepted, all.Status);
        Assert.Equal([1, 2], report.MessageInfo!.Select(message => message.Id));
        Assert.Equal([2], frontReport.MessageInfo!.Select(message => message.Id));
        Assert.Equal(GetDisplayMessagesStatus.Accepted, front.Status);
        Assert.Equal((ClearMessageStatus.Accepted, ClearMessageStatus.Unknown), (clear.Status, clearAgain.Status));
        Assert.Equal(GetDisplayMessagesStatus.Unknown, none.Status);
    }

    [Fact]
    public async Task What_the_display_cannot_show_is_refused_with_the_reason_the_spec_names()
    {
        await using var station = await BootedStation.StartAsync("CP-DM-REFUSE");

        var html = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(1, format: MessageFormat.HTML) });
        var unknownTransaction = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(2, transactionId: "no-such-transaction") });
        for (var id = 10; id < 20; id++)
            await station.SendAsync(new SetDisplayMessageRequest { Message = Message(id) });
        var full = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(20) });
        var replace = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(10, MessagePriority.InFront) });

        Assert.Equal(DisplayMessageStatus.NotSupportedMessageFormat, html.Status);
        Assert.Equal(DisplayMessageStatus.UnknownTransaction, unknownTransaction.Status);
        Assert.Equal((DisplayMessageStatus.Rejected, "Full"), (full.Status, full.StatusInfo?.ReasonCode));
        Assert.Equal(DisplayMessageStatus.Accepted, replace.Status);
    }

    [Fact]
    public async Task A_transactions_message_goes_when_the_transaction_ends()
    {
        await using var station = await BootedStation.StartAsync("CP-DM-TX");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = new IdToken { Token = "DM", Type = IdTokenType.Central }, RemoteStartId = 1, EvseId = 1 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);
        var transactionId = started.TransactionInfo.TransactionId;

        var set = await station.SendAsync(new SetDisplayMessageRequest { Message = Message(5, transactionId: transactionId) });
        await station.SendAsync(new RequestStopTransactionRequest { TransactionId = transactionId });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        var after = await station.SendAsync(new GetDisplayMessagesRequest { RequestId = 1, Id = [5] });

        Assert.Equal(DisplayMessageStatus.Accepted, set.Status);
        Assert.Equal(GetDisplayMessagesStatus.Unknown, after.Status);
    }
}
