namespace DrivePower.Ocpp.Frames;

/// <summary>The CALLERROR codes of OCPP-J 2.0.1; each member's name is its exact wire name.</summary>
public enum OcppErrorCode
{
    FormatViolation,
    GenericError,
    InternalError,
    MessageTypeNotSupported,
    NotImplemented,
    NotSupported,
    OccurrenceConstraintViolation,
    PropertyConstraintViolation,
    ProtocolError,
    RpcFrameworkError,
    SecurityError,
    TypeConstraintViolation,
}
