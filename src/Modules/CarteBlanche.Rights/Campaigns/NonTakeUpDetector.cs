using System.Globalization;
using CarteBlanche.Benefits;
using CarteBlanche.Linkage;
using CarteBlanche.Rights.Exchange;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>One record of an operator's current data, as a campaign reads it: identity for linkage, household and role, the facts in clear.</summary>
public sealed record CampaignRecord(string SourceId, string? HouseholdId, PersonRole Role, PersonRecord Identity, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>The stored record's id (<see cref="OperatorRecord.Id"/>); empty when read from a file.</summary>
    public Guid RecordId { get; init; }

    /// <summary>A person as read from an operator's file; <paramref name="nirHash"/> is what linkage compares (the keyed hash, or the NIR itself in memory).</summary>
    public static CampaignRecord Of(SharedPerson person, string? nirHash) => new(
        person.SourceId, person.HouseholdId, person.Role,
        new PersonRecord(person.SourceId, nirHash, person.UsageName ?? person.BirthName, person.UsageName == null ? null : person.BirthName, person.FirstNames, person.Sex, person.BirthDate, person.BirthPlace, person.Commune),
        person.Facts);
}

/// <summary>An operator's current records and the attribute codes it shares (what it can tell).</summary>
public sealed record CampaignSource(Guid OperatorId, string Name, IReadOnlySet<string> Codes, IReadOnlyList<CampaignRecord> Records)
{
    /// <summary>The records' identities prepared for linkage, when the reader started it already (while it read the next file).</summary>
    public Task<PreparedFile>? Prepared { get; init; }
}

public enum SignalKind
{
    /// <summary>Entitled by the engine's estimate, not receiving.</summary>
    NonTakeUp,
    /// <summary>An operator's data contradicts a rule (an RSA recipient without the automatic CSS): for the operator to fix.</summary>
    Anomaly,
}

public enum Certainty
{
    /// <summary>Every criterion the engine read is known from the operators' data.</summary>
    Characterised,
    /// <summary>Some criterion was assumed (listed in the signal).</summary>
    Probable,
}

/// <summary>A benefit a linked household probably does not get although entitled, with the amount at stake and why.</summary>
public sealed record DetectedSignal(int Household, string Benefit, SignalKind Kind, Certainty Certainty, double MonthlyAmount, Guid CompetentOperatorId, string Explanation, IReadOnlyList<string> Assumptions);

/// <summary>A household as the campaign rebuilt it: its persons' records in each source (<see cref="RecordRef"/>: source, record).</summary>
public sealed record DetectedHousehold(int Number, IReadOnlyList<IReadOnlyList<RecordRef>> Persons, string? Commune, string Type, bool Assessed, string? NotAssessedReason);

public sealed record DetectionResult(
    IReadOnlyList<DetectedHousehold> Households,
    IReadOnlyList<DetectedSignal> Signals,
    IReadOnlyList<SourcePairLinks> Links,
    IReadOnlyDictionary<string, int> Entitled,
    TimeSpan LinkageTime,
    TimeSpan ComputeTime);

/// <summary>
/// The campaign's core, without the database: links the operators' records into persons (<see cref="Linker.Cluster(IReadOnlyList{PreparedFile}, LinkageSettings, IProgress{double}?, CancellationToken, Func{RecordRef, RecordRef, bool?}?)"/>),
/// persons into households (the operators' own household numbers), rebuilds each household's situation for the
/// benefits engine (composition, ages, monthly resources M-13..M-1, housing, disability), computes the RSA, the prime
/// d'activité and the CSS for the month, and compares with what the operators say the household receives.
/// </summary>
/// <remarks>
/// Which operator says what comes from the data dictionary's codes, not from names: <c>rsa</c>, <c>prime_activite</c>
/// (the payer of the RSA and the prime d'activité), <c>css</c> (the CPAM), <c>revenus_activite:AAAA-MM</c>,
/// <c>autres_revenus:AAAA-MM</c>, <c>allocation_chomage:AAAA-MM</c>, <c>logement</c>, <c>aide_logement</c>,
/// <c>isolement_recent</c>, <c>taux_incapacite</c>. A household is assessed only when an operator that knows households
/// (the RSA's payer or the CPAM) knows it: a person known only as a job seeker tells nothing of her household.
/// </remarks>
public static class NonTakeUpDetector
{
    /// <summary>Months of resources read: M-13..M-1 (the CSS reads 12 months to M-2; the RSA and prime d'activité M-4..M-2).</summary>
    public const int HistoryMonths = 14;

