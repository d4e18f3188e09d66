using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk;

/// <summary>
/// A living desk for newcomers (Development only): residents of the bassin de vie and their cases,
/// at two France Services sites, across domains and states. Names are invented.
/// </summary>
public sealed class DeskDemoData(CarteBlancheDbContext db, FrenchBusinessCalendar calendar, TimeProvider timeProvider, Microsoft.Extensions.Options.IOptions<DeskOptions> options)
{
    private static readonly (string First, string Last, string Commune, string Phone)[] People =
    [
        ("Jeanne", "Delpech", "46042", "06 12 34 56 01"), ("Marcel", "Lafon", "46148", "06 12 34 56 02"),
        ("Nadia", "Benali", "46042", "06 12 34 56 03"), ("Gérard", "Vayssière", "46064", "05 65 20 11 04"),
        ("Élodie", "Cassagne", "46224", "06 12 34 56 05"), ("Yvette", "Bouyssou", "46105", "05 65 21 11 06"),
        ("Kévin", "Marty", "46042", "07 12 34 56 07"), ("Françoise", "Couderc", "46137", "05 65 22 11 08"),
        ("Ahmed", "Haddad", "46042", "06 12 34 56 09"), ("Louise", "Rouquié", "46073", "06 12 34 56 10"),
        ("René", "Lacombe", "46010", "05 65 23 11 11"), ("Sarah", "Fabre", "46191", "06 12 34 56 12"),
        ("Thierry", "Salgues", "46140", "06 12 34 56 13"), ("Mireille", "Bessières", "46322", "05 65 24 11 14"),
        ("Julien", "Pélissié", "46088", "06 12 34 56 15"), ("Odette", "Cammas", "46329", "05 65 25 11 16"),
        ("Hugo", "Ginestet", "46156", "07 12 34 56 17"), ("Simone", "Maury", "46091", "05 65 26 11 18"),
    ];

    private static readonly (NeedDomain Domain, string Text)[] Needs =
    [
        (NeedDomain.Retraite, "Demande de retraite : relevé de carrière incomplet (années agricoles)"),
        (NeedDomain.Sante, "Renouvellement de la complémentaire santé solidaire"),
        (NeedDomain.Famille, "Changement de situation à déclarer à la CAF (séparation)"),
        (NeedDomain.Fiscalite, "Première déclaration de revenus en ligne"),
        (NeedDomain.PapiersIdentitePermis, "Renouvellement de la carte d'identité, pré-demande en ligne"),
        (NeedDomain.Emploi, "Inscription à France Travail et actualisation"),
        (NeedDomain.Logement, "Demande d'aide au logement après un déménagement"),
        (NeedDomain.Mobilite, "Changement d'adresse sur le certificat d'immatriculation"),
        (NeedDomain.Handicap, "Dossier MDPH pour une reconnaissance de handicap"),
        (NeedDomain.Numerique, "Création d'une adresse e-mail et d'un compte FranceConnect"),
        (NeedDomain.Justice, "Demande d'aide juridictionnelle"),
        (NeedDomain.Sante, "Carte Vitale perdue"),
        (NeedDomain.Famille, "Prime d'activité : simulation et demande"),
        (NeedDomain.Logement, "Chèque énergie non reçu"),
    ];

