using DrivePower.Csms.Apis.OpenApi;
using DrivePower.Csms.Apis.Queries;
using DrivePower.Csms.Authentication;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Csms.Ocpp;
using DrivePower.Csms.Schema;
using Scalar.AspNetCore;

namespace DrivePower.Csms.Apis;

/// <summary>
/// The operator HTTP API: stations, transactions, commands, live events, the authorization list;
/// Problem Details (RFC 9457) for every error; an operator key (<c>X-Api-Key</c>) when the CSMS listens
/// beyond loopback (see <see cref="OperatorApiAuthentication"/>); the OpenAPI document at <c>/openapi/v1.json</c> and an
/// interactive API page at <c>/scalar</c>, in every environment.
/// </summary>
public static class OperatorApi
{
    public static IHostApplicationBuilder AddOperatorApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            SchemaProblemDetails.Customize(context);
            DescribeConflict(context);
        });
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception switch
            {
                StorageUnavailableException => StatusCodes.Status503ServiceUnavailable,
                StorageRejectedValueException => StatusCodes.Status400BadRequest,
                StorageConflictException => StatusCodes.Status409Conflict, // a race with another change, or a bug: not an outage
                BadHttpRequestException badRequest => badRequest.StatusCode, // a body that is not JSON, in Development too
                _ => StatusCodes.Status500InternalServerError,
            });
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, OperatorJsonContext.Default));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<OperatorApiSecurityScheme>()
            .AddOperationTransformer<CommandOperations>()
            .AddOperationTransformer<OperatorApiResponses>());
        builder.AddOperatorApiAuthentication();
        builder.Services.AddSingleton<StationQueries>();
        builder.Services.AddSingleton<TransactionQueries>();
        builder.Services.AddSingleton<TransactionEnds>();
        builder.Services.AddSingleton<CommandEffects>();
        builder.Services.AddSingleton<OperatorCommands>();
        return builder;
    }

    /// <summary>A 409 from a write the database refused says what it conflicted with.</summary>
    private static void DescribeConflict(ProblemDetailsContext context)
    {
        if (context.Exception is not StorageConflictException conflict)
            return;
        context.ProblemDetails.Title = "Conflicts with what is stored";
        context.ProblemDetails.Detail = $"{conflict.Message} Nothing was stored; another change may have come first.";
    }

    public static WebApplication MapOperatorApi(this WebApplication app)
    {
        app.UseWhen(context => !OcppEndpoint.IsStationConnection(context), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
            api.UseNulRejection();
            api.UseAuthentication();
            api.UseAuthorization();
        });
        app.MapOpenApi();
        app.MapScalarApiReference(); // in every environment: the stand is for trying the API

        var api = app.MapGroup("").RequireAuthorization(OperatorApiAuthentication.PolicyName);
        api.MapStationsApi();
        api.MapTransactionsApi();
        api.MapCommandsApi();
        api.MapCommandCatalogApi();
        api.MapEventsApi();
        api.MapJournalApi();
        api.MapIdTokensApi();
        api.MapChargingProfilesApi();
        api.MapReservationsApi();
        api.MapLocalAuthListApi();
        api.MapDisplayMessagesApi();
        api.MapTariffsApi();
        api.MapStationLogsApi();
        api.MapCustomerInformationApi();
        api.MapVariableMonitorsApi();
        api.MapFirmwareApi();
        api.MapFirmwareUpdatesApi();
        return app;
    }
}
