using System.Security.Claims;
using CarteBlanche.Platform.Audit;

namespace CarteBlanche.Desk.Cases;

/// <summary>
/// Who sees what in the desk: agents and social workers see the residents and cases of their own site.
/// Coordinators see figures, not personal data. A refusal is journaled.
/// </summary>
public sealed class DeskAccess(IAuditLog auditLog)
{
    public static bool IsDeskUser(ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.SocialWorker);

    public static Guid? SiteOf(ClaimsPrincipal user) => user.Site();

    public static Guid ActorOf(ClaimsPrincipal user) => user.AccountId();

    public static bool CanSee(ClaimsPrincipal user, Guid siteId) => IsDeskUser(user) && SiteOf(user) == siteId;

    public Task RecordRefusalAsync(string recordType, Guid recordId, CancellationToken cancellationToken) =>
        auditLog.RecordAsync(new AuditEvent($"{recordType.ToLowerInvariant()}.access-denied", recordType, recordId.ToString("D"), AuditPurpose.OutsideAgentSite), cancellationToken);
}
