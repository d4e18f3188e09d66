using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Employers.Firms;

/// <summary>The demonstration firm: the bakery whose owner has the demo account, followed by the demo HR expert, with two employees and a published offer with two candidates.</summary>
internal sealed class EmployersDemoData(CarteBlancheDbContext db, ParisClock clock)
{
    public const string DemoFirmName = "Boulangerie du Pont Valentré (démonstration)";
    /// <summary>Luhn-valid, made up (SIREN 912 345 675).</summary>
    public const string DemoSiret = "91234567500017";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Firm>().AnyAsync(cancellationToken))
        {
            return;
        }
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == DemoFirmName, cancellationToken);
        var expert = await db.Users.SingleOrDefaultAsync(a => a.Email == DemoData.EmailFor(Roles.HrExpert), cancellationToken);
        if (organisation == null || expert == null)
        {
            return;
        }
        var today = clock.Today;
        var firm = new Firm
        {
            OrganisationId = organisation.Id, Name = DemoFirmName, Siret = DemoSiret, NafCode = "10.71C", Headcount = 3, Idcc = "0843",
            AgreementName = "Boulangerie-pâtisserie (entreprises artisanales)", Address = "12 rue du Pont Valentré", CommuneInseeCode = "46042",
            ContactName = "Françoise Dirigeante", ContactPhone = "05 36 49 00 12", Stage = EnrolmentStage.Operation,
            EnrolledOn = today.AddMonths(-3), OperationFrom = today.AddMonths(-2), CreatedAt = clock.Now, CreatedBy = expert.Id,
        };
        db.Add(firm);
        db.Add(new FirmExpert { FirmId = firm.Id, AccountId = expert.Id, Functions = HrFunctions.All });
        var baker = new Employee { FirmId = firm.Id, FirstName = "Lucas", LastName = "Martin (démonstration)", BirthDate = new DateOnly(1994, 5, 3), CreatedAt = clock.Now };
        var seller = new Employee { FirmId = firm.Id, FirstName = "Inès", LastName = "Bernard (démonstration)", BirthDate = new DateOnly(2001, 11, 21), CreatedAt = clock.Now };
        db.AddRange(baker, seller,
            new EmploymentContract { EmployeeId = baker.Id, FirmId = firm.Id, Kind = ContractKind.Cdi, JobTitle = "Boulanger", Start = new DateOnly(2024, 9, 2), MonthlyGross = 2100m, CreatedAt = clock.Now },
            new EmploymentContract
            {
                EmployeeId = seller.Id, FirmId = firm.Id, Kind = ContractKind.Cdd, JobTitle = "Vendeuse en boulangerie", Start = new DateOnly(2026, 10, 1), End = new DateOnly(2027, 3, 31),
                CddReason = "Accroissement temporaire d'activité", WeeklyHours = 24m, MonthlyGross = 1300m, CreatedAt = clock.Now,
            });
        db.AddRange(
            new StaffRegisterEntry
            {
                FirmId = firm.Id, EmployeeId = baker.Id, Number = 1, LastName = baker.LastName, FirstNames = baker.FirstName, Sex = "M", Nationality = "Française",
                BirthDate = new DateOnly(1994, 5, 3), JobTitle = "Boulanger", ContractKind = ContractKind.Cdi, EntryDate = new DateOnly(2024, 9, 2), RecordedAt = clock.Now, RecordedBy = expert.Id,
            },
            new StaffRegisterEntry
            {
                FirmId = firm.Id, EmployeeId = seller.Id, Number = 2, LastName = seller.LastName, FirstNames = seller.FirstName, Sex = "F", Nationality = "Française",
                BirthDate = new DateOnly(2001, 11, 21), JobTitle = "Vendeuse en boulangerie", ContractKind = ContractKind.Cdd, PartTime = true, EntryDate = new DateOnly(2026, 10, 1), RecordedAt = clock.Now, RecordedBy = expert.Id,
            });
        var offer = new Recruitment.JobOffer
        {
            FirmId = firm.Id, Reference = $"OE-{today.Year}-0001", Title = "Vendeur en boulangerie (H/F) (démonstration)", RomeCode = "D1106", ContractKind = ContractKind.Cdi,
            WeeklyHours = 30m, MonthlyGrossMin = 1550m, CommuneInseeCode = "46042", Experience = Recruitment.ExperienceLevel.Beginner,
            Description = "Accueil et conseil des clients, vente au comptoir, mise en place de la boutique.\nDu mardi au samedi, 6 h 30 – 13 h.",
            Status = Recruitment.OfferStatus.Published, CreatedAt = clock.Now, PublishedAt = clock.Now, CreatedBy = expert.Id,
        };
        db.Add(offer);
        db.AddRange(
            new Recruitment.Candidate { OfferId = offer.Id, FirmId = firm.Id, FirstName = "Léa", LastName = "Vidal (démonstration)", Source = "France Travail", Status = Recruitment.CandidateStatus.Received, ReceivedAt = clock.Now, UpdatedAt = clock.Now },
            new Recruitment.Candidate
            {
                OfferId = offer.Id, FirmId = firm.Id, FirstName = "Hugo", LastName = "Delpech (démonstration)", Source = "Candidature spontanée", Status = Recruitment.CandidateStatus.Interview,
                InterviewDate = today.AddDays(3), InterviewTime = new TimeOnly(14, 0), ReceivedAt = clock.Now, UpdatedAt = clock.Now,
            });
        // The expert's time and the firm's first opinion, so that the experiment's report has something to show.
        db.AddRange(
            new Evaluation.TimeEntry { FirmId = firm.Id, AccountId = expert.Id, Function = HrFunctions.Recruitment, Day = today.AddDays(-20), Minutes = 150, Note = "Diagnostic RH et fiche de poste", CreatedAt = clock.Now },
            new Evaluation.TimeEntry { FirmId = firm.Id, AccountId = expert.Id, Function = HrFunctions.Payroll, Day = today.AddDays(-10), Minutes = 90, Note = "Paramétrage de la paie", CreatedAt = clock.Now },
            new Evaluation.TimeEntry { FirmId = firm.Id, AccountId = expert.Id, Function = HrFunctions.Formalities, Day = today.AddDays(-5), Minutes = 45, CreatedAt = clock.Now },
            new Evaluation.FirmFeedback { FirmId = firm.Id, Day = today.AddDays(-7), Satisfaction = 4, CoFinancingPerMonth = 80m, Comment = "Gain de temps sur la paie (démonstration).", GivenByFirm = false, RecordedAt = clock.Now, RecordedBy = expert.Id },
            new Platform.Results.SatisfactionAnswer { Solution = "employeurs", SourceId = firm.Id, Day = today.AddDays(-7), Score = 4, Channel = "Recueilli par l'expert RH", RecordedAt = clock.Now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