    private static readonly MandateDomain[][] MandateDomains =
    [
        [MandateDomain.Social, MandateDomain.Famille],
        [MandateDomain.Argent],
        [MandateDomain.Logement, MandateDomain.Social],
        [MandateDomain.Papiers, MandateDomain.Transports],
        [MandateDomain.Travail],
        [MandateDomain.Etranger, MandateDomain.Papiers],
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<Case>().AnyAsync(cancellationToken))
        {
            return;
        }
        var sites = await db.Places.Where(p => p.Name == DemoData.GrandCahorsSite || p.Name == DemoData.LalbenqueSite)
            .ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var agents = await db.Users.Where(u => u.SiteId != null && u.Email!.EndsWith("@" + DemoData.Domain))
            .Select(u => new { u.Id, SiteId = u.SiteId!.Value }).ToListAsync(cancellationToken);
        if (sites.Count < 2 || agents.Count == 0)
        {
            return;
        }
        var random = new Random(46042);
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(now));
        var siteIds = sites.Values.ToList();

        for (var i = 0; i < People.Length; i++)
        {
            var (first, last, commune, phone) = People[i];
            var siteId = siteIds[i % 3 == 2 ? 1 : 0];
            var siteAgents = agents.Where(a => a.SiteId == siteId).Select(a => a.Id).ToList();
            if (siteAgents.Count == 0)
            {
                continue;
            }
            var resident = new Resident
            {
                FirstName = first,
                LastName = last,
                BirthDate = new DateOnly(1940 + random.Next(0, 62), random.Next(1, 13), random.Next(1, 29)),
                Phone = phone,
                Email = $"{SearchTextSlug(first)}.{SearchTextSlug(last)}@exemple.fr",
                CommuneInseeCode = commune,
                PreferredChannel = (ContactChannel)random.Next(0, 4),
                SiteId = siteId,
                CreatedAt = now.AddDays(-200),
                CreatedBy = siteAgents[0],
            };
            resident.RefreshSearchFields();
            db.Add(resident);

            // One resident in three has given a mandate: active, expired or revoked.
            if (i % 3 == 0)
            {
                var kind = i / 3 % 3;
                var duration = kind == 1 ? MandateDuration.OneMonth : i % 2 == 0 ? MandateDuration.SixMonths : MandateDuration.OneYear;
                var startsOn = kind == 1 ? today.AddMonths(-2) : today.AddDays(-random.Next(1, 30));
                var given = now.AddDays(startsOn.DayNumber - today.DayNumber);
                db.Add(new Mandate
                {
                    ResidentId = resident.Id,
                    SiteId = siteId,
                    AgentId = i % 2 == 0 ? null : siteAgents[0],
                    Domains = [.. MandateDomains[i / 3 % MandateDomains.Length]],
                    Duration = duration,
                    StartsOn = startsOn,
                    EndsOn = Mandate.EndFor(startsOn, duration),
                    Consent = i % 2 == 0 ? MandateConsent.InPerson : MandateConsent.SignedPaperForm,
                    SignedFormKeptAt = i % 2 == 0 ? null : given,
                    CreatedAt = given,
                    CreatedBy = siteAgents[0],
                    RevokedAt = kind == 2 ? now.AddDays(-1) : null,
                    RevokedBy = kind == 2 ? siteAgents[0] : null,
                });
            }

            var caseCount = 1 + random.Next(0, 4);
            for (var c = 0; c < caseCount; c++)
            {
                // Most cases are recent; a third are older and closed, so the site's monthly figures have a history.
                var openedDaysAgo = random.Next(3) == 0 ? random.Next(30, 180) : random.Next(0, 25);
                var opened = now.AddDays(-openedDaysAgo);
                var need = Needs[random.Next(Needs.Length)];
                var @case = new Case
                {
                    ResidentId = resident.Id,
                    SiteId = siteId,
                    PlaceId = siteId,
                    Channel = random.Next(4) == 0 ? CaseChannel.Phone : CaseChannel.InPerson,
                    OwnerId = siteAgents[random.Next(siteAgents.Count)],
                    OpenedAt = opened,
                    DueDate = calendar.AddWorkingDays(DateOnly.FromDateTime(opened.UtcDateTime), options.Value.DaysFor(need.Domain)),
                    Needs = [new Need { Domain = need.Domain, Description = need.Text }],
                };
                // Walk the case through its states, as far as its age allows.
                var steps = openedDaysAgo switch { < 2 => random.Next(0, 2), < 8 => random.Next(0, 4), < 30 => random.Next(2, 6), _ => 5 };
                if (steps >= 1) { @case.Start(); }
                if (steps >= 2 && random.Next(3) == 0) { @case.WaitForPartner(); }
                if (steps >= 3) { @case.MarkAnswerReady(random.Next(2) == 0 ? ResolutionPath.AtCounter : ResolutionPath.WithPartner); }
                if (steps >= 4) { @case.ReturnAnswer(resident.PreferredChannel, opened.AddDays(Math.Min(openedDaysAgo, 1 + random.Next(6)))); }
                if (steps >= 5) { @case.Close(CaseOutcome.Resolved, null, @case.AnswerReturnedAt!.Value.AddHours(1)); }
                db.Add(@case);
                db.Add(new CaseEvent { CaseId = @case.Id, At = opened, ActorId = @case.OwnerId, Text = "Demande ouverte" });
            }
        }
        // The 2018 cross-administration training (15 days): each demo agent trained in a few domains.
        var trainers = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        (string Trainer, NeedDomain Domain, decimal Hours)[] courses =
        [
            ("CAF du Lot", NeedDomain.Famille, 14), ("CPAM du Lot", NeedDomain.Sante, 14), ("DDFiP du Lot", NeedDomain.Fiscalite, 21),
            ("France Travail", NeedDomain.Emploi, 14), ("CARSAT Midi-Pyrénées", NeedDomain.Retraite, 7), ("La Poste", NeedDomain.Numerique, 7),
        ];
        for (var a = 0; a < agents.Count; a++)
        {
            foreach (var (trainer, domain, hours) in courses.Where((_, i) => (i + a) % 2 == 0))
            {
                if (trainers.TryGetValue(trainer, out var trainerId))
                {
                    db.Add(new Trainings.AgentTraining { AccountId = agents[a].Id, TrainerOrganisationId = trainerId, Domain = domain, Hours = hours, On = new DateOnly(2026, 3, 2).AddDays(7 * a) });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string SearchTextSlug(string text) => Platform.Territory.SearchText.Fold(text).Replace(' ', '-');
}
