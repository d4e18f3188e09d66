using System.Globalization;
using System.Text;
using CarteBlanche.Benefits;
using CarteBlanche.Linkage;
using LinkageSynthetic = CarteBlanche.Linkage.SyntheticPopulation;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>What <see cref="SyntheticLot.Write"/> wrote: the three operators' files and the truth to evaluate a campaign against.</summary>
public sealed record SyntheticLotFiles(string Caf, string FranceTravail, string Cpam, string Truth, int Households, int Persons, int PlantedNonTakeUp, int PlantedAnomalies);

/// <summary>
/// A synthetic Lot for campaigns: households generated and computed by the benefits engine's synthesizer (which plants
/// the non-take-up, calibrated on the DREES rates), written as the three files CAF, France Travail and the CPAM would
/// send under the demonstration convention, each with the noise real files have (names typed differently, usage or
/// birth name, dates keyed wrong, NIR often missing, persons missing from a file). The truth file says which
/// household each record belongs to and what the household is entitled to and receives.
/// </summary>
/// <remarks>
/// What each operator knows, as in the convention: the CAF its allocataires' households (composition, housing, the RSA,
/// prime d'activité and AAH it pays, the monthly resources the « solidarité à la source » prefill reads from the
/// dispositif de ressources mensuelles); France Travail its registered job seekers and the allowance paid; the CPAM
/// every insured person and her household's complémentaire santé solidaire, and the same monthly resources. RSA
/// recipients get the free CSS automatically since 2022: a few are planted without it, as an anomaly of the CPAM's file.
/// </remarks>
public static class SyntheticLot
{
    /// <summary>Months of resources in the files: M-13..M-1, what the CSS (12 months to M-2) and the RSA (M-4..M-2) read.</summary>
    public const int ResourceMonths = 13;

    /// <summary>Share of RSA recipients the CPAM's file shows without the CSS (the anomaly the campaign must not call non-take-up).</summary>
    public const double CssAnomalyRate = 0.01;

    private const double CpamPresence = 0.98;

