namespace DrivePower.Tests.Ocpp.Messages;

/// <summary>
/// One valid request and response per action, written from the OCPP 2.0.1 JSON schemas. Most use
/// every property the schema defines, so a lossless round trip proves each wire name.
/// </summary>
public static class OcppExamples
{
    private const string Custom = """{"vendorId":"com.drivepower","note":{"any":["json",1]}}""";
    private const string StatusInfo = """{"reasonCode":"Busy","additionalInfo":"try later","customData":{"vendorId":"v"}}""";
    private const string Evse = """{"id":1,"connectorId":2,"customData":{"vendorId":"v"}}""";
    private const string IdToken = """{"idToken":"04A1B2C3","type":"ISO14443","additionalInfo":[{"additionalIdToken":"X1","type":"plate","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}""";
    private const string Component = """{"name":"EVSE","instance":"main","evse":""" + Evse + ""","customData":{"vendorId":"v"}}""";
    private const string Variable = """{"name":"Power","instance":"max","customData":{"vendorId":"v"}}""";
    private const string Message = """{"format":"UTF8","language":"en","content":"Welcome","customData":{"vendorId":"v"}}""";
    private const string IdTokenInfo = """{"status":"Accepted","cacheExpiryDateTime":"2030-01-01T00:00:00Z","chargingPriority":-9,"language1":"en","evseId":[1,2],"groupIdToken":{"idToken":"G1","type":"Central"},"language2":"nl","personalMessage":""" + Message + ""","customData":{"vendorId":"v"}}""";
    private const string SampledValues = """[{"value":1234.5,"context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","phase":"L1-N","location":"Outlet","signedMeterValue":{"signedMeterData":"c2ln","signingMethod":"ECDSA","encodingMethod":"OCMF","publicKey":"a2V5","customData":{"vendorId":"v"}},"unitOfMeasure":{"unit":"Wh","multiplier":0,"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}},{"value":7,"measurand":"Power.Active.Import","phase":"L3-L1","context":"Transaction.Begin","location":"EV"}]""";
    private const string MeterValues = """[{"timestamp":"2025-06-01T12:00:00.123+02:00","sampledValue":""" + SampledValues + ""","customData":{"vendorId":"v"}}]""";
    private const string ChargingProfile = """{"id":5,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily","validFrom":"2025-01-01T00:00:00Z","validTo":"2026-01-01T00:00:00Z","chargingSchedule":[{"id":1,"startSchedule":"2025-01-01T00:00:00Z","duration":3600,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.5,"numberPhases":3,"phaseToUse":1,"customData":{"vendorId":"v"}}],"minChargingRate":6.1,"salesTariff":{"id":1,"salesTariffDescription":"day","numEPriceLevels":2,"salesTariffEntry":[{"relativeTimeInterval":{"start":0,"duration":60,"customData":{"vendorId":"v"}},"ePriceLevel":0,"consumptionCost":[{"startValue":0.5,"cost":[{"costKind":"CarbonDioxideEmission","amount":3,"amountMultiplier":-3,"customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}],"transactionId":"tx-1","customData":{"vendorId":"v"}}""";

    private const string MessageInfo = """{"display":""" + Component + ""","id":4,"priority":"InFront","state":"Charging","startDateTime":"2025-06-01T12:00:00Z","endDateTime":"2025-06-02T12:00:00Z","transactionId":"tx-1","message":""" + Message + ""","customData":{"vendorId":"v"}}""";

