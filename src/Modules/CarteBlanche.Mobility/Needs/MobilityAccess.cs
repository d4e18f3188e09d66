using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Needs;

/// <summary>
/// Who sees a person's details: the helper who recorded them, and the carpool operator (the helpers of the operator's
/// organisation, coordinators and admins), nobody else.
/// </summary>
public sealed class MobilityAccess(CarteBlancheDbContext db, IOptions<MobilityOptions> options)
{
    private bool? _operator;

    public async Task<bool> IsOperatorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (_operator is { } known)
        {
            return known;
        }
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin))
        {
            return (_operator = true).Value;
        }
        var organisation = user.Organisation();
        var name = options.Value.CarpoolOperator;
        _operator = user.IsInRole(Roles.Helper) && organisation != null
            && await db.Organisations.AnyAsync(o => o.Id == organisation && o.Name == name, cancellationToken);
        return _operator.Value;
    }

    /// <summary>A need the person asked for themselves (no recorder) is the operator's alone.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid? recordedBy, CancellationToken cancellationToken) =>
        (recordedBy != null && recordedBy == user.AccountId()) || await IsOperatorAsync(user, cancellationToken);
}
