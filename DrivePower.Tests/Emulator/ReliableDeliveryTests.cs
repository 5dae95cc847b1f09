using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>E13: transaction messages the CSMS refuses or leaves unanswered are sent again, in order, a bounded number of times.</summary>
public class ReliableDeliveryTests
{
    private static readonly IdToken Token = new() { Token = "REMOTE-1", Type = IdTokenType.Central };

    [Fact]
    public async Task A_refused_transaction_event_is_sent_again_after_growing_waits_and_later_ones_wait_behind_it()
    {
        await using var station = await BootedStation.StartAsync("CP-RETRY", ("METER_INTERVAL_SECONDS", "0.2"));
        await SetDeliveryAsync(station, attempts: "4", interval: "1");
        var refusals = 0;
        station.Csms.RefuseTransactionEvent = e => e.SeqNo == 0 && Interlocked.Increment(ref refusals) <= 2;

        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.SeqNo == 3, TimeSpan.FromSeconds(15));

        var tries = station.Csms.Refused.Select(m => m.At)
            .Concat(station.Csms.All(station.Id).Where(m => m.Request is TransactionEventRequest { SeqNo: 0 }).Select(m => m.At)).Order().ToList();
        Assert.Equal(3, tries.Count);
        Assert.InRange((tries[1] - tries[0]).TotalSeconds, 0.9, 2.5); // interval × 1
        Assert.InRange((tries[2] - tries[1]).TotalSeconds, 1.9, 3.5); // interval × 2
        var seqNos = station.Received<TransactionEventRequest>().Select(e => e.SeqNo).ToList();
        Assert.Equal(Enumerable.Range(0, seqNos.Count), seqNos); // nothing overtook the retried Started
    }

    [Fact]
    public async Task After_MessageAttempts_refusals_the_event_is_given_up_with_a_warning_and_the_next_one_goes_out()
    {
        var logs = new RecordedLogs();
        await using var station = await BootedStation.StartAsync("CP-GIVEUP", logs, ("METER_INTERVAL_SECONDS", "0.2"));
        await SetDeliveryAsync(station, attempts: "2", interval: "1");
        station.Csms.RefuseTransactionEvent = e => e.SeqNo == 0;

        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.SeqNo == 1, TimeSpan.FromSeconds(10));

        Assert.Equal(2, station.Csms.Refused.Count(m => m.Request is TransactionEventRequest { SeqNo: 0 }));
        var givenUp = Assert.Single(logs.Named("DeliveryGivenUp"));
        Assert.Equal(LogLevel.Warning, givenUp.Level);
        Assert.Contains("seqNo 0", givenUp.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Named("DeliveryRetrying"), entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task The_delivery_and_offline_variables_are_in_the_device_model_with_their_defaults_and_bad_values_are_rejected()
    {
        await using var station = await BootedStation.StartAsync("CP-DELIVERY-VARS");

        var read = await station.SendAsync(new GetVariablesRequest
        {
            GetVariableData =
            [
                Get("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"), Get("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent"),
                Get("AuthCtrlr", "LocalAuthorizeOffline"), Get("AuthCtrlr", "OfflineTxForUnknownIdEnabled"),
                Get("OCPPCommCtrlr", "MessageAttempts"), Get("OCPPCommCtrlr", "MessageAttempts", "StatusNotification"),
            ],
        });
        var written = await station.SendAsync(new SetVariablesRequest
        {
            SetVariableData =
            [
                Set("OCPPCommCtrlr", "MessageAttempts", "0"), Set("OCPPCommCtrlr", "MessageAttemptInterval", "soon"),
                Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true"),
            ],
        });

        Assert.Equal(["5", "10", "true", "false", "5", null], read.GetVariableResult.Select(r => r.AttributeValue));
        Assert.Equal(GetVariableStatus.UnknownVariable, read.GetVariableResult[^1].AttributeStatus);
        Assert.Equal([SetVariableStatus.Rejected, SetVariableStatus.Rejected, SetVariableStatus.Accepted],
            written.SetVariableResult.Select(r => r.AttributeStatus));
    }

    internal static async Task SetDeliveryAsync(BootedStation station, string attempts, string interval)
    {
        var answer = await station.SendAsync(new SetVariablesRequest
        {
            SetVariableData =
            [
                Set("OCPPCommCtrlr", "MessageAttempts", attempts, "TransactionEvent"),
                Set("OCPPCommCtrlr", "MessageAttemptInterval", interval, "TransactionEvent"),
            ],
        });
        Assert.All(answer.SetVariableResult, result => Assert.Equal(SetVariableStatus.Accepted, result.AttributeStatus));
    }

    internal static SetVariableData Set(string component, string variable, string value, string? instance = null) => new()
    {
        Component = new Component { Name = component },
        Variable = new Variable { Name = variable, Instance = instance },
        AttributeValue = value,
    };

    private static GetVariableData Get(string component, string variable, string? instance = null) => new()
    {
        Component = new Component { Name = component },
        Variable = new Variable { Name = variable, Instance = instance },
    };
}
