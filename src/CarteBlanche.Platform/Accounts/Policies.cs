namespace CarteBlanche.Platform.Accounts;

/// <summary>Authorization policies, registered by the web host.</summary>
public static class Policies
{
    /// <summary>Anyone signed in, whatever their role: their own account, signing out.</summary>
    public const string SignedIn = "SignedIn";
    public const string Admin = "Admin";
    public const string TerritoryReaders = "TerritoryReaders";
    public const string TerritoryEditors = "TerritoryEditors";
    /// <summary>Agents and social workers: residents and cases of their site.</summary>
    public const string Desk = "Desk";
    /// <summary>Site figures (no personal data): agents and social workers for their site, coordinators and admins for any.</summary>
    public const string Figures = "Figures";
    /// <summary>The partner network: agents, social workers, partner referents, coordinators and admins.</summary>
    public const string Network = "Network";
    /// <summary>Publishing partner news: partner referents, coordinators and admins.</summary>
    public const string NewsPublishers = "NewsPublishers";
    /// <summary>The bus's crew and its coordinators: agents, social workers, coordinators and admins.</summary>
    public const string BusCrew = "BusCrew";
    /// <summary>Data-sharing conventions and their data dictionary, read: desk users, data stewards, coordinators and admins.</summary>
    public const string Rights = "Rights";
    /// <summary>Writing conventions and their data dictionary: data stewards, coordinators and admins.</summary>
    public const string RightsStewards = "RightsStewards";
    /// <summary>Solidarity mobility: helpers, agents, social workers, coordinators and admins record travel needs and look for solutions.</summary>
    public const string Mobility = "Mobility";
    /// <summary>The HR service centre for very small firms, read: HR experts (their firms), firm owners (their own firm), coordinators and admins.</summary>
    public const string Employers = "Employers";
    /// <summary>Enrolling firms and keeping their HR records: HR experts, coordinators and admins.</summary>
    public const string EmployersExperts = "EmployersExperts";
    /// <summary>Reviewing residents' comments before the results show them, and the results without masking: coordinators and admins.</summary>
    public const string ResultsReviewers = "ResultsReviewers";
}
