using System.ComponentModel.DataAnnotations;
using CarteBlanche.Linkage;

namespace CarteBlanche.Rights;

/// <summary>The campaigns' linkage thresholds (« Rights » section): match probabilities, 0 &lt; review ≤ match ≤ 1.</summary>
public sealed class RightsOptions : IValidatableObject
{
    public const string Section = "Rights";

    /// <summary>At or above it, two operators' records are the same person without review. Default: the engine's (0.80).</summary>
    public double MatchThreshold { get; set; } = new LinkageSettings().MatchThreshold;

    /// <summary>At or above it (and below the match threshold), the link goes to a data steward's review. Default 0.50.</summary>
    public double ReviewThreshold { get; set; } = new LinkageSettings().ReviewThreshold;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LinkageSettings.ThresholdsAreValid(ReviewThreshold, MatchThreshold))
        {
            yield return new ValidationResult(
                $"Rights:ReviewThreshold ({ReviewThreshold}) et Rights:MatchThreshold ({MatchThreshold}) : il faut 0 < seuil de revue ≤ seuil d'appariement ≤ 1.",
                [nameof(ReviewThreshold), nameof(MatchThreshold)]);
        }
    }
}