    public static IReadOnlyDictionary<string, (string Request, string Response)> ByAction { get; } = new Dictionary<string, (string, string)>
    {
        ["BootNotification"] = (
            """{"chargingStation":{"serialNumber":"SN-1","model":"DP-22","modem":{"iccid":"8931","imsi":"2040","customData":{"vendorId":"v"}},"vendorName":"DrivePower","firmwareVersion":"1.0.0","customData":{"vendorId":"v"}},"reason":"PowerUp","customData":""" + Custom + """}""",
            """{"currentTime":"2025-06-01T12:00:00Z","interval":300,"status":"Accepted","statusInfo":""" + StatusInfo + ""","customData":""" + Custom + """}"""),
        ["Heartbeat"] = ("{}", """{"currentTime":"2025-06-01T12:00:00Z"}"""),
        ["StatusNotification"] = (
            """{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}""",
            "{}"),
        ["Authorize"] = (
            """{"idToken":""" + IdToken + ""","certificate":"-----BEGIN CERTIFICATE-----","iso15118CertificateHashData":[{"hashAlgorithm":"SHA256","issuerNameHash":"aa","issuerKeyHash":"bb","serialNumber":"01","responderURL":"http://ocsp","customData":{"vendorId":"v"}}],"customData":""" + Custom + """}""",
            """{"idTokenInfo":""" + IdTokenInfo + ""","certificateStatus":"CertChainError","customData":""" + Custom + """}"""),
        ["TransactionEvent"] = (
            """{"eventType":"Started","meterValue":""" + MeterValues + ""","timestamp":"2025-06-01T12:00:00Z","triggerReason":"CablePluggedIn","seqNo":0,"offline":false,"numberOfPhasesUsed":3,"cableMaxCurrent":32,"reservationId":7,"transactionInfo":{"transactionId":"tx-1","chargingState":"EVConnected","timeSpentCharging":0,"stoppedReason":"SOCLimitReached","remoteStartId":12,"customData":{"vendorId":"v"}},"evse":""" + Evse + ""","idToken":""" + IdToken + ""","customData":""" + Custom + """}""",
            """{"totalCost":12.34,"chargingPriority":2,"idTokenInfo":""" + IdTokenInfo + ""","updatedPersonalMessage":""" + Message + ""","customData":""" + Custom + """}"""),
        ["MeterValues"] = ("""{"evseId":0,"meterValue":""" + MeterValues + ""","customData":""" + Custom + """}""", """{"customData":{"vendorId":"v"}}"""),
        ["NotifyEvent"] = (
            """{"generatedAt":"2025-06-01T12:00:00Z","tbc":false,"seqNo":0,"eventData":[{"eventId":1,"timestamp":"2025-06-01T12:00:00Z","trigger":"Delta","cause":0,"actualValue":"Faulted","techCode":"E1","techInfo":"relay","cleared":true,"transactionId":"tx-1","component":""" + Component + ""","variableMonitoringId":3,"eventNotificationType":"HardWiredNotification","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":""" + Custom + """}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["NotifyReport"] = (
            """{"requestId":1,"generatedAt":"2025-06-01T12:00:00Z","reportData":[{"component":""" + Component + ""","variable":""" + Variable + ""","variableAttribute":[{"type":"Actual","value":"22000","mutability":"ReadOnly","persistent":true,"constant":false,"customData":{"vendorId":"v"}}],"variableCharacteristics":{"unit":"W","dataType":"decimal","minLimit":0,"maxLimit":22000.5,"valuesList":"a,b","supportsMonitoring":true,"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}],"tbc":true,"seqNo":0,"customData":""" + Custom + """}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["SecurityEventNotification"] = (
            """{"type":"FirmwareUpdated","timestamp":"2025-06-01T12:00:00Z","techInfo":"v1.0.1","customData":{"vendorId":"v"}}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["FirmwareStatusNotification"] = ("""{"status":"InstallRebooting","requestId":4,"customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["LogStatusNotification"] = ("""{"status":"AcceptedCanceled","requestId":4,"customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["DataTransfer"] = (
            """{"messageId":"ping","data":{"free":["form",1,null]},"vendorId":"com.drivepower","customData":{"vendorId":"v"}}""",
            """{"status":"UnknownVendorId","statusInfo":""" + StatusInfo + ""","data":"pong","customData":{"vendorId":"v"}}"""),
        ["RequestStartTransaction"] = (
            """{"evseId":1,"groupIdToken":{"idToken":"G1","type":"Central"},"idToken":""" + IdToken + ""","remoteStartId":12,"chargingProfile":""" + ChargingProfile + ""","customData":""" + Custom + """}""",
            """{"status":"Accepted","statusInfo":""" + StatusInfo + ""","transactionId":"tx-1","customData":{"vendorId":"v"}}"""),
        ["RequestStopTransaction"] = ("""{"transactionId":"tx-1","customData":{"vendorId":"v"}}""", """{"status":"Rejected","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetTransactionStatus"] = ("""{"transactionId":"tx-1","customData":{"vendorId":"v"}}""", """{"ongoingIndicator":true,"messagesInQueue":false,"customData":{"vendorId":"v"}}"""),
        ["Reset"] = ("""{"type":"OnIdle","evseId":1,"customData":{"vendorId":"v"}}""", """{"status":"Scheduled","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["ChangeAvailability"] = ("""{"evse":""" + Evse + ""","operationalStatus":"Inoperative","customData":{"vendorId":"v"}}""", """{"status":"Scheduled","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["UnlockConnector"] = ("""{"evseId":1,"connectorId":1,"customData":{"vendorId":"v"}}""", """{"status":"OngoingAuthorizedTransaction","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetVariables"] = (
            """{"getVariableData":[{"attributeType":"MaxSet","component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}""",
            """{"getVariableResult":[{"attributeStatusInfo":""" + StatusInfo + ""","attributeStatus":"NotSupportedAttributeType","attributeType":"Target","attributeValue":"11","component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}"""),
        ["SetVariables"] = (
            """{"setVariableData":[{"attributeType":"Actual","attributeValue":"300","component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}""",
            """{"setVariableResult":[{"attributeType":"MinSet","attributeStatus":"RebootRequired","attributeStatusInfo":""" + StatusInfo + ""","component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}"""),
        ["GetBaseReport"] = ("""{"requestId":1,"reportBase":"SummaryInventory","customData":{"vendorId":"v"}}""", """{"status":"EmptyResultSet","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["TriggerMessage"] = ("""{"evse":""" + Evse + ""","requestedMessage":"PublishFirmwareStatusNotification","customData":{"vendorId":"v"}}""", """{"status":"NotImplemented","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["ClearCache"] = ("""{"customData":{"vendorId":"v"}}""", """{"status":"Rejected","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["SetChargingProfile"] = ("""{"evseId":1,"chargingProfile":""" + ChargingProfile + ""","customData":{"vendorId":"v"}}""", """{"status":"Rejected","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetChargingProfiles"] = (
            """{"requestId":3,"evseId":1,"chargingProfile":{"chargingProfilePurpose":"TxDefaultProfile","stackLevel":2,"chargingProfileId":[1,2],"chargingLimitSource":["EMS","CSO"],"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}""",
            """{"status":"NoProfiles","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["ReportChargingProfiles"] = (
            """{"requestId":3,"chargingLimitSource":"CSO","chargingProfile":[""" + ChargingProfile + """],"tbc":true,"evseId":1,"customData":{"vendorId":"v"}}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["ClearChargingProfile"] = (
            """{"chargingProfileId":5,"chargingProfileCriteria":{"evseId":1,"chargingProfilePurpose":"TxProfile","stackLevel":0,"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}""",
            """{"status":"Unknown","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetCompositeSchedule"] = (
            """{"duration":3600,"chargingRateUnit":"W","evseId":1,"customData":{"vendorId":"v"}}""",
            """{"status":"Accepted","statusInfo":""" + StatusInfo + ""","schedule":{"chargingSchedulePeriod":[{"startPeriod":0,"limit":11000,"numberPhases":3},{"startPeriod":600,"limit":3680.5,"numberPhases":1,"phaseToUse":2}],"evseId":1,"duration":3600,"scheduleStart":"2025-06-01T12:00:00Z","chargingRateUnit":"W","customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}"""),
        ["NotifyChargingLimit"] = (
            """{"chargingSchedule":[{"id":1,"startSchedule":"2025-06-01T12:00:00Z","duration":600,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10}],"minChargingRate":6}],"evseId":1,"chargingLimit":{"chargingLimitSource":"SO","isGridCritical":true,"customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["ClearedChargingLimit"] = ("""{"chargingLimitSource":"EMS","evseId":1,"customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["ReserveNow"] = (
            """{"id":9,"expiryDateTime":"2025-06-01T13:00:00Z","connectorType":"s309-1P-16A","idToken":""" + IdToken + ""","evseId":1,"groupIdToken":{"idToken":"G1","type":"Central"},"customData":{"vendorId":"v"}}""",
            """{"status":"Occupied","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["CancelReservation"] = ("""{"reservationId":9,"customData":{"vendorId":"v"}}""", """{"status":"Rejected","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["ReservationStatusUpdate"] = ("""{"reservationId":9,"reservationUpdateStatus":"Expired","customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["SendLocalList"] = (
            """{"localAuthorizationList":[{"idToken":""" + IdToken + ""","idTokenInfo":""" + IdTokenInfo + ""","customData":{"vendorId":"v"}},{"idToken":{"idToken":"GONE-1","type":"Local"}}],"versionNumber":3,"updateType":"Differential","customData":{"vendorId":"v"}}""",
            """{"status":"VersionMismatch","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetLocalListVersion"] = ("""{"customData":{"vendorId":"v"}}""", """{"versionNumber":3,"customData":{"vendorId":"v"}}"""),
        ["SetDisplayMessage"] = (
            """{"message":""" + MessageInfo + ""","customData":{"vendorId":"v"}}""",
            """{"status":"UnknownTransaction","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetDisplayMessages"] = (
            """{"id":[4,5],"requestId":2,"priority":"NormalCycle","state":"Idle","customData":{"vendorId":"v"}}""",
            """{"status":"Unknown","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["NotifyDisplayMessages"] = ("""{"messageInfo":[""" + MessageInfo + """],"requestId":2,"tbc":true,"customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["ClearDisplayMessage"] = ("""{"id":4,"customData":{"vendorId":"v"}}""", """{"status":"Accepted","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["CostUpdated"] = ("""{"totalCost":12.34,"transactionId":"tx-1","customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["GetLog"] = (
            """{"log":{"remoteLocation":"https://csms.example/files/logs/abc","oldestTimestamp":"2025-06-01T12:00:00Z","latestTimestamp":"2025-06-02T12:00:00Z","customData":{"vendorId":"v"}},"logType":"SecurityLog","requestId":9,"retries":2,"retryInterval":5,"customData":{"vendorId":"v"}}""",
            """{"status":"AcceptedCanceled","statusInfo":""" + StatusInfo + ""","filename":"station.log","customData":{"vendorId":"v"}}"""),
        ["CustomerInformation"] = (
            """{"customerCertificate":{"hashAlgorithm":"SHA256","issuerNameHash":"aa","issuerKeyHash":"bb","serialNumber":"01","customData":{"vendorId":"v"}},"idToken":""" + IdToken + ""","requestId":6,"report":true,"clear":false,"customerIdentifier":"cust-1","customData":{"vendorId":"v"}}""",
            """{"status":"Invalid","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["NotifyCustomerInformation"] = ("""{"data":"idToken 04A1B2C3","tbc":true,"seqNo":0,"generatedAt":"2025-06-01T12:00:00Z","requestId":6,"customData":{"vendorId":"v"}}""", """{"customData":{"vendorId":"v"}}"""),
        ["SetVariableMonitoring"] = (
            """{"setMonitoringData":[{"id":3,"transaction":true,"value":7400.5,"type":"UpperThreshold","severity":4,"component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}""",
            """{"setMonitoringResult":[{"id":3,"statusInfo":""" + StatusInfo + ""","status":"Duplicate","type":"UpperThreshold","component":""" + Component + ""","variable":""" + Variable + ""","severity":4,"customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}"""),
        ["ClearVariableMonitoring"] = (
            """{"id":[3,4],"customData":{"vendorId":"v"}}""",
            """{"clearMonitoringResult":[{"status":"NotFound","id":4,"statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}"""),
        ["SetMonitoringBase"] = ("""{"monitoringBase":"FactoryDefault","customData":{"vendorId":"v"}}""", """{"status":"NotSupported","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["SetMonitoringLevel"] = ("""{"severity":5,"customData":{"vendorId":"v"}}""", """{"status":"Rejected","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["GetMonitoringReport"] = (
            """{"componentVariable":[{"component":""" + Component + ""","variable":""" + Variable + ""","customData":{"vendorId":"v"}}],"requestId":8,"monitoringCriteria":["ThresholdMonitoring","PeriodicMonitoring"],"customData":{"vendorId":"v"}}""",
            """{"status":"EmptyResultSet","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
        ["NotifyMonitoringReport"] = (
            """{"monitor":[{"component":""" + Component + ""","variable":""" + Variable + ""","variableMonitoring":[{"id":3,"transaction":false,"value":30,"type":"Periodic","severity":8,"customData":{"vendorId":"v"}}],"customData":{"vendorId":"v"}}],"requestId":8,"tbc":false,"seqNo":0,"generatedAt":"2025-06-01T12:00:00Z","customData":{"vendorId":"v"}}""",
            """{"customData":{"vendorId":"v"}}"""),
        ["UpdateFirmware"] = (
            """{"retries":3,"retryInterval":10,"requestId":12,"firmware":{"location":"https://csms.example/files/firmware/7/fw.bin","retrieveDateTime":"2025-06-01T12:00:00Z","installDateTime":"2025-06-01T13:00:00Z","signingCertificate":"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n","signature":"MEUCIQ==","customData":{"vendorId":"v"}},"customData":{"vendorId":"v"}}""",
            """{"status":"InvalidCertificate","statusInfo":""" + StatusInfo + ""","customData":{"vendorId":"v"}}"""),
    };

    public static TheoryData<string> ActionNames() => new(ByAction.Keys);
}