    /// <remarks>Agents' decisions on links to review are applied through <c>decided</c> (see <see cref="Linker.Cluster(IReadOnlyList{PreparedFile}, LinkageSettings, IProgress{double}?, CancellationToken, Func{RecordRef, RecordRef, bool?}?)"/>).</remarks>
    public static DetectionResult Detect(IReadOnlyList<CampaignSource> sources, Month month, LinkageSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default, Func<RecordRef, RecordRef, bool?>? decided = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var linkProgress = progress == null ? null : new Progress<double>(v => progress.Report(0.8 * v));
        var prepared = sources.Select(s => s.Prepared?.GetAwaiter().GetResult() ?? Linker.Prepare(s.Records.Select(r => r.Identity).ToList(), settings, cancellationToken)).ToList();
        var clustering = Linker.Cluster(prepared, settings, linkProgress, cancellationToken, decided);
        var linkageTime = clock.Elapsed;
        clock.Restart();

        var payer = IndexOf(sources, "rsa");
        var cpam = IndexOf(sources, "css");
        var households = Households(sources, clustering.Clusters);
        cancellationToken.ThrowIfCancellationRequested();

        // Composition and data per household, then one columnar population for the engine.
        var first = month.AddMonths(-(HistoryMonths - 1));
        var built = new List<Built>();
        var detected = new List<DetectedHousehold>(households.Count);
        foreach (var persons in households)
        {
            var number = detected.Count;
            var (assessed, reason, type, commune) = Describe(sources, persons, payer, cpam, month);
            detected.Add(new DetectedHousehold(number, persons, commune, type, assessed != null, reason));
            if (assessed != null)
            {
                built.Add(assessed with { Number = number });
            }
        }
        var pop = new Population(built.Count, built.Sum(b => b.Parents.Count + b.Children.Count), first, HistoryMonths);
        var row = 0;
        var assumptions = new List<string>[built.Count];
        for (var f = 0; f < built.Count; f++)
        {
            var b = built[f];
            assumptions[f] = [.. b.Assumptions];
            pop.FirstPerson[f] = row;
            pop.Parents[f] = (byte)b.Parents.Count;
            pop.Children[f] = (byte)b.Children.Count;
            pop.LaterMonths[f] = true; // « solidarité à la source »: M-4..M-2 everywhere since March 2025
            var facts = Facts(sources, b.All, payer);
            var housing = facts.TryGetValue("logement", out var h) ? h : null;
            pop.Housing[f] = housing switch
            {
                "proprietaire" => HousingStatus.Proprietaire,
                "accedant" => HousingStatus.PrimoAccedant,
                "locataire" => HousingStatus.LocataireVide,
                "locataire_hlm" => HousingStatus.LocataireHlm,
                "heberge" => HousingStatus.LogeGratuitement,
                _ => HousingStatus.Proprietaire,
            };
            if (housing == null)
            {
                assumptions[f].Add("logement inconnu : compté comme propriétaire sans charge (forfait logement déduit)");
            }
            pop.InKindHousing[f] = pop.Housing[f] is HousingStatus.Proprietaire or HousingStatus.LogeGratuitement;
            var aid = facts.TryGetValue("aide_logement", out var a) ? Amount(a) : 0;
            for (var m = 0; m < HistoryMonths; m++)
            {
                pop.HousingAid[(f * HistoryMonths) + m] = aid;
            }
            pop.RecentIsolation[f] = facts.TryGetValue("isolement_recent", out var iso) && iso == "oui";
            foreach (var person in b.Parents.Concat(b.Children))
            {
                var p = row++;
                var (birth, incapacity, activity, other, known) = PersonData(sources, person, payer, cpam, first);
                pop.Birth[p] = Population.Pack(birth);
                pop.Incapacity[p] = incapacity;
                pop.Restriction[p] = incapacity > 0;
                activity.CopyTo(pop.Activity, p * HistoryMonths);
                other.CopyTo(pop.OtherIncome, p * HistoryMonths);
                if (!known && month.AgeOf(pop.Birth[p]) >= 16)
                {
                    assumptions[f].Add($"ressources d'une personne née en {birth.Year} inconnues : comptées nulles");
                }
            }
        }
        pop.FirstPerson[built.Count] = row;
        var results = Batch.Compute(pop, month, 1, Benefit.Main, threads: Math.Max(1, settings.MaxDegreeOfParallelism), cancellationToken: cancellationToken);

        var signals = new List<DetectedSignal>();
        for (var f = 0; f < built.Count; f++)
        {
            var b = built[f];
            var facts = Facts(sources, b.All, payer);
            var knownToPayer = payer >= 0 && b.All.Any(r => r.Source == payer);
            var receivesRsa = facts.TryGetValue("rsa", out var rsa) && rsa == "oui";
            var receivesPpa = facts.TryGetValue("prime_activite", out var ppa) && ppa == "oui";
            var cpamFacts = cpam >= 0 ? Facts(sources, b.All, cpam) : new Dictionary<string, string>();
            var knownToCpam = cpam >= 0 && b.All.Any(r => r.Source == cpam);
            var receivesCss = cpamFacts.TryGetValue("css", out var css) && css == "oui";
            var certainty = assumptions[f].Count == 0 ? Certainty.Characterised : Certainty.Probable;
            var resources = Resources(pop, f, month);
            var who = $"{b.Type}, ressources moyennes des mois {month.AddMonths(-4)} à {month.AddMonths(-2)} : {Euros(resources)} par mois";
            if (payer >= 0)
            {
                if (results.Rsa[f] > 0 && !receivesRsa)
                {
                    signals.Add(new(b.Number, "rsa", SignalKind.NonTakeUp, certainty, results.Rsa[f], sources[payer].OperatorId,
                        $"{who}. RSA estimé : {Euros(results.Rsa[f])} par mois. {(knownToPayer ? $"Connu de la {sources[payer].Name}, qui ne verse pas le RSA." : $"Inconnu de la {sources[payer].Name}.")}", assumptions[f]));
                }
                if (results.Ppa[f] > 0 && !receivesPpa)
                {
                    signals.Add(new(b.Number, "ppa", SignalKind.NonTakeUp, certainty, results.Ppa[f], sources[payer].OperatorId,
                        $"{who}. Prime d'activité estimée : {Euros(results.Ppa[f])} par mois. {(knownToPayer ? $"Connu de la {sources[payer].Name}, qui ne verse pas la prime d'activité." : $"Inconnu de la {sources[payer].Name}.")}", assumptions[f]));
                }
            }
            if (cpam >= 0 && knownToCpam && !receivesCss)
            {
                if (receivesRsa)
                {
                    // Since 2022 the RSA opens the free CSS automatically: its absence is the CPAM's file to correct.
                    signals.Add(new(b.Number, "css", SignalKind.Anomaly, Certainty.Characterised, 0, sources[cpam].OperatorId,
                        $"{b.Type}. Le foyer perçoit le RSA, qui ouvre automatiquement la complémentaire santé solidaire gratuite depuis 2022, mais la {sources[cpam].Name} ne l'indique pas : donnée à corriger, ce n'est pas un non-recours.", []));
                }
                else if (results.Css[f] != CssStatus.NonEligible)
                {
                    var free = results.Css[f] == CssStatus.Gratuite;
                    signals.Add(new(b.Number, "css", SignalKind.NonTakeUp, certainty, free ? 0 : results.CssContribution[f], sources[cpam].OperatorId,
                        $"{b.Type}, ressources des douze mois {month.AddMonths(-13)} à {month.AddMonths(-2)} : {Euros(YearResources(pop, f))}. Complémentaire santé solidaire estimée {(free ? "gratuite" : $"avec une participation de {Euros(results.CssContribution[f])} par mois")} ; la {sources[cpam].Name} n'en indique pas.", assumptions[f]));
                }
            }
        }
        progress?.Report(1);
        var entitled = new Dictionary<string, int>
        {
            ["rsa"] = Enumerable.Range(0, built.Count).Count(f => results.Rsa[f] > 0),
            ["ppa"] = Enumerable.Range(0, built.Count).Count(f => results.Ppa[f] > 0),
            ["css"] = Enumerable.Range(0, built.Count).Count(f => results.Css[f] != CssStatus.NonEligible),
        };
        return new DetectionResult(detected, signals, clustering.Links, entitled, linkageTime, clock.Elapsed);
    }

    private sealed record Built(int Number, List<IReadOnlyList<RecordRef>> Parents, List<IReadOnlyList<RecordRef>> Children, List<RecordRef> All, string Type, List<string> Assumptions);

    private static int IndexOf(IReadOnlyList<CampaignSource> sources, string code)
    {
        for (var s = 0; s < sources.Count; s++)
        {
            if (sources[s].Codes.Contains(code))
            {
                return s;
            }
        }
        return -1;
    }

    /// <summary>Persons joined into households: same household number at one operator, linked persons across operators (union–find).</summary>
    private static List<IReadOnlyList<IReadOnlyList<RecordRef>>> Households(IReadOnlyList<CampaignSource> sources, IReadOnlyList<IReadOnlyList<RecordRef>> clusters)
    {
        var clusterOf = new Dictionary<RecordRef, int>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var r in clusters[c])
            {
                clusterOf[r] = c;
            }
        }
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        for (var s = 0; s < sources.Count; s++)
        {
            var firstOfHousehold = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < sources[s].Records.Count; r++)
            {
                if (sources[s].Records[r].HouseholdId is not { } household)
                {
                    continue;
                }
                var c = clusterOf[new RecordRef(s, r)];
                if (firstOfHousehold.TryGetValue(household, out var other))
                {
                    var (x, y) = (Find(c), Find(other));
                    if (x != y)
                    {
                        parent[Math.Max(x, y)] = Math.Min(x, y);
                    }
                }
                else
                {
                    firstOfHousehold[household] = c;
                }
            }
        }
        var groups = new Dictionary<int, List<IReadOnlyList<RecordRef>>>();
        var ordered = new List<IReadOnlyList<IReadOnlyList<RecordRef>>>();
        for (var c = 0; c < clusters.Count; c++)
        {
            var root = Find(c);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
                ordered.Add(list);
            }
            list.Add(clusters[c]);
        }
        return ordered;
    }

    /// <summary>Parents and children as the household-holding operators say; null with the reason when the household cannot be assessed.</summary>
    private static (Built? Built, string? Reason, string Type, string? Commune) Describe(IReadOnlyList<CampaignSource> sources, IReadOnlyList<IReadOnlyList<RecordRef>> persons, int payer, int cpam, Month month)
    {
        var parents = new List<IReadOnlyList<RecordRef>>();
        var children = new List<IReadOnlyList<RecordRef>>();
        var all = persons.SelectMany(p => p).ToList();
        var commune = all.Select(r => sources[r.Source].Records[r.Record].Identity.Commune).Where(c => c != null).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (!all.Any(r => r.Source == payer || r.Source == cpam))
        {
            return (null, "connu seulement comme demandeur d'emploi : composition du foyer inconnue", "Personne", commune);
        }
        foreach (var person in persons)
        {
            // The household-holding operators' role wins (the RSA's payer first), then the age.
            var record = person.Where(r => r.Source == payer).Concat(person.Where(r => r.Source == cpam)).Concat(person).First();
            var role = sources[record.Source].Records[record.Record].Role;
            var birth = BirthOf(sources, person, payer, cpam);
            var isChild = role == PersonRole.Child || (role == PersonRole.Person && birth is { } b && month.AgeOf(Population.Pack(b)) < 18);
            (isChild ? children : parents).Add(person);
            if (birth == null)
            {
                return (null, "date de naissance inconnue", "Foyer", commune);
            }
        }
        var type = (parents.Count, children.Count) switch
        {
            (1, 0) => "Personne seule",
            (2, 0) => "Couple sans enfant",
            (1, _) => "Parent isolé",
            (2, _) => "Couple avec enfants",
            _ => "Foyer",
        };
        if (parents.Count is 0 or > 2 || children.Count > 12)
        {
            return (null, $"composition incohérente ({parents.Count} adultes, {children.Count} enfants) : rapprochement à vérifier", type, commune);
        }
        // Parents eldest first, children eldest first: the order the engine reads a family in.
        parents.Sort((x, y) => Nullable.Compare(BirthOf(sources, x, payer, cpam), BirthOf(sources, y, payer, cpam)));
        children.Sort((x, y) => Nullable.Compare(BirthOf(sources, x, payer, cpam), BirthOf(sources, y, payer, cpam)));
        return (new Built(0, parents, children, all, type, []), null, type, commune);
    }

    private static DateOnly? BirthOf(IReadOnlyList<CampaignSource> sources, IReadOnlyList<RecordRef> person, int payer, int cpam) =>
        person.OrderBy(r => r.Source == payer ? 0 : r.Source == cpam ? 1 : 2).Select(r => sources[r.Source].Records[r.Record].Identity.BirthDate).FirstOrDefault(d => d != null);

    /// <summary>The household's facts at one source (household-level facts sit on one member's record, usually the applicant's).</summary>
    private static Dictionary<string, string> Facts(IReadOnlyList<CampaignSource> sources, List<RecordRef> all, int source)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in all.Where(r => r.Source == source))
        {
            foreach (var (k, v) in sources[source].Records[r.Record].Facts)
            {
                if (k.IndexOf(':', StringComparison.Ordinal) < 0 && k != "taux_incapacite")
                {
                    facts.TryAdd(k, v);
                }
            }
        }
        return facts;
    }

    /// <summary>A person's birth date, disability rate and monthly resources, from the most complete source; known is false when no source tells her resources.</summary>
    private static (DateOnly Birth, float Incapacity, double[] Activity, double[] Other, bool Known) PersonData(IReadOnlyList<CampaignSource> sources, IReadOnlyList<RecordRef> person, int payer, int cpam, Month first)
    {
        var birth = BirthOf(sources, person, payer, cpam)!.Value;
        var incapacity = 0f;
        var activity = new double[HistoryMonths];
        var other = new double[HistoryMonths];
        var known = false;
        // Resources: the first source of the person that shares them (the RSA's payer, then the CPAM, then the others).
        foreach (var r in person.OrderBy(r => r.Source == payer ? 0 : r.Source == cpam ? 1 : 2))
        {
            var source = sources[r.Source];
            var facts = source.Records[r.Record].Facts;
            if (facts.TryGetValue("taux_incapacite", out var rate) && double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
            {
                incapacity = (float)(percent / 100);
            }
            if (known)
            {
                continue;
            }
            if (source.Codes.Contains("revenus_activite"))
            {
                Fill(facts, "revenus_activite", activity, first);
                Fill(facts, "autres_revenus", other, first);
                known = true;
            }
            else if (source.Codes.Contains("allocation_chomage"))
            {
                Fill(facts, "allocation_chomage", other, first);
            }
        }
        return (birth, incapacity, activity, other, known);
    }

    private static void Fill(IReadOnlyDictionary<string, string> facts, string code, double[] months, Month first)
    {
        for (var m = 0; m < months.Length; m++)
        {
            if (facts.TryGetValue($"{code}:{first.AddMonths(m)}", out var value))
            {
                months[m] = Amount(value);
            }
        }
    }

    private static double Amount(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;

    private static double Resources(Population pop, int f, Month month)
    {
        var total = 0.0;
        for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f + 1]; p++)
        {
            for (var back = 2; back <= 4; back++)
            {
                var o = pop.Offset(month.AddMonths(-back));
                total += pop.Activity[(p * pop.Months) + o] + pop.OtherIncome[(p * pop.Months) + o];
            }
        }
        return total / 3;
    }

    private static double YearResources(Population pop, int f)
    {
        var total = 0.0;
        for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f + 1]; p++)
        {
            for (var m = 0; m < pop.Months - 2; m++)
            {
                total += pop.Activity[(p * pop.Months) + m] + pop.OtherIncome[(p * pop.Months) + m];
            }
        }
        return total;
    }

    private static string Euros(double amount) => amount.ToString("#,##0", CultureInfo.GetCultureInfo("fr-FR")) + " €";
}
