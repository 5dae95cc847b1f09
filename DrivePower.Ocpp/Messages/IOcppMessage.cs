namespace DrivePower.Ocpp.Messages;

/// <summary>A response payload.</summary>
public interface IOcppResponse;

/// <summary>A request payload whose CALLRESULT is a <typeparamref name="TResponse"/>.</summary>
public interface IOcppRequest<TResponse> where TResponse : IOcppResponse;
