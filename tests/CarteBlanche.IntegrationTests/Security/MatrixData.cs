using CarteBlanche.Bus;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Employers;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Network.Questions;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.IntegrationTests.Security;

/// <summary>
/// The objects each route is asked about: one of each site or organisation where the demo data has them, and what the
/// demo data lacks (a consent, a campaign with its signals and imports) made here the way the app makes them.
/// </summary>
public sealed class MatrixData
{
    private readonly Dictionary<string, List<Target>> _targets = [];

    /// <summary>The targets of one kind of object (e.g. « case »); the test fails if the demo data has none.</summary>
    public IReadOnlyList<Target> this[string kind] =>
        _targets.TryGetValue(kind, out var targets) && targets.Count > 0 ? targets : throw new InvalidOperationException($"no « {kind} » in the matrix's data");

    private void Add(string kind, Target target)
    {
        if (!_targets.TryGetValue(kind, out var list))
        {
            _targets[kind] = list = [];
        }
        list.Add(target);
    }

    public static async Task<MatrixData> CreateAsync(CarteBlancheFactory factory)
    {
        var data = new MatrixData();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>();
            var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
            var sites = await db.Places.AsNoTracking().Where(p => p.Name == Identities.GrandCahors || p.Name == Identities.Lalbenque).ToDictionaryAsync(p => p.Id, p => p.Name);
            var organisationId = organisations.ToDictionary(o => o.Value, o => o.Key);

            // Platform: an account, a commune, a place, an organisation.
            data.Add("account", Target.Of("compte", "id", await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Id).FirstAsync()));
            data.Add("commune", Target.Of("commune", "code", await db.Communes.AsNoTracking().OrderBy(c => c.InseeCode).Select(c => c.InseeCode).FirstAsync()));
            data.Add("place", Target.Of("lieu", "id", sites.Keys.First()));
            data.Add("organisation", Target.Of("organisation", "id", organisationId[Identities.Caf]));