    public static SyntheticLotFiles Write(string directory, int households, int seed, Month reference, IProgress<double>? progress = null)
    {
        Directory.CreateDirectory(directory);
        var synthetic = Synthesizer.Synthesize(households, seed, reference, threads: Environment.ProcessorCount, laterMonths: true);
        progress?.Report(0.3);
        var pop = synthetic.Population;
        var results = synthetic.Results!;
        var random = new Random(seed ^ 0x107);
        var receives = (Benefit[])synthetic.Receives.Clone();
        var anomaly = new bool[households];
        for (var f = 0; f < households; f++)
        {
            if ((receives[f] & Benefit.Rsa) != 0)
            {
                // The CSS comes with the RSA; a few files miss it (the anomaly).
                receives[f] |= Benefit.Css;
                if (random.NextDouble() < CssAnomalyRate)
                {
                    anomaly[f] = true;
                    receives[f] &= ~Benefit.Css;
                }
            }
        }

        var first = reference.AddMonths(-ResourceMonths);
        var months = Enumerable.Range(0, ResourceMonths).Select(first.AddMonths).ToArray();
        var monthColumns = string.Join(';', months.Select(m => $"revenus_activite:{m}")) + ";" + string.Join(';', months.Select(m => $"autres_revenus:{m}"));
        const string IdentityHeader = "identifiant;foyer;role;nir;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_insee_naissance;code_insee_commune";
        var paths = (Caf: Path.Combine(directory, "caf.csv"), FranceTravail: Path.Combine(directory, "france-travail.csv"), Cpam: Path.Combine(directory, "cpam.csv"), Truth: Path.Combine(directory, "verite.csv"));
        using var caf = Writer(paths.Caf, $"{IdentityHeader};rsa;prime_activite;aah;aide_logement;logement;isolement_recent;taux_incapacite;{monthColumns}");
        using var franceTravail = Writer(paths.FranceTravail, $"{IdentityHeader};inscription_categorie;{string.Join(';', months.Select(m => $"allocation_chomage:{m}"))}");
        using var cpam = Writer(paths.Cpam, $"{IdentityHeader};css;css_avec_participation;{monthColumns}");
        using var truth = Writer(paths.Truth, "menage;organisme;identifiant;ouvre_droit;percoit;anomalie_css");

        // Opaque identifiers, as an operator's own numbering: nothing in them says which household a record is from.
        var ids = new HashSet<long>();
        string NewId(string prefix, int digits)
        {
            long n;
            do
            {
                n = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
            }
            while (!ids.Add(n));
            return prefix + n.ToString(CultureInfo.InvariantCulture);
        }

        var line = new StringBuilder(1024);
        var planted = 0;
        var persons = 0;
        for (var f = 0; f < households; f++)
        {
            var members = Identities(pop, f, random);
            persons += members.Length;
            var entitled = synthetic.Entitled[f] & Benefit.Main;
            var received = receives[f] & Benefit.Main;
            var missing = entitled & ~received;
            planted += BitCount(anomaly[f] ? missing & ~Benefit.Css : missing);
            var truthPrefix = $"{f};";
            var truthSuffix = $";{Benefits(entitled)};{Benefits(received)};{(anomaly[f] ? "oui" : "non")}";

            // A household the CAF pays is in its file, whatever the synthesizer drew for « known to the CAF ».
            if (synthetic.KnownToCaf[f] || (receives[f] & (Benefit.Rsa | Benefit.Ppa | Benefit.Aah)) != 0)
            {
                var foyer = NewId("", 7);
                for (var i = 0; i < members.Length; i++)
                {
                    var p = pop.FirstPerson[f] + i;
                    var id = NewId("CAF", 9);
                    line.Clear();
                    Identity(line, id, foyer, Role(pop, f, i), Copy(members[i], 0, random));
                    if (i == 0)
                    {
                        var housing = pop.Housing[f] switch
                        {
                            HousingStatus.Proprietaire => "proprietaire",
                            HousingStatus.PrimoAccedant => "accedant",
                            HousingStatus.LocataireHlm => "locataire_hlm",
                            HousingStatus.LogeGratuitement => "heberge",
                            _ => "locataire",
                        };
                        var aid = pop.HousingAid[(f * pop.Months) + pop.Offset(reference)];
                        line.Append(';').Append(YesNo(receives[f], Benefit.Rsa)).Append(';').Append(YesNo(receives[f], Benefit.Ppa)).Append(';').Append(YesNo(receives[f], Benefit.Aah))
                            .Append(';').Append(aid > 0 ? Amount(aid) : "").Append(';').Append(housing).Append(';').Append(pop.RecentIsolation[f] ? "oui" : "");
                    }
                    else
                    {
                        line.Append(";;;;;;");
                    }
                    line.Append(';').Append(pop.Incapacity[p] > 0 ? (pop.Incapacity[p] * 100).ToString("0", CultureInfo.InvariantCulture) : "");
                    Incomes(line, pop, p, months);
                    caf.WriteLine(line);
                    truth.WriteLine($"{truthPrefix}CAF;{id}{truthSuffix}");
                }
            }

            for (var i = 0; i < members.Length; i++)
            {
                var p = pop.FirstPerson[f] + i;
                var age = reference.AgeOf(pop.Birth[p]);
                var offset = pop.Offset(first);
                var jobless = age is >= 18 and < 62 && Enumerable.Range(offset, ResourceMonths).Any(m => pop.Activity[(p * pop.Months) + m] == 0);
                if (!jobless || (i >= pop.Parents[f] && random.NextDouble() < 0.5))
                {
                    continue;
                }
                var id = NewId("FT", 8);
                line.Clear();
                Identity(line, id, null, "personne", Copy(members[i], 1, random));
                var now = pop.Activity[(p * pop.Months) + pop.Offset(reference.AddMonths(-1))];
                line.Append(';').Append(now == 0 ? "A" : "C");
                foreach (var m in months)
                {
                    var allowance = pop.OtherIncome[(p * pop.Months) + pop.Offset(m)];
                    line.Append(';').Append(allowance > 0 && age < 62 ? Amount(allowance) : "");
                }
                franceTravail.WriteLine(line);
                truth.WriteLine($"{truthPrefix}France Travail;{id}{truthSuffix}");
            }

            var cpamFoyer = NewId("", 8);
            for (var i = 0; i < members.Length; i++)
            {
                if (random.NextDouble() >= CpamPresence)
                {
                    continue; // insured elsewhere (MSA, a special scheme) or not yet registered
                }
                var p = pop.FirstPerson[f] + i;
                var id = NewId("AM", 9);
                line.Clear();
                Identity(line, id, cpamFoyer, Role(pop, f, i), Copy(members[i], 2, random));
                var css = (receives[f] & Benefit.Css) != 0;
                var contribution = css && results.Css[f] == CssStatus.AvecParticipation && (receives[f] & Benefit.Rsa) == 0;
                line.Append(';').Append(i == 0 ? css ? "oui" : "non" : "").Append(';').Append(i == 0 && css ? contribution ? "oui" : "non" : "");
                Incomes(line, pop, p, months);
                cpam.WriteLine(line);
                truth.WriteLine($"{truthPrefix}CPAM;{id}{truthSuffix}");
            }
            if (f % 4096 == 0)
            {
                progress?.Report(0.3 + (0.7 * f / households));
            }
        }
        progress?.Report(1);
        return new SyntheticLotFiles(paths.Caf, paths.FranceTravail, paths.Cpam, paths.Truth, households, persons, planted, anomaly.Count(a => a));
    }

