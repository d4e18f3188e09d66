namespace CarteBlanche.Tours;

/// <summary>A stop on a date and half-day (passage).</summary>
public sealed record Passage(DateOnly Date, int Bus, HalfDay HalfDay, string CommuneCode, string CommuneName, string? PlaceName, TimeOnly Start, TimeOnly End, IReadOnlyList<string> Specialists);

/// <summary>A candidate commune the plan does not serve, and why (in French, for the coordinator).</summary>
public sealed record LeftOut(string CommuneCode, string CommuneName, string Reason);

public sealed record CommuneFigures(string Code, string Name, int Population, double IsolationMinutes, double Weight);

public sealed record TourFigures(
    int CommunesServed,
    int PassagesPerCycle,
    int ResidentsServed,
    double WeightServed,
    double DrivingMinutes,
    double DrivingKilometres,
    // Share of the isolated residents (population of the candidates) living in a served commune.
    double IsolatedResidentsReached);

/// <summary>
/// The planner's answer. <see cref="Objective"/> is what the solver minimises (penalties of the unserved visits,
/// weighted by isolation, plus driving minutes); <see cref="Bound"/> a lower bound on it; <see cref="GapPercent"/>
/// how far the plan may be from the best possible.
/// </summary>
public sealed record TourPlan(
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<LeftOut> LeftOut,
    IReadOnlyList<CommuneFigures> Communes,
    TourFigures Figures,
    long Objective,
    long Bound,
    double GapPercent,
    TimeSpan Elapsed,
    bool Interrupted,
    IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static TourPlan Failed(IReadOnlyList<string> errors) =>
        new([], [], [], new TourFigures(0, 0, 0, 0, 0, 0, 0), 0, 0, 0, TimeSpan.Zero, false, errors);
}