            // Desk: a resident, a case and a mandate of each site where there is one.
            foreach (var (siteId, site) in sites)
            {
                var resident = await db.Set<Resident>().AsNoTracking().Where(r => r.SiteId == siteId).OrderBy(r => r.Id).FirstAsync();
                data.Add("resident", Target.Of("usager " + site, ["id", "residentId"], resident.Id, site));
                var @case = await db.Set<Case>().AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Id).FirstAsync();
                data.Add("case", Target.Of("demande " + site, ["id", "caseId"], @case.Id, site));
                if (await db.Set<Mandate>().AsNoTracking().Where(m => m.SiteId == siteId).OrderBy(m => m.Id).FirstOrDefaultAsync() is { } mandate)
                {
                    data.Add("mandate", Target.Of("mandat " + site, "id", mandate.Id, site));
                }
            }
            data.Add("procedure", Target.Of("démarche", "code", await db.Set<Procedure>().AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).FirstAsync()));

            // Network: a question asked by each site (to the CAF or the CPAM where the demo has one), the two partners, news.
            foreach (var (siteId, site) in sites)
            {
                var question = await db.Set<PartnerQuestion>().AsNoTracking()
                    .Where(q => q.SiteId == siteId)
                    .OrderBy(q => q.OrganisationId == organisationId[Identities.Caf] ? 0 : q.OrganisationId == organisationId[Identities.Cpam] ? 1 : 2)
                    .ThenBy(q => q.Id)
                    .FirstAsync();
                data.Add("question", Target.Of($"sollicitation {site} → {organisations[question.OrganisationId]}", "id", question.Id, site, organisations[question.OrganisationId]));
            }
            foreach (var partner in new[] { Identities.Caf, Identities.Cpam })
            {
                data.Add("partner", Target.Of("partenaire " + partner, "id", organisationId[partner], organisation: partner));
            }
            // A knowledge card proposed by the Grand Cahors agent about the CAF, not yet validated.
            var proposer = await db.Users.AsNoTracking().Where(u => u.Email == Identities.Agent.Email).Select(u => u.Id).SingleAsync();
            var card = new CarteBlanche.Network.Knowledge.KnowledgeCard
            {
                OrganisationId = organisationId[Identities.Caf], Domain = "famille", DomainLabel = "Famille", Title = "Allocation de rentrée scolaire",
                Question = "Quand est-elle versée ?", Answer = "En août, sans démarche pour les familles connues de la CAF.",
                Status = CarteBlanche.Network.Knowledge.CardStatus.Proposed, ProposedBy = proposer, ProposedAt = DateTimeOffset.UtcNow,
                ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
            };
            db.Add(card);
            await db.SaveChangesAsync();
            data.Add("card", Target.Of("fiche proposée par l'agent du Grand Cahors", "id", card.Id, organisation: Identities.Caf) with { Owner = Identities.Agent.Name });

            // Rights: the demo convention, a consent recorded at each site, a small campaign with its imports, signals, reviews.
            var convention = await db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Title == RightsDemoData.ConventionTitle);
            data.Add("convention", Target.Of("convention", "id", convention.Id));
            foreach (var (siteId, site) in sites)
            {
                var resident = await db.Set<Resident>().AsNoTracking().Where(r => r.SiteId == siteId).OrderBy(r => r.Id).FirstAsync();
                var agent = await db.Users.AsNoTracking().Where(u => u.SiteId == siteId).Select(u => u.Id).FirstAsync();
                var consent = new Consent
                {
                    ResidentId = resident.Id,
                    ConventionId = convention.Id,
                    OperatorIds = [organisationId[Identities.Caf]],
                    AttributeCodes = ["rsa"],
                    Purposes = [ConsentPurpose.NonTakeUp],
                    Channel = ConsentChannel.SignedPaperForm,
                    GivenOn = convention.StartsOn,
                    ExpiresOn = convention.EndsOn,
                    SiteId = siteId,
                    RecordedAt = DateTimeOffset.UtcNow,
                    RecordedBy = agent,
                };
                db.Add(consent);
                await db.SaveChangesAsync();
                data.Add("consent", Target.Of("consentement " + site, "id", consent.Id, site));
            }
        });
        await data.AddCampaignAsync(factory);
        await data.AddBusMobilityAndEmployersAsync(factory);
        return data;
    }

    /// <summary>
    /// The bus's stops, a published planning and a passage; mobility's offers, GTFS import and a need recorded by the
    /// Grand Cahors agent; the demo firm (its owner and expert) with an employee, an offer and a payslip, and a second
    /// firm enrolled by the coordinator that neither follows.
    /// </summary>
    private async Task AddBusMobilityAndEmployersAsync(CarteBlancheFactory factory)
    {
        using var coordinator = await factory.SignedInClientAsync(Identities.Coordinator.Email!);
        var otherFirm = await EmployersPages.EnrolAsync(coordinator, "Menuiserie du Causse (matrice)", EmployersPages.NewSiret());
        using (var added = await EmployersPages.AddEmployeeAsync(coordinator, otherFirm, "Cdi", "2026-01-05", "", "2100"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, added.StatusCode);
        }
        using var expert = await factory.SignedInClientAsync(Identities.HrExpert.Email!);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>();
            var stop = await db.Set<BusStop>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.CommuneInseeCode).FirstAsync();
            Add("stop", Target.Of("arrêt", "code", stop.CommuneInseeCode));
            Add("passage", Target.Of("passage", "id", await db.Set<BusPassage>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()));
            Add("planning", Target.Of("planification publiée", "id", await db.Set<TourPlanRun>().AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()));

            Add("offer", Target.Of("offre de mobilité", "id", await db.Set<MobilityOffer>().AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()));
            Add("network", Target.Of("import GTFS", "id", await db.Set<GtfsImport>().AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()));
            var agent = await db.Users.AsNoTracking().Where(u => u.Email == Identities.Agent.Email).Select(u => u.Id).SingleAsync();
            var commune = await db.Communes.AsNoTracking().OrderBy(c => c.InseeCode).Select(c => c.InseeCode).FirstAsync();
            var person = new TravelPerson { FirstName = "Rose", LastName = "Matrice", CommuneInseeCode = commune, ConsentAt = DateTimeOffset.UtcNow, RecordedBy = agent, CreatedAt = DateTimeOffset.UtcNow };
            var need = new TravelNeed
            {
                PersonId = person.Id, FromInseeCode = commune, Destination = "Hôpital de Cahors", DestinationInseeCode = "46042",
                Day = EmployersPages.Today.AddDays(3), Time = new TimeOnly(9, 0), Purpose = TravelPurpose.Care, RecordedBy = agent, RecordedAt = DateTimeOffset.UtcNow,
            };
            db.AddRange(person, need);
            await db.SaveChangesAsync();
            Add("need", Target.Of("besoin noté par l'agent du Grand Cahors", "id", need.Id, Identities.GrandCahors) with { Owner = Identities.Agent.Name });

            var demoFirm = await db.Set<Firm>().AsNoTracking().Where(f => f.Siret == "91234567500017").Select(f => f.Id).SingleAsync();
            foreach (var (firm, label) in new[] { (demoFirm, Identities.Firm), (otherFirm, "Menuiserie du Causse") })
            {
                Add("firm", Target.Of("entreprise " + label, "id", firm, organisation: label));
                var employee = await db.Set<Employee>().AsNoTracking().Where(e => e.FirmId == firm).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
                Add("employee", Target.Of("salarié de " + label, "id", employee, organisation: label));
            }
            var offer = await db.Set<JobOffer>().AsNoTracking().Where(o => o.FirmId == demoFirm).Select(o => o.Id).FirstAsync();
            Add("joboffer", Target.Of("offre d'emploi de " + Identities.Firm, "id", offer, organisation: Identities.Firm));
            var candidate = await db.Set<Candidate>().AsNoTracking().Where(c => c.OfferId == offer).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            Add("candidate", Target.Of("candidat à l'offre de " + Identities.Firm, "?candidat", candidate, organisation: Identities.Firm));
            var lucas = await db.Set<Employee>().AsNoTracking().Where(e => e.FirmId == demoFirm).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            using (var issued = await EmployersPages.PayslipAsync(expert, demoFirm, lucas, "2026-11", "Issue"))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, issued.StatusCode);
            }
            var payslip = await db.Set<Payslip>().AsNoTracking().Where(p => p.FirmId == demoFirm).Select(p => p.Id).FirstAsync();
            Add("payslip", Target.Of("bulletin de " + Identities.Firm, "id", payslip, organisation: Identities.Firm));
            Add("hiring", Target.Of("embauche inconnue", "id", Guid.NewGuid()));
        });
    }

    /// <summary>A synthetic Lot of 60 households imported from the three operators and a campaign run on it.</summary>
    private async Task AddCampaignAsync(CarteBlancheFactory factory)
    {
        var today = CarteBlanche.Platform.Calendar.ParisClock.DayOf(DateTimeOffset.UtcNow);
        var month = BenefitsMonth.Of(today.Year, today.Month).AddMonths(-1);
        var directory = Directory.CreateTempSubdirectory("cb-matrix-");
        try
        {
            var files = SyntheticLot.Write(directory.FullName, 60, 3, month);
            await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>();
                var convention = await db.Set<Convention>().Where(c => c.Title == RightsDemoData.ConventionTitle).Select(c => c.Id).SingleAsync();
                foreach (var (name, path) in new[] { (Identities.Caf, files.Caf), ("France Travail", files.FranceTravail), (Identities.Cpam, files.Cpam) })
                {
                    var operatorId = await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
                    await using var content = File.OpenRead(path);
                    var import = await sp.GetRequiredService<OperatorImporter>().ImportAsync(convention, operatorId, content, Path.GetFileName(path), null, null, CancellationToken.None);
                    if (import.Status != ImportStatus.Succeeded)
                    {
                        throw new InvalidOperationException(import.Errors);
                    }
                    if (name != "France Travail")
                    {
                        Add("import", new Target("import " + name, new Dictionary<string, string> { ["id"] = convention.ToString(), ["importId"] = import.Id.ToString() }, Organisation: name));
                    }
                }
                var runner = sp.GetRequiredService<CampaignRunner>();
                var (started, refusal) = await runner.StartAsync(convention, month, null, CancellationToken.None);
                var campaign = await runner.RunAsync(started?.Id ?? throw new InvalidOperationException(refusal), null, CancellationToken.None);
                Add("campaign", Target.Of("campagne", "id", campaign.Id));
                var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name);
                foreach (var signal in await db.Set<Signal>().AsNoTracking().Where(s => s.CampaignId == campaign.Id).GroupBy(s => s.OperatorId).Select(g => g.OrderBy(s => s.Id).First()).ToListAsync())
                {
                    Add("signal", Target.Of("signalement " + names[signal.OperatorId], "id", signal.Id, organisation: names[signal.OperatorId]));
                }
                // Links to review: a small Lot has hardly any, so two are queued as the campaign would (CAF–CPAM, France Travail–CPAM).
                var ids = await db.Organisations.Where(o => o.Name == Identities.Caf || o.Name == Identities.Cpam || o.Name == "France Travail").ToDictionaryAsync(o => o.Name, o => o.Id);
                foreach (var left in new[] { Identities.Caf, "France Travail" })
                {
                    var review = new LinkReview
                    {
                        CampaignId = campaign.Id,
                        ConventionId = convention,
                        LeftOperatorId = ids[left],
                        LeftSourceId = "G-1",
                        RightOperatorId = ids[Identities.Cpam],
                        RightSourceId = "D-1",
                        Weight = 3.2,
                        Probability = 0.9,
                        Evidence = "[]",
                    };
                    db.Add(review);
                    await db.SaveChangesAsync();
                    Add("review", Target.Of($"rapprochement {left}–{Identities.Cpam}", "id", review.Id, organisation: left + "|" + Identities.Cpam));
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