    // The operators' files always give the sex (the format requires it): the linkage engine's unknown sex is put back.
    private static PersonRecord Copy(SyntheticIdentity identity, int source, Random random)
    {
        var copy = LinkageSynthetic.NoisyCopy(identity, source, random);
        return copy.Sex == '?' ? copy with { Sex = identity.Sex } : copy;
    }

    private static StreamWriter Writer(string path, string header)
    {
        var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(header);
        return writer;
    }

    private static int BitCount(Benefit b) => System.Numerics.BitOperations.PopCount((uint)b);

    /// <summary>« rsa+css », the benefits of a set, in a fixed order.</summary>
    public static string Benefits(Benefit benefits) =>
        string.Join('+', new[] { (Benefit.Rsa, "rsa"), (Benefit.Ppa, "ppa"), (Benefit.Css, "css") }.Where(b => (benefits & b.Item1) != 0).Select(b => b.Item2));

    public static Benefit ParseBenefits(string text) =>
        text.Split('+', StringSplitOptions.RemoveEmptyEntries).Aggregate(Benefit.None, (all, b) => all | b switch { "rsa" => Benefit.Rsa, "ppa" => Benefit.Ppa, "css" => Benefit.Css, _ => Benefit.None });

    private static string YesNo(Benefit receives, Benefit benefit) => (receives & benefit) != 0 ? "oui" : "non";

    private static string Amount(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Role(Population pop, int f, int i) => i == 0 ? "allocataire" : i < pop.Parents[f] ? "conjoint" : "enfant";

    private static void Incomes(StringBuilder line, Population pop, int p, Month[] months)
    {
        foreach (var column in new[] { pop.Activity, pop.OtherIncome })
        {
            foreach (var m in months)
            {
                var value = column[(p * pop.Months) + pop.Offset(m)];
                line.Append(';').Append(value > 0 ? Amount(value) : "");
            }
        }
    }

    private static void Identity(StringBuilder line, string id, string? foyer, string role, PersonRecord copy)
    {
        line.Append(id).Append(';').Append(foyer).Append(';').Append(role).Append(';').Append(copy.NirHash).Append(';')
            .Append(copy.BirthName ?? copy.LastName).Append(';').Append(copy.BirthName == null || copy.BirthName == copy.LastName ? null : copy.LastName).Append(';')
            .Append(copy.FirstNames).Append(';').Append(copy.Sex == '?' ? "" : copy.Sex.ToString()).Append(';')
            .Append(copy.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';').Append(copy.BirthPlace).Append(';').Append(copy.Commune);
    }

    /// <summary>The household's persons as civil status knows them: a family name, a mother's own birth name and often her husband's as usage name, children under the family name.</summary>
    private static SyntheticIdentity[] Identities(Population pop, int f, Random random)
    {
        var count = pop.FirstPerson[f + 1] - pop.FirstPerson[f];
        var members = new SyntheticIdentity[count];
        var familyName = LinkageSynthetic.Surname(random);
        var commune = LinkageSynthetic.Commune(random);
        var firstSex = random.NextDouble() < (pop.Parents[f] == 1 && pop.Children[f] > 0 ? 0.8 : 0.5) ? 'F' : 'M';
        for (var i = 0; i < count; i++)
        {
            var p = pop.FirstPerson[f] + i;
            var birth = Population.Unpack(pop.Birth[p]);
            var sex = i == 0 ? firstSex : i == 1 && pop.Parents[f] == 2 ? (firstSex == 'M' ? 'F' : 'M') : random.NextDouble() < 0.5 ? 'F' : 'M';
            var isParent = i < pop.Parents[f];
            // A mother in a couple keeps her birth name and often uses her husband's; children take the family name.
            var married = isParent && pop.Parents[f] == 2 && sex == 'F' && random.NextDouble() < 0.6;
            var ownName = isParent && sex == 'F' && pop.Parents[f] == 2 ? LinkageSynthetic.Surname(random) : familyName;
            var identity = LinkageSynthetic.NewIdentity(random, sex, birth, ownName, commune, "");
            members[i] = identity with { UsageName = married ? familyName : null, Nir = NewNir(sex, birth, identity.BirthPlace, random) };
        }
        return members;
    }

    /// <summary>A well-formed NIR: sex, year and month of birth, place of birth, an order number, the key.</summary>
    private static string NewNir(char sex, DateOnly birth, string birthPlace, Random random)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{(sex == 'M' ? 1 : 2)}{birth.Year % 100:D2}{birth.Month:D2}{birthPlace}{random.Next(1, 1000):D3}");
        var number = long.Parse(body, CultureInfo.InvariantCulture);
        return body + (97 - (number % 97)).ToString("D2", CultureInfo.InvariantCulture);
    }
}
