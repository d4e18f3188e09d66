using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.News;
using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Network;

/// <summary>
/// Partner profiles of the territory's usual partners (always: reference data, only added when missing), and in
/// Development a living network: referents, six months of questions with their answers, news items.
/// </summary>
public sealed class NetworkDemoData(CarteBlancheDbContext db, IDeskCases deskCases, QuestionProtection protection, FrenchBusinessCalendar calendar, TimeProvider timeProvider)
{
    private static readonly (string Organisation, string Domains, string Hours, string Channels, string Description)[] Profiles =
    [
        ("CAF du Lot", "Famille,Logement", "lun-ven 08:30-12:00 13:30-16:30", "Accueil sur rendez-vous à Cahors, 3230 (prix d'un appel), caf.fr", "Prestations familiales, aides au logement, RSA, prime d'activité."),
        ("CPAM du Lot", "Sante,Handicap", "lun-ven 08:30-12:00 13:30-16:30", "Accueil sur rendez-vous, 3646, compte ameli", "Assurance maladie : remboursements, complémentaire santé solidaire, carte Vitale."),
        ("France Travail", "Emploi", "lun-ven 08:30-12:30", "Agence de Cahors, 3949, francetravail.fr", "Inscription, indemnisation, accompagnement vers l'emploi."),
        ("DDFiP du Lot", "Fiscalite", "lun-ven 08:45-12:00", "Centre des finances publiques de Cahors, 0 809 401 401, impots.gouv.fr", "Impôts des particuliers, paiement, avis d'imposition."),
        ("CARSAT Midi-Pyrénées", "Retraite", "lun-ven 08:30-12:00 13:30-16:00", "3960, lassuranceretraite.fr", "Retraite du régime général : carrière, demande, versement."),
        ("MSA Midi-Pyrénées Nord", "Retraite,Sante,Famille", "lun-ven 08:30-12:00 13:30-16:30", "Agence de Cahors, 05 63 48 40 00, msa.fr", "Protection sociale agricole : santé, famille, retraite."),
        ("Préfecture du Lot", "PapiersIdentitePermis,Mobilite", "lun-ven 09:00-12:00", "Sur rendez-vous, ants.gouv.fr", "Titres (via l'ANTS), étrangers, associations."),
        ("La Poste", "Numerique,Autre", "lun-sam 09:00-12:00", "Bureaux de poste et France Services", "Services postaux, bancaires, accompagnement au numérique."),
        ("Département du Lot", "Handicap,Logement,Famille", "lun-ven 08:30-12:00 13:30-17:00", "Maisons des solidarités départementales, 05 65 53 40 00", "Action sociale, autonomie, RSA (insertion), protection de l'enfance."),
        ("UDAF du Lot", "Justice,Famille", "lun-ven 09:00-12:00 14:00-17:00", "05 65 23 40 00", "Protection juridique des majeurs, médiation familiale, point conseil budget."),
    ];

    public async Task EnsurePartnerProfilesAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var existing = await db.Set<PartnerProfile>().Select(p => p.OrganisationId).ToListAsync(cancellationToken);
        foreach (var (name, domains, hours, channels, description) in Profiles)
        {
            if (organisations.TryGetValue(name, out var id) && !existing.Contains(id))
            {
                db.Add(new PartnerProfile { OrganisationId = id, Domains = domains, OpeningHours = hours, Channels = channels, Description = description });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Referent>().AnyAsync(cancellationToken))
        {
            return;
        }
        var now = timeProvider.GetUtcNow();
        var accounts = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoData.Domain)).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var caf = organisations["CAF du Lot"];
        var cpam = organisations["CPAM du Lot"];
        void Name(string email, Guid organisation, bool lead)
        {
            if (accounts.TryGetValue(email, out var account))
            {
                db.Add(new Referent { AccountId = account.Id, OrganisationId = organisation, IsLead = lead, NamedAt = now });
            }
        }
        Name(DemoData.EmailFor(Roles.PartnerReferent), caf, lead: true);
        Name($"referent.caf2@{DemoData.Domain}", caf, lead: false);
        Name($"referent.cpam@{DemoData.Domain}", cpam, lead: true);
        var cafProfile = await db.Set<PartnerProfile>().SingleOrDefaultAsync(p => p.OrganisationId == caf, cancellationToken);
        if (cafProfile != null)
        {
            cafProfile.SharedMailbox = "partenaires@caf-lot.demo.carteblanche.fr";
        }
        await db.SaveChangesAsync(cancellationToken);

        await SeedQuestionsAsync(accounts, organisations, now, cancellationToken);
        SeedNews(accounts, organisations, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Questions on the demo cases of the Grand Cahors site: most answered (in varied times) and closed, a few still open.</summary>
    private async Task SeedQuestionsAsync(Dictionary<string, Account> accounts, Dictionary<string, Guid> organisations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referents = await db.Set<Referent>().ToListAsync(cancellationToken);
        var byDomain = await db.Set<PartnerProfile>().ToListAsync(cancellationToken);
        var random = new Random(46);
        foreach (var (siteName, agentEmail) in new[] { (DemoData.GrandCahorsSite, DemoData.EmailFor(Roles.Agent)), (DemoData.LalbenqueSite, $"agent.lalbenque@{DemoData.Domain}") })
        {
            var agent = accounts.GetValueOrDefault(agentEmail);
            var site = await db.Places.Where(p => p.Name == siteName).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (agent != null && site != null)
            {
                await SeedSiteQuestionsAsync(site.Value, agent, referents, byDomain, organisations, random, now, cancellationToken);
            }
        }
    }

    private async Task SeedSiteQuestionsAsync(Guid site, Account agent, List<Referent> referents, List<PartnerProfile> byDomain, Dictionary<string, Guid> organisations, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseIds = await deskCases.CaseIdsOfSiteAsync(site, now.AddDays(-200), cancellationToken);
        var recentOpen = 0;
        foreach (var caseId in caseIds)
        {
            var @case = await deskCases.FindAsync(caseId, cancellationToken);
            if (@case?.Resident == null || random.Next(4) == 0)
            {
                continue;
            }
            // One partner asked, sometimes two, a few working hours after the case was opened.
            var need = @case.Needs.First();
            var candidates = byDomain.Where(p => p.DomainCodes.Contains(need.Domain)).Select(p => p.OrganisationId).ToList();
            if (candidates.Count == 0)
            {
                candidates.Add(organisations["CAF du Lot"]);
            }
            var asked = random.Next(4) == 0 ? candidates.OrderBy(_ => random.Next()).Take(2).ToList() : [candidates[random.Next(candidates.Count)]];
            foreach (var partner in asked)
            {
                SeedQuestion(@case, need, partner, agent, referents, random, now, ref recentOpen);
            }
        }
    }

    private void SeedQuestion(DeskCase @case, DeskNeed need, Guid partner, Account agent, List<Referent> referents, Random random, DateTimeOffset now, ref int recentOpen)
    {
        var shared = random.Next(2) == 0 ? [] : new[] { ShareableField.Phone };
        var sentAt = calendar.AddWorkingHours(@case.OpenedAt, random.Next(0, 16));
        if (sentAt > now)
        {
            return;
        }
        var question = PartnerQuestion.Send(sentAt, calendar, @case.Id, @case.Reference, @case.SiteId, agent.Id, partner, "46",
            need.Domain, need.DomainLabel, SharedResidentData.Describe(shared), protection.Protect(SharedResidentData.From(@case.Resident!, shared)));
        db.Add(question);
        db.Add(new QuestionMessage { QuestionId = question.Id, Kind = MessageKind.Question, AuthorId = agent.Id, AuthorOrganisationId = agent.OrganisationId, At = sentAt, Text = $"Bonjour, pouvez-vous nous aider sur ce dossier : {need.Description.ToLowerInvariant()} ? Merci." });
        var referent = referents.FirstOrDefault(r => r.OrganisationId == partner)?.AccountId ?? agent.Id;
        var stillOpen = @case.IsOpen && recentOpen < 3 && sentAt > now.AddDays(-5);
        if (stillOpen)
        {
            recentOpen++;
            return;
        }
        // Most partners answer within the day, some take longer, a few are late.
        var hours = random.Next(10) switch { < 6 => random.Next(1, 12), < 9 => random.Next(12, 40), _ => random.Next(50, 90) };
        var answeredAt = calendar.AddWorkingHours(sentAt, hours);
        if (answeredAt > now)
        {
            return;
        }
        question.Take(Taker.Account(referent), answeredAt.AddMinutes(-30) < sentAt ? sentAt : answeredAt.AddMinutes(-30));
        question.Answer(Taker.Account(referent), answeredAt);
        db.Add(new QuestionMessage { QuestionId = question.Id, Kind = MessageKind.Answer, AuthorId = referent, AuthorOrganisationId = partner, At = answeredAt, Text = "Bonjour, le dossier est à jour de notre côté : la démarche peut être finalisée. Bien cordialement." });
        var closedAt = answeredAt.AddHours(random.Next(2, 48));
        if (closedAt < now)
        {
            question.Close(random.Next(10) switch { < 7 => Usefulness.Yes, < 9 => Usefulness.DontKnow, _ => Usefulness.No }, closedAt);
        }
    }

    private void SeedNews(Dictionary<string, Account> accounts, Dictionary<string, Guid> organisations, DateTimeOffset now)
    {
        var author = accounts.GetValueOrDefault(DemoData.EmailFor(Roles.PartnerReferent));
        if (author == null)
        {
            return;
        }
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(now));
        db.Add(new NewsItem
        {
            OrganisationId = organisations["CAF du Lot"], AuthorId = author.Id, Category = NewsCategory.RuleChange, Audience = NewsAudience.Territory, IsPublic = true,
            Title = "Revalorisation du RSA et de la prime d'activité au 1er avril",
            Body = "Les montants forfaitaires du **RSA** et de la **prime d'activité** sont revalorisés.\n\n- Les droits sont recalculés automatiquement ;\n- aucune démarche n'est à faire par les allocataires.\n\nPlus d'informations sur [caf.fr](https://www.caf.fr).",
            ValidFrom = today.AddDays(-10), ValidUntil = today.AddDays(60), PublishedAt = now.AddDays(-10),
        });
        db.Add(new NewsItem
        {
            OrganisationId = organisations["CAF du Lot"], AuthorId = author.Id, Category = NewsCategory.Event, Audience = NewsAudience.Roles, AudienceList = $"{Roles.Agent},{Roles.SocialWorker}",
            Title = "Matinée d'information pour les agents France Services",
            Body = "La CAF du Lot présente ses nouveaux services en ligne aux agents **France Services** : rendez-vous à Cahors, salle du conseil, de 9 h à 12 h.\n\nInscription auprès de votre coordinatrice.",
            ValidFrom = today.AddDays(-3), ValidUntil = today.AddDays(20), PublishedAt = now.AddDays(-3),
        });
        db.Add(new NewsItem
        {
            OrganisationId = organisations["DDFiP du Lot"], AuthorId = author.Id, Category = NewsCategory.Campaign, Audience = NewsAudience.Territory, IsPublic = true,
            Title = "Campagne de déclaration des revenus : permanences au centre des finances publiques",
            Body = "Pendant la campagne déclarative, le centre des finances publiques de Cahors tient des permanences **sans rendez-vous** les mardis et jeudis matin.",
            ValidFrom = today.AddDays(-1), ValidUntil = today.AddDays(45), PublishedAt = now.AddDays(-1),
        });
    }
}
