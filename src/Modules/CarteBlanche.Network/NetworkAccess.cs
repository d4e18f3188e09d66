using System.Security.Claims;
using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Audit;

namespace CarteBlanche.Network;

/// <summary>Who acts: an account, or an organisation's API key (then <see cref="ApiKeyName"/> is set).</summary>
public sealed record Actor(Guid Id, Guid OrganisationId, string? ApiKeyName = null)
{
    public static Actor Of(ClaimsPrincipal user) => new(user.AccountId(), user.Organisation() ?? Guid.Empty);

    /// <summary>As the taker of a question: the account, or the API key (never an API key's id taken for an account's).</summary>
    public Taker AsTaker => ApiKeyName == null ? Taker.Account(Id) : Taker.ApiKey(Id);
}

/// <summary>How someone stands towards a question.</summary>
public enum QuestionRole
{
    None,
    /// <summary>An agent or social worker who follows the case (its site, or shared with them).</summary>
    Agent,
    /// <summary>A referent of the organisation the question is addressed to.</summary>
    Partner,
    /// <summary>A coordinator, for a question its organisation declared out of its scope: reads it (journaled) to re-route it.</summary>
    Coordinator,
}

/// <summary>
/// Who sees what in the network: the agents who follow a case see its questions; a partner's referents see the
/// questions addressed to their organisation, and only the data shared with it. Refusals are journaled.
/// </summary>
public sealed class NetworkAccess(IDeskCases deskCases, IAuditLog auditLog)
{
    public static bool IsReferent(ClaimsPrincipal user) => user.IsInRole(Roles.PartnerReferent);

    public static bool IsDeskUser(ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.SocialWorker);

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    public static Guid? OrganisationOf(ClaimsPrincipal user) => user.Organisation();

    public static Guid? SiteOf(ClaimsPrincipal user) => user.Site();

    public async Task<QuestionRole> RoleAsync(ClaimsPrincipal user, PartnerQuestion question, CancellationToken cancellationToken)
    {
        if (IsReferent(user) && OrganisationOf(user) == question.OrganisationId)
        {
            return QuestionRole.Partner;
        }
        if (IsDeskUser(user) && await deskCases.CanFollowAsync(user, question.CaseId, cancellationToken))
        {
            return QuestionRole.Agent;
        }
        if (IsCoordinator(user) && question.State == QuestionState.NotRightPartner)
        {
            return QuestionRole.Coordinator;
        }
        return QuestionRole.None;
    }

    /// <summary>Someone asked a partner about a case they cannot follow: journaled under the case, not as a question.</summary>
    public Task RecordCaseRefusalAsync(Guid caseId, CancellationToken cancellationToken) =>
        auditLog.RecordAsync(new AuditEvent("case.access-denied", "Case", caseId.ToString("D"), AuditPurpose.NotCaseAgentNorReferent), cancellationToken);

    public Task RecordRefusalAsync(Guid questionId, CancellationToken cancellationToken) =>
        auditLog.RecordAsync(new AuditEvent("question.access-denied", "PartnerQuestion", questionId.ToString("D"), AuditPurpose.NotCaseAgentNorReferent), cancellationToken);
}
