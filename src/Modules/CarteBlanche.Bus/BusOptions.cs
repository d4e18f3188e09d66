namespace CarteBlanche.Bus;

/// <summary>Section "Bus".</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>Where the bus starts and ends each day (INSEE code of the commune).</summary>
    public string DepotInseeCode { get; set; } = "46042";

    /// <summary>Seconds the planner may search.</summary>
    public double PlannerSeconds { get; set; } = 5;

    /// <summary>What the bus costs a year (vehicle, crew, fuel), in euros: gives the cost per contact. Unset: not shown.</summary>
    public decimal? YearlyCost { get; set; } = 150000;

    /// <summary>Posts of the subscription forms (asking to be told, confirming) an hour per client address.</summary>
    public int SubscriptionRequestsPerHour { get; set; } = 10;
}
