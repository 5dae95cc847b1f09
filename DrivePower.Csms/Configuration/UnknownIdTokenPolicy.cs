namespace DrivePower.Csms.Configuration;

/// <summary>What Authorize and TransactionEvent answer for an idToken that is not in the authorization list.</summary>
public enum UnknownIdTokenPolicy
{
    /// <summary>Any unknown token is Accepted: the friendly default of a training stand.</summary>
    Accept,

    /// <summary>An unknown token is answered Unknown, as a production CSMS would.</summary>
    Reject,
}
