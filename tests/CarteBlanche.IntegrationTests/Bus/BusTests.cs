using System.Net;
using CarteBlanche.Bus;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Bus;

/// <summary>The bus: planning, publishing, the public timetable, its calendar and cancellations; on SQLite and PostgreSQL.</summary>
public abstract class BusTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_coordinator_plans_and_publishes_a_cycle_that_residents_find_with_its_calendar()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        // Within the four weeks that residents see.
        var start = NextMonday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var proposed = await Html.PostFormAsync(coordinator, "/car/planification",
            [new("CycleStart", start), new("CycleDays", "10"), new("Buses", "1"), new("Pinned", "46224"), new("Excluded", "46256")]);
        var proposal = await proposed.ReadPageAsync();
        Assert.Contains("Proposition de tournée", proposal, StringComparison.Ordinal);
        Assert.Contains("Saint-Cirq-Lapopie</strong> : Exclue par le coordinateur.", proposal, StringComparison.Ordinal);
        Assert.Contains("Pradines", proposal, StringComparison.Ordinal);
        var runUrl = proposed.RequestMessage!.RequestUri!.AbsolutePath;

        using var published = await Html.PostFormAsync(coordinator, runUrl, [new("confirme", "oui")], runUrl + "?handler=Publish");
        Assert.Contains("La tournée est publiée", await published.ReadPageAsync(), StringComparison.Ordinal);
        var runId = Guid.Parse(runUrl.Split('/').Last());
        var run = await Factory.WithDbAsync(db => db.Set<TourPlanRun>().SingleAsync(r => r.Id == runId));
        var cycleEnd = CarteBlanche.Bus.Planning.BusPlanning.WindowOf(CarteBlanche.Bus.Planning.BusPlanning.PlanOf(run), run).To;
        var passages = await Factory.WithDbAsync(db => db.Set<BusPassage>().Include(p => p.Stop).Where(p => p.PlanRunId == runId && p.Date <= cycleEnd).ToListAsync());
        Assert.Equal(20, passages.Count); // 10 working days (holidays skipped), a morning and an afternoon each
        Assert.Contains(passages, p => p.Stop!.CommuneInseeCode == "46224");

        // A resident, without an account: the commune page and its calendar.
        var pradines = passages.Where(p => p.Stop!.CommuneInseeCode == "46224").OrderBy(p => p.Date).First();
        using var anonymous = Factory.CreateBrowserClient();
        using var page = await anonymous.GetAsync("/car/communes/46224");
        Assert.Contains("Le car France Services passe à Pradines, place de la mairie, le", await page.ReadPageAsync(), StringComparison.Ordinal);
        var calendar = Calendar.Load(await anonymous.GetStringAsync("/car/communes/46224/passages.ics"))!;
        var evt = Assert.Single(calendar.Events, e => e.Uid == $"{pradines.Id:D}@carteblanche");
        Assert.Equal(pradines.Date.ToDateTime(pradines.Start), evt.Start!.Value);
        Assert.Equal("CONFIRMED", evt.Status);

        // Cancelled: a notice on the page, STATUS:CANCELLED and a new SEQUENCE in the calendar.
        using var refused = await Html.PostFormAsync(coordinator, $"/car/passages/{pradines.Id}", [new("confirme", "oui"), new("notice", " ")], $"/car/passages/{pradines.Id}?handler=Cancel");
        Assert.Contains("Écrivez l'avis affiché aux habitants", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(PassageStatus.Scheduled, await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Id == pradines.Id).Select(p => p.Status).SingleAsync()));
        // Without JavaScript, cancelling asks on a page of its own first; nothing changes until it is confirmed.
        using (var asked = await Html.PostFormAsync(coordinator, $"/car/passages/{pradines.Id}", [new("notice", "Remplacé par le jeudi suivant, mêmes horaires.")], $"/car/passages/{pradines.Id}?handler=Cancel"))
        {
            var askedPage = await asked.ReadPageAsync();
            Assert.Contains("Annuler ce passage ?", askedPage, StringComparison.Ordinal);
            Assert.Contains("name=\"confirme\" value=\"oui\"", askedPage, StringComparison.Ordinal);
            Assert.Equal(PassageStatus.Scheduled, await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Id == pradines.Id).Select(p => p.Status).SingleAsync()));
        }
        using var cancelled = await Html.PostFormAsync(coordinator, $"/car/passages/{pradines.Id}", [new("confirme", "oui"), new("notice", "Remplacé par le jeudi suivant, mêmes horaires.")], $"/car/passages/{pradines.Id}?handler=Cancel");
        using var after = await anonymous.GetAsync("/car/communes/46224");
        Assert.Contains("Remplacé par le jeudi suivant, mêmes horaires.", await after.ReadPageAsync(), StringComparison.Ordinal);
        var updated = Calendar.Load(await anonymous.GetStringAsync("/car/communes/46224/passages.ics"))!.Events.Single(e => e.Uid == $"{pradines.Id:D}@carteblanche");
        Assert.Equal("CANCELLED", updated.Status);
        Assert.Equal(1, updated.Sequence);

        using var poster = await anonymous.GetAsync("/car/communes/46224/affiche");
        Assert.Contains("Le car France Services<br>vient à Pradines", await poster.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_replaces_a_passage_residents_see_the_new_day_and_bad_days_change_nothing()
    {
        var passages = await Factory.WithDbAsync(db => db.Set<BusPassage>().Include(p => p.Stop).ThenInclude(s => s!.Commune)
            .Where(p => p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)).OrderBy(p => p.Date).ThenBy(p => p.HalfDay).ToListAsync());
        var passage = passages[0];
        var other = passages.First(p => p.Bus == passage.Bus && p.Id != passage.Id);
        var url = $"/car/passages/{passage.Id}";
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var saturday = NextMonday().AddDays(131);
        using var weekend = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui"), new("replacementDate", Iso(saturday)), new("replacementHalfDay", "Morning")], url + "?handler=Cancel");
        Assert.Contains("n'est pas un jour ouvré", await weekend.ReadPageAsync(), StringComparison.Ordinal);
        using var taken = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui"), new("replacementDate", Iso(other.Date)), new("replacementHalfDay", other.HalfDay.ToString())], url + "?handler=Cancel");
        Assert.Contains($"Le car est déjà à {other.Stop!.Commune!.Name}", await taken.ReadPageAsync(), StringComparison.Ordinal);
        using var halfMissing = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui"), new("replacementDate", Iso(saturday.AddDays(2)))], url + "?handler=Cancel");
        Assert.Contains("choisissez le jour et la demi-journée", await halfMissing.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(PassageStatus.Scheduled, await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Id == passage.Id).Select(p => p.Status).SingleAsync()));

        var newDay = saturday.AddDays(3); // a Tuesday far beyond the published cycles
        while (CarteBlanche.Platform.Calendar.FrenchPublicHolidays.IsHoliday(newDay))
        {
            newDay = newDay.AddDays(1);
        }
        using var replaced = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui"), new("notice", "Le car est au contrôle technique."), new("replacementDate", Iso(newDay)), new("replacementHalfDay", "Afternoon")], url + "?handler=Cancel");
        Assert.Contains("Passage remplacé", await replaced.ReadPageAsync(), StringComparison.Ordinal);

        var replacement = await Factory.WithDbAsync(db => db.Set<BusPassage>().SingleAsync(p => p.StopId == passage.StopId && p.Date == newDay));
        Assert.Equal((new TimeOnly(14, 0), new TimeOnly(17, 0), PassageStatus.Scheduled), (replacement.Start, replacement.End, replacement.Status));
        using var anonymous = Factory.CreateBrowserClient();
        var code = passage.Stop!.CommuneInseeCode;
        var calendar = Calendar.Load(await anonymous.GetStringAsync($"/car/communes/{code}/passages.ics"))!;
        var old = Assert.Single(calendar.Events, e => e.Uid == $"{passage.Id:D}@carteblanche");
        Assert.Equal("CANCELLED", old.Status);
        var day = newDay.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains($"Le car est au contrôle technique. Remplacé par le {day}, de 14 h à 17 h.", old.Description ?? "", StringComparison.Ordinal);
        // The replacement is months ahead: beyond the four weeks of the feed, it comes into it in time.
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"{replacement.Id:D}@carteblanche");
        using var page = await anonymous.GetAsync($"/car/communes/{code}");
        Assert.Contains($"Remplacé par le {day}", await page.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_give_the_share_of_isolated_residents_reached()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var response = await agent.GetAsync("/car/chiffres");
        var page = await response.ReadPageAsync();
        var match = System.Text.RegularExpressions.Regex.Match(page, @"Habitants isolés atteints : <strong>(\d+)\s?%</strong> — ([\d\s ]+) habitants de (\d+) communes desservies, sur ([\d\s ]+) habitants des (\d+) communes");
        Assert.True(match.Success, "reach line missing");
        static int N(string s) => int.Parse(new string(s.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(N(match.Groups[1].Value), 1, 100);
        Assert.True(N(match.Groups[2].Value) <= N(match.Groups[4].Value));
        Assert.True(N(match.Groups[3].Value) > 0 && N(match.Groups[3].Value) <= N(match.Groups[5].Value));
    }

    [Fact]
    public async Task Impossible_constraints_are_named_and_nothing_is_published()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var before = await Factory.WithDbAsync(db => db.Set<BusPassage>().CountAsync());
        var start = NextMonday().AddDays(70).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Html.PostFormAsync(coordinator, "/car/planification",
            [new("CycleStart", start), new("CycleDays", "1"), new("Buses", "1"), new("Pinned", "46013"), new("Pinned", "46027"), new("Pinned", "46037")]);

        Assert.Contains("3 passages épinglés pour 2 demi-journées disponibles", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<BusPassage>().CountAsync()));
    }

    [Fact]
    public async Task Only_coordinators_plan_and_unknown_communes_are_not_found()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var refused = await agent.GetAsync("/car/planification");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var anonymous = Factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/car/communes/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/car/communes/99999/passages.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/car")).StatusCode);
    }

    [Fact]
    public async Task A_resident_subscribes_is_told_of_a_cancellation_and_unsubscribes_in_one_click()
    {
        using var anonymous = Factory.CreateBrowserClient();
        var email = $"riverain.{Guid.NewGuid():N}@exemple.fr";
        var code = await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow))
            .OrderBy(p => p.Date).Select(p => p.Stop!.CommuneInseeCode).FirstAsync());

        using var noConsent = await Html.PostFormAsync(anonymous, $"/car/communes/{code}", [new("Channel", "Email"), new("Address", email)], $"/car/communes/{code}?handler=Subscribe");
        Assert.Contains("Cochez la case pour accepter", await noConsent.ReadPageAsync(), StringComparison.Ordinal);
        using var badPhone = await Html.PostFormAsync(anonymous, $"/car/communes/{code}", [new("Channel", "Sms"), new("Address", "05 65"), new("Consent", "true")], $"/car/communes/{code}?handler=Subscribe");
        Assert.Contains("Indiquez un numéro de portable à 10 chiffres", await badPhone.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<BusSubscription>().AnyAsync(s => s.Address == email)));

        await SubscribeAndConfirmAsync(anonymous, code, email);

        var passage = await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Stop!.CommuneInseeCode == code && p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow)).OrderBy(p => p.Date).FirstAsync());
        var subscribers = await Factory.WithDbAsync(db => db.Set<BusSubscription>().CountAsync(s => s.CommuneInseeCode == code && s.ConfirmedAt != null));
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var cancelled = await Html.PostFormAsync(coordinator, $"/car/passages/{passage.Id}", [new("confirme", "oui"), new("notice", "Le car est en panne.")], $"/car/passages/{passage.Id}?handler=Cancel");
        Assert.Contains($"{subscribers} abonné(s) sont prévenus", await cancelled.ReadPageAsync(), StringComparison.Ordinal);

        var message = await Factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == email && m.Body.Contains("est annulé")));
        Assert.Contains("est annulé. Le car est en panne.", message.Body, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(message.Body, @"/car/desabonnement/[A-Za-z0-9_-]+").Value;

        // A second change: its message carries the same link, so the first message's link still works.
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChangeNotifier>().NotifyAsync(code, "la commune", "Le car passera plus tard.", "http://localhost", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().SaveChangesAsync();
        }
        var bodies = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Subject.EndsWith(": changement")).Select(m => m.Body).ToListAsync());
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body => Assert.Contains(link + "\n", body.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal));

        using var confirm = await anonymous.GetAsync(link);
        Assert.Contains("Ne plus être prévenu(e) des changements du car", await confirm.ReadPageAsync(), StringComparison.Ordinal);
        using var done = await Html.PostFormAsync(anonymous, link, []);
        Assert.Contains("vos coordonnées sont effacées", await done.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<BusSubscription>().AnyAsync(s => s.Address == email)));
    }

    [Fact]
    public async Task The_crews_count_of_cases_opened_starts_from_the_desks_cases_at_the_stop_that_day()
    {
        // A passage today at a stop (bus 9: no demo passage), then a desk case opened today with that stop as the place of reception.
        var today = DateOnly.FromDateTime(Factory.Services.GetRequiredService<CarteBlanche.Platform.Calendar.FrenchBusinessCalendar>().ToLocalTime(DateTimeOffset.UtcNow));
        var stop = await Factory.WithDbAsync(db => db.Set<BusStop>().AsNoTracking().OrderBy(s => s.CommuneInseeCode).FirstAsync());
        var passage = new BusPassage { StopId = stop.Id, Date = today, HalfDay = CarteBlanche.Tours.HalfDay.Morning, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), Bus = 9, PublishedAt = DateTimeOffset.UtcNow };
        await Factory.WithDbAsync(async db =>
        {
            db.Add(passage);
            return await db.SaveChangesAsync();
        });
        var place = await Factory.WithDbAsync(db => db.Places.Where(p => p.Kind == CarteBlanche.Platform.Territory.PlaceKind.BusStop && p.CommuneInseeCode == stop.CommuneInseeCode).Select(p => p.Id).SingleAsync());
        var agentId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync());
        await Factory.WithDbAsync(db =>
        {
            db.Add(new CrewAssignment { Date = today, Bus = 9, Role = CrewRole.PolyvalentAgent, AccountId = agentId }); // the agent rides that bus today
            return db.SaveChangesAsync();
        });
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        int DeskCount(string page) => int.Parse(System.Text.RegularExpressions.Regex.Match(page, @"Le guichet en compte (\d+) à cet arrêt ce jour-là").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var before = DeskCount(await (await agent.GetAsync($"/car/passages/{passage.Id}")).ReadPageAsync());

        using var resident = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Lucienne"), new("Input.LastName", "Delpech-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "03/05/1944"),
            new("Input.Phone", "05 65 20 00 01"), new("Input.PreferredChannel", "Phone"),
        ]);
        var residentId = resident.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Retraite"), new("Needs[0].Description", "Demande de retraite"), new("PlaceId", place.ToString())]);
        Assert.Contains("ouverte : réponse à rendre au plus tard le", await opened.ReadPageAsync(), StringComparison.Ordinal);

        var page = await (await agent.GetAsync($"/car/passages/{passage.Id}")).ReadPageAsync();
        Assert.Equal(before + 1, DeskCount(page));
        Assert.Contains($"name=\"casesOpened\" value=\"{before + 1}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_with_a_wrong_coordinate_is_refused_and_kept_as_it_was()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var before = await Factory.WithDbAsync(db => db.Set<BusStop>().AsNoTracking().SingleAsync(s => s.CommuneInseeCode == "46013"));

        using var refused = await Html.PostFormAsync(coordinator, "/car/arrets/46013", [new("PlaceName", "Place de l'église"), new("Latitude", "144.35"), new("Longitude", "1.67"), new("IsActive", "true")]);
        Assert.Contains("La latitude est un nombre entre 41 et 52", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Latitude, await Factory.WithDbAsync(db => db.Set<BusStop>().Where(s => s.CommuneInseeCode == "46013").Select(s => s.Latitude).SingleAsync()));

        using var saved = await Html.PostFormAsync(coordinator, "/car/arrets/46013", [new("PlaceName", "Place de l'église"), new("Latitude", "44,3541"), new("Longitude", "1.6702"), new("AccessNotes", "Accès de plain-pied"), new("IsActive", "true")]);
        Assert.Contains("Arrêt de Bach enregistré.", await saved.ReadPageAsync(), StringComparison.Ordinal);
        var stop = await Factory.WithDbAsync(db => db.Set<BusStop>().AsNoTracking().SingleAsync(s => s.CommuneInseeCode == "46013"));
        Assert.Equal(44.3541, stop.Latitude);
        Assert.Equal("Place de l'église", stop.PlaceName);
    }

    [Fact]
    public async Task The_crew_records_a_visit_the_figures_count_it_and_only_coordinators_cancel()
    {
        var passage = await Factory.WithDbAsync(db => db.Set<BusPassage>().Include(p => p.Stop).ThenInclude(s => s!.Commune)
            .Where(p => p.Status == PassageStatus.Scheduled && p.Date < DateOnly.FromDateTime(DateTime.UtcNow)).OrderByDescending(p => p.Date).FirstAsync());
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var url = $"/car/passages/{passage.Id}";

        // Not on that day's crew: refused, the record (the demo's history has one) unchanged.
        var before = await Factory.WithDbAsync(db => db.Set<BusVisit>().AsNoTracking().SingleOrDefaultAsync(v => v.PassageId == passage.Id));
        using var notCrew = await Html.PostFormAsync(agent, url, [new("visitors", "7"), new("casesOpened", "1")], url + "?handler=Visit");
        Assert.Contains($"Seul l'équipage du {passage.Date.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} (car {passage.Bus + 1}) ou un coordinateur peut enregistrer la visite", await notCrew.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(before?.Visitors, await Factory.WithDbAsync(db => db.Set<BusVisit>().Where(v => v.PassageId == passage.Id).Select(v => (int?)v.Visitors).SingleOrDefaultAsync()));
        var agentId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync());
        await Factory.WithDbAsync(db =>
        {
            db.Add(new CrewAssignment { Date = passage.Date, Bus = passage.Bus, Role = CrewRole.PolyvalentAgent, AccountId = agentId });
            return db.SaveChangesAsync();
        });

        using var refused = await Html.PostFormAsync(agent, url, [new("visitors", "2"), new("casesOpened", "5")], url + "?handler=Visit");
        Assert.Contains("Le nombre de demandes ouvertes est entre 0 et le nombre de visiteurs.", await refused.ReadPageAsync(), StringComparison.Ordinal);

        using var recorded = await Html.PostFormAsync(agent, url, [new("visitors", "41"), new("casesOpened", "3"), new("domains", "Retraite"), new("domains", "Inconnu"), new("notes", "Beaucoup de monde")], url + "?handler=Visit");
        Assert.Contains("Visite enregistrée.", await recorded.ReadPageAsync(), StringComparison.Ordinal);
        var visit = await Factory.WithDbAsync(db => db.Set<BusVisit>().AsNoTracking().SingleAsync(v => v.PassageId == passage.Id));
        Assert.Equal(41, visit.Visitors);
        Assert.Equal("Retraite", visit.Domains);

        using var csv = await agent.GetAsync("/car/chiffres?handler=Csv");
        var line = (await csv.Content.ReadAsStringAsync()).Split('\n').Single(l => l.StartsWith(passage.Stop!.CommuneInseeCode + ",", StringComparison.Ordinal));
        Assert.True(int.Parse(line.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) >= 41, line);

        using var cancel = await Html.PostFormAsync(agent, url, [new("confirme", "oui"), new("notice", "Je ne suis pas coordinateur")], url + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(PassageStatus.Scheduled, await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Id == passage.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_coordinator_assigns_the_crew_and_the_agent_sees_the_day_in_their_schedule()
    {
        var day = await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            .OrderBy(p => p.Date).Select(p => new { p.Date, p.Bus }).FirstAsync());
        var (agentId, socialId) = await Factory.WithDbAsync(async db =>
            (await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync(),
             await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.SocialWorker)).Select(u => u.Id).SingleAsync()));
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var date = day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var saved = await Html.PostFormAsync(coordinator, "/car/equipage", [new("date", date), new("bus", day.Bus.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("agentId", agentId.ToString()), new("socialWorkerId", socialId.ToString())]);
        Assert.Contains("enregistré", await saved.ReadPageAsync(), StringComparison.Ordinal);
        using var wrongDay = await Html.PostFormAsync(coordinator, "/car/equipage", [new("date", "2020-01-06"), new("bus", "0"), new("agentId", agentId.ToString())]);
        Assert.Contains("Ce jour n'a pas de passage publié", await wrongDay.ReadPageAsync(), StringComparison.Ordinal);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var mine = await agent.GetAsync("/car/mes-journees");
        var page = await mine.ReadPageAsync();
        Assert.Contains(day.Date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), page, StringComparison.Ordinal);
        Assert.Contains("agent polyvalent", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_permanence_joins_passages_within_its_period_only()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var monday = NextMonday().AddDays(84);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await Html.PostFormAsync(coordinator, "/car/planification",
            [new("CycleStart", Day(monday)), new("CycleDays", "10"), new("Buses", "1"), new("Specialist", "DDFiP"), new("SpecialistFrom", Day(monday.AddDays(4))), new("SpecialistTo", Day(monday))]);
        Assert.Contains("Indiquez la période de la permanence (début avant fin).", await refused.ReadPageAsync(), StringComparison.Ordinal);

        using var proposed = await Html.PostFormAsync(coordinator, "/car/planification",
            [new("CycleStart", Day(monday)), new("CycleDays", "10"), new("Buses", "1"), new("Specialist", "DDFiP (déclaration de revenus)"), new("SpecialistFrom", Day(monday)), new("SpecialistTo", Day(monday.AddDays(4))), new("SpecialistPassages", "3")]);
        var runId = Guid.Parse(proposed.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var plan = CarteBlanche.Bus.Planning.BusPlanning.PlanOf(await Factory.WithDbAsync(db => db.Set<TourPlanRun>().SingleAsync(r => r.Id == runId)));
        var joined = plan.Passages.Where(p => p.Specialists.Contains("DDFiP (déclaration de revenus)")).ToList();
        Assert.Equal(3, joined.Count);
        Assert.All(joined, p => Assert.InRange(p.Date, monday, monday.AddDays(4)));

        // Two specialists at once, one row each, as the form posts them (an empty third row included).
        using var both = await Html.PostFormAsync(coordinator, "/car/planification",
        [
            new("CycleStart", Day(monday)), new("CycleDays", "10"), new("Buses", "1"),
            new("Specialist", "DDFiP"), new("SpecialistFrom", Day(monday)), new("SpecialistTo", Day(monday.AddDays(4))), new("SpecialistPassages", "2"),
            new("Specialist", "CARSAT (retraite)"), new("SpecialistFrom", Day(monday.AddDays(7))), new("SpecialistTo", Day(monday.AddDays(11))), new("SpecialistPassages", ""),
            new("Specialist", ""), new("SpecialistFrom", ""), new("SpecialistTo", ""), new("SpecialistPassages", ""),
        ]);
        var bothId = Guid.Parse(both.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var bothPlan = CarteBlanche.Bus.Planning.BusPlanning.PlanOf(await Factory.WithDbAsync(db => db.Set<TourPlanRun>().SingleAsync(r => r.Id == bothId)));
        Assert.Equal(2, bothPlan.Passages.Count(p => p.Specialists.Contains("DDFiP")));
        var carsat = bothPlan.Passages.Where(p => p.Specialists.Contains("CARSAT (retraite)")).ToList();
        Assert.NotEmpty(carsat);
        Assert.All(carsat, p => Assert.InRange(p.Date, monday.AddDays(7), monday.AddDays(11)));
    }

    [Fact]
    public async Task A_proposal_is_edited_by_hand_bad_edits_change_nothing_and_the_edit_is_published()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var monday = NextMonday().AddDays(98);
        using var proposed = await Html.PostFormAsync(coordinator, "/car/planification",
            [new("CycleStart", monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("CycleDays", "10"), new("Buses", "1")]);
        var url = proposed.RequestMessage!.RequestUri!.AbsolutePath;
        var runId = Guid.Parse(url.Split('/').Last());
        async Task<CarteBlanche.Tours.TourPlan> PlanAsync() => CarteBlanche.Bus.Planning.BusPlanning.PlanOf(await Factory.WithDbAsync(db => db.Set<TourPlanRun>().SingleAsync(r => r.Id == runId)));
        var before = await PlanAsync();
        var first = before.Passages[0];
        var second = before.Passages[1];

        // Onto an occupied half-day, onto a Sunday: refused, nothing changes.
        using var occupied = await Html.PostFormAsync(coordinator, url, [new("index", "0"), new("action", "deplacer"), new("date", second.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("halfDay", second.HalfDay.ToString())], url + "?handler=Edit");
        Assert.Contains("Le car a déjà un arrêt à cette demi-journée", await occupied.ReadPageAsync(), StringComparison.Ordinal);
        using var sunday = await Html.PostFormAsync(coordinator, url, [new("index", "0"), new("action", "deplacer"), new("date", monday.AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("halfDay", "Morning")], url + "?handler=Edit");
        Assert.Contains("n'est pas un jour ouvré du cycle", await sunday.ReadPageAsync(), StringComparison.Ordinal);
        static string Key(CarteBlanche.Tours.Passage p) => $"{p.Date} {p.HalfDay} {p.CommuneCode}";
        Assert.Equal(before.Passages.Select(Key), (await PlanAsync()).Passages.Select(Key));

        // Remove the first passage: its commune is left out, by hand.
        using var removed = await Html.PostFormAsync(coordinator, url, [new("index", "0"), new("action", "retirer")], url + "?handler=Edit");
        Assert.Contains("Passage retiré de la proposition.", await removed.ReadPageAsync(), StringComparison.Ordinal);
        var after = await PlanAsync();
        Assert.Equal(before.Passages.Count - 1, after.Passages.Count);
        Assert.Contains(after.LeftOut, l => l.CommuneCode == first.CommuneCode && l.Reason == "Retirée à la main par le coordinateur.");

        // Add another left-out commune by hand: on an occupied half-day refused; on the freed one accepted.
        var other = after.LeftOut.First(l => l.CommuneCode != first.CommuneCode);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var taken = await Html.PostFormAsync(coordinator, url, [new("commune", other.CommuneCode), new("date", Day(second.Date)), new("halfDay", second.HalfDay.ToString())], url + "?handler=Add");
        Assert.Contains("Le car a déjà un arrêt à cette demi-journée", await taken.ReadPageAsync(), StringComparison.Ordinal);
        using var added = await Html.PostFormAsync(coordinator, url, [new("commune", other.CommuneCode), new("date", Day(first.Date)), new("halfDay", first.HalfDay.ToString())], url + "?handler=Add");
        Assert.Contains($"{other.CommuneName} ajoutée à la proposition.", await added.ReadPageAsync(), StringComparison.Ordinal);
        var withAdded = await PlanAsync();
        Assert.Contains(withAdded.Passages, p => p.CommuneCode == other.CommuneCode && p.Date == first.Date && p.HalfDay == first.HalfDay);
        Assert.DoesNotContain(withAdded.LeftOut, l => l.CommuneCode == other.CommuneCode);

        using var published = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui")], url + "?handler=Publish");
        Assert.Equal(withAdded.Passages.Count, await Factory.WithDbAsync(db => db.Set<BusPassage>().CountAsync(p => p.PlanRunId == runId)));
        Assert.False(await Factory.WithDbAsync(db => db.Set<BusPassage>().AnyAsync(p => p.PlanRunId == runId && p.Stop!.CommuneInseeCode == first.CommuneCode)));
        Assert.True(await Factory.WithDbAsync(db => db.Set<BusPassage>().AnyAsync(p => p.PlanRunId == runId && p.Stop!.CommuneInseeCode == other.CommuneCode)));
    }

    [Fact]
    public async Task A_case_can_be_opened_in_the_bus_with_the_stop_as_its_place()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", "Léon"), new("Input.LastName", "Bru-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "04/04/1944"), new("Input.PreferredChannel", "Phone"), new("Input.Phone", "05 65 31 00 00")]);
        var residentId = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();

        using var form = await agent.GetAsync($"/demandes/nouvelle/{residentId}");
        Assert.Contains("Car France Services — Bach", await form.ReadPageAsync(), StringComparison.Ordinal);
        var place = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == "Car France Services — Bach").Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Retraite"), new("Needs[0].Description", "Relevé de carrière"), new("PlaceId", place.ToString())]);
        Assert.Contains("Car France Services — Bach", await opened.ReadPageAsync(), StringComparison.Ordinal);
    }

    // Item 12: publishing keeps what already happened or was announced, refuses the past, tells each changed commune once.
    [Fact]
    public async Task Publishing_replaces_only_future_scheduled_passages_without_a_visit_and_tells_each_changed_commune_once()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var monday = NextMonday().AddDays(140);
        async Task<string> ProposeAsync(params KeyValuePair<string, string>[] extra)
        {
            using var proposed = await Html.PostFormAsync(coordinator, "/car/planification", [new("CycleStart", IsoDate(monday)), new("CycleDays", "10"), new("Buses", "1"), .. extra]);
            return proposed.RequestMessage!.RequestUri!.AbsolutePath;
        }
        var firstUrl = await ProposeAsync();
        using (var published = await Html.PostFormAsync(coordinator, firstUrl, [new("confirme", "oui")], firstUrl + "?handler=Publish"))
        {
            Assert.Contains("La tournée est publiée", await published.ReadPageAsync(), StringComparison.Ordinal);
        }
        var firstId = Guid.Parse(firstUrl.Split('/').Last());
        var first = await Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).Where(p => p.PlanRunId == firstId).OrderBy(p => p.Date).ThenBy(p => p.HalfDay).ToListAsync());
        var (cancelled, visited) = (first[0], first[1]);
        var droppedPassage = first.First(p => p.StopId != cancelled.StopId && p.StopId != visited.StopId);
        var dropped = droppedPassage.Stop!.CommuneInseeCode;
        await Factory.WithDbAsync(db =>
        {
            // A second passage there (another bus): the commune loses two passages.
            db.Add(new BusPassage { StopId = droppedPassage.StopId, Date = droppedPassage.Date, HalfDay = droppedPassage.HalfDay, Start = droppedPassage.Start, End = droppedPassage.End, Bus = 7, PublishedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });

        // A cancelled passage (its notice is public), a passage with the crew's visit record, a confirmed subscriber.
        using (var cancel = await Html.PostFormAsync(coordinator, $"/car/passages/{cancelled.Id}", [new("confirme", "oui"), new("notice", "Le car est au garage.")], $"/car/passages/{cancelled.Id}?handler=Cancel"))
        {
            Assert.Contains("Passage annulé", await cancel.ReadPageAsync(), StringComparison.Ordinal);
        }
        await Factory.WithDbAsync(db =>
        {
            db.Add(new BusVisit { PassageId = visited.Id, Visitors = 4, CasesOpened = 1, RecordedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        using var anonymous = Factory.CreateBrowserClient();
        var email = $"abonne.{Guid.NewGuid():N}@exemple.fr";
        await SubscribeAndConfirmAsync(anonymous, dropped, email);

        // A past cycle is refused and changes nothing.
        var before = await Factory.WithDbAsync(db => db.Set<BusPassage>().CountAsync());
        var past = await Factory.InScopeAsync(async sp =>
        {
            var (run, errors) = await sp.GetRequiredService<CarteBlanche.Bus.Planning.BusPlanning>().RunAsync(
                new CarteBlanche.Bus.Planning.PlanParameters(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-14), 5, 1, false, [], []), Guid.Empty, CancellationToken.None, TimeSpan.FromSeconds(1));
            Assert.Empty(errors);
            return run!.Id;
        });
        using (var refused = await Html.PostFormAsync(coordinator, $"/car/planification/{past}", [new("confirme", "oui")], $"/car/planification/{past}?handler=Publish"))
        {
            Assert.Contains("une date passée : relancez la planification", await refused.ReadPageAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<BusPassage>().CountAsync()));

        // The same cycle again, without one commune: only the scheduled passages without a visit are replaced.
        var secondUrl = await ProposeAsync(new KeyValuePair<string, string>("Excluded", dropped));
        using (var published = await Html.PostFormAsync(coordinator, secondUrl, [new("confirme", "oui")], secondUrl + "?handler=Publish"))
        {
            Assert.Contains("et les abonnés de", await published.ReadPageAsync(), StringComparison.Ordinal);
        }
        var kept = await Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.PlanRunId == firstId).ToListAsync());
        Assert.Equal(new[] { cancelled.Id, visited.Id }.Order(), kept.Select(p => p.Id).Order());
        Assert.Contains("Le car est au garage.", kept.Single(p => p.Id == cancelled.Id).Notice, StringComparison.Ordinal);
        Assert.Equal(4, await Factory.WithDbAsync(db => db.Set<BusVisit>().Where(v => v.PassageId == visited.Id).Select(v => v.Visitors).SingleAsync()));
        var secondId = Guid.Parse(secondUrl.Split('/').Last());
        Assert.False(await Factory.WithDbAsync(db => db.Set<BusPassage>().AnyAsync(p => p.PlanRunId == secondId && p.Stop!.CommuneInseeCode == dropped)));
        Assert.True(await Factory.WithDbAsync(db => db.Set<BusPassage>().AnyAsync(p => p.PlanRunId == secondId)));
        var told = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Subject.EndsWith(": changement")).Select(m => m.Body).ToListAsync());
        var message = Assert.Single(told); // two passages lost, one message
        Assert.Contains("Nouvelle tournée du car à partir du", message, StringComparison.Ordinal);
    }

    // Item 13: the published cycle repeats, so that four weeks are shown; a cancellation names the next passage; a commune left without one is flagged.
    [Fact]
    public async Task The_public_pages_and_calendar_show_four_weeks_of_the_repeating_cycle()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A one-week cycle from the Monday after next: published, it goes on after its last day.
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var proposed = await Html.PostFormAsync(coordinator, "/car/planification", [new("CycleStart", IsoDate(NextMonday())), new("CycleDays", "5"), new("Buses", "1")]);
        var url = proposed.RequestMessage!.RequestUri!.AbsolutePath;
        using (var published = await Html.PostFormAsync(coordinator, url, [new("confirme", "oui")], url + "?handler=Publish"))
        {
            Assert.Contains("La tournée est publiée", await published.ReadPageAsync(), StringComparison.Ordinal);
        }
        var run = await Factory.WithDbAsync(db => db.Set<TourPlanRun>().AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(url.Split('/').Last())));
        var plan = CarteBlanche.Bus.Planning.BusPlanning.PlanOf(run);
        var cycleEnd = CarteBlanche.Bus.Planning.BusPlanning.WindowOf(plan, run).To;
        var period = CarteBlanche.Bus.Planning.BusPlanning.PeriodDays(run, plan);
        var repeated = await Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop)
            .Where(p => p.PlanRunId == run.Id && p.Status == PassageStatus.Scheduled && p.Date > cycleEnd && p.Date <= today.AddDays(28)).OrderBy(p => p.Date).FirstOrDefaultAsync());
        Assert.True(repeated != null, "the cycle's passages repeat after its last day, within the four weeks");
        // The same stop, weekday, half-day and bus, a whole number of cycles later.
        Assert.Contains(plan.Passages, o => o.CommuneCode == repeated.Stop!.CommuneInseeCode && o.HalfDay == repeated.HalfDay && o.Start == repeated.Start && o.Bus == repeated.Bus && (repeated.Date.DayNumber - o.Date.DayNumber) % period == 0);

        using var anonymous = Factory.CreateBrowserClient();
        var day = repeated.Date.ToString("dddd d MMMM", Fr);
        var tour = await (await anonymous.GetAsync("/car")).ReadPageAsync();
        Assert.Contains("Les quatre prochaines semaines", tour, StringComparison.Ordinal);
        Assert.Contains(day, tour, StringComparison.Ordinal);
        Assert.Contains(day, await (await anonymous.GetAsync($"/car/communes/{repeated.Stop!.CommuneInseeCode}")).ReadPageAsync(), StringComparison.Ordinal);
        var calendar = Calendar.Load(await anonymous.GetStringAsync("/car/tournee.ics"))!;
        Assert.Contains(calendar.Events, e => e.Uid == $"{repeated.Id:D}@carteblanche");
        Assert.All(calendar.Events, e => Assert.True(DateOnly.FromDateTime(e.Start!.Value) <= today.AddDays(29), "the calendar shows four weeks"));
    }

    [Fact]
    public async Task A_cancelled_passage_says_when_the_next_one_is_and_a_commune_left_without_passage_is_flagged()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A commune with two passages or more in the next four weeks, none cancelled.
        var upcoming = await Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).ThenInclude(s => s!.Commune)
            .Where(p => p.Date >= today.AddDays(-1) && p.Date <= today.AddDays(29)).ToListAsync());
        var commune = upcoming.GroupBy(p => p.Stop!.CommuneInseeCode)
            .Where(g => g.All(p => p.Status == PassageStatus.Scheduled && p.Date > today.AddDays(1) && p.Date < today.AddDays(27)) && g.Count() >= 2)
            .OrderBy(g => g.Key, StringComparer.Ordinal).First();
        var passages = commune.OrderBy(p => p.Date).ToList();
        var name = passages[0].Stop!.Commune!.Name;
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));

        using (var first = await Html.PostFormAsync(coordinator, $"/car/passages/{passages[0].Id}", [new("confirme", "oui"), new("notice", "Le car est en panne.")], $"/car/passages/{passages[0].Id}?handler=Cancel"))
        {
            Assert.DoesNotContain("n'a plus aucun passage", await first.ReadPageAsync(), StringComparison.Ordinal);
        }
        var next = $"Prochain passage : le {passages[1].Date.ToString("dddd d MMMM", Fr)}, de {PassageView.Hour(passages[1].Start)} à {PassageView.Hour(passages[1].End)}.";
        using var anonymous = Factory.CreateBrowserClient();
        Assert.Contains("Le car est en panne. " + next, await (await anonymous.GetAsync($"/car/communes/{commune.Key}")).ReadPageAsync(), StringComparison.Ordinal);
        using (var planning = await coordinator.GetAsync("/car/planification"))
        {
            var page = await planning.ReadPageAsync();
            Assert.False(page.Contains("communes-sans-passage", StringComparison.Ordinal) && page.Contains(name + ",", StringComparison.Ordinal));
        }

        string last = "";
        foreach (var passage in passages.Skip(1))
        {
            using var cancelled = await Html.PostFormAsync(coordinator, $"/car/passages/{passage.Id}", [new("confirme", "oui"), new("notice", "Travaux sur la place.")], $"/car/passages/{passage.Id}?handler=Cancel");
            last = await cancelled.ReadPageAsync();
        }
        Assert.Contains($"Attention : {name} n'a plus aucun passage dans les quatre prochaines semaines", last, StringComparison.Ordinal);
        var flagged = await (await coordinator.GetAsync("/car/planification")).ReadPageAsync();
        var alert = System.Text.RegularExpressions.Regex.Match(flagged, @"<div class=""fr-alert fr-alert--warning fr-mb-3w"" id=""communes-sans-passage"">[\s\S]*?</div>").Value;
        Assert.Contains(name, alert, StringComparison.Ordinal);
    }

    // Item 15: double opt-in, idempotent, rate-limited, journaled.
    [Fact]
    public async Task A_subscription_waits_for_its_confirmation_link_is_idempotent_rate_limited_and_journaled()
    {
        var code = await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow))
            .OrderBy(p => p.Date).Select(p => p.Stop!.CommuneInseeCode).FirstAsync());
        var email = $"inconnu.{Guid.NewGuid():N}@exemple.fr";
        using var anonymous = Factory.CreateBrowserClient();
        using var form = await anonymous.GetAsync($"/car/communes/{code}");
        var token = Html.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        Task<HttpResponseMessage> Post(string address) => anonymous.PostAsync($"/car/communes/{code}?handler=Subscribe",
            new FormUrlEncodedContent([new("Channel", "Email"), new("Address", address), new("Consent", "true"), new("__RequestVerificationToken", token)]));

        // A double submit (at once): no error, one request, one confirmation message.
        var twice = await Task.WhenAll(Post(email), Post(email.ToUpperInvariant()));
        foreach (var response in twice)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("ouvrez le lien de confirmation", await response.ReadPageAsync(), StringComparison.Ordinal);
            response.Dispose();
        }
        var subscription = await Factory.WithDbAsync(db => db.Set<BusSubscription>().AsNoTracking().SingleAsync(s => s.Address == email));
        Assert.Null(subscription.ConfirmedAt);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email)));

        // Unconfirmed: a change tells nobody.
        await Factory.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ChangeNotifier>().NotifyAsync(code, "la commune", "Le car passera plus tard.", "http://localhost", CancellationToken.None);
            await sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().SaveChangesAsync();
        });
        Assert.Equal(1, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email)));

        // Opening the link changes nothing; the button confirms; confirming again says so.
        var link = await ConfirmationLinkAsync(email);
        Assert.Contains("Confirmer ma demande", await (await anonymous.GetAsync(link)).ReadPageAsync(), StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.Set<BusSubscription>().Where(s => s.Id == subscription.Id).Select(s => s.ConfirmedAt).SingleAsync()));
        using (var confirmed = await Html.PostFormAsync(anonymous, link, []))
        {
            Assert.Contains("C'est confirmé", await confirmed.ReadPageAsync(), StringComparison.Ordinal);
        }
        Assert.Contains("déjà confirmée", await (await anonymous.GetAsync(link)).ReadPageAsync(), StringComparison.Ordinal);
        Assert.NotNull(await Factory.WithDbAsync(db => db.Set<BusSubscription>().Where(s => s.Id == subscription.Id).Select(s => s.ConfirmedAt).SingleAsync()));

        // Journaled by identifier, never by address.
        var entries = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == subscription.Id.ToString("D")).ToListAsync());
        Assert.Contains(entries, e => e.Action == "bus.subscription-requested");
        Assert.Contains(entries, e => e.Action == "bus.subscription-confirmed");
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => (e.Purpose != null && e.Purpose.Contains(email)) || (e.RecordId != null && e.RecordId.Contains(email)))));

        // Rate-limited per client address: the form may be posted 10 times an hour.
        using var flooder = Factory.CreateBrowserClient();
        var statuses = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await Html.PostFormAsync(flooder, $"/car/communes/{code}", [new("Channel", "Email"), new("Address", $"cible{i}.{Guid.NewGuid():N}@exemple.fr")], $"/car/communes/{code}?handler=Subscribe");
            statuses.Add(await response.ReadPageAsync());
        }
        Assert.All(statuses.Take(10), page => Assert.Contains("Cochez la case pour accepter", page, StringComparison.Ordinal));
        Assert.Contains("Trop de tentatives", statuses[10], StringComparison.Ordinal);
    }

    // Item 16: two coordinators cancelling the same passage at once: one wins, subscribers are told once.
    [Fact]
    public async Task Two_coordinators_cancelling_the_same_passage_at_once_tell_subscribers_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var passage = await Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop)
            .Where(p => p.Status == PassageStatus.Scheduled && p.Date > today.AddDays(1) && p.Date <= today.AddDays(26)).OrderByDescending(p => p.Date).ThenBy(p => p.HalfDay).FirstAsync());
        var code = passage.Stop!.CommuneInseeCode;
        using var anonymous = Factory.CreateBrowserClient();
        var email = $"voisin.{Guid.NewGuid():N}@exemple.fr";
        await SubscribeAndConfirmAsync(anonymous, code, email);
        var url = $"/car/passages/{passage.Id}";
        using var first = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var second = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        async Task<(HttpClient Client, string Token)> FormAsync(HttpClient client)
        {
            using var page = await client.GetAsync(url);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("name=\"sequence\" value=\"0\"", html, StringComparison.Ordinal);
            return (client, Html.AntiforgeryToken(html));
        }
        var forms = new[] { await FormAsync(first), await FormAsync(second) };

        var responses = await Task.WhenAll(forms.Select(f => f.Client.PostAsync(url + "?handler=Cancel",
            new FormUrlEncodedContent([new("confirme", "oui"), new("notice", "Le car est en panne."), new("sequence", "0"), new("__RequestVerificationToken", f.Token)]))));
        var pages = await Task.WhenAll(responses.Select(r => r.ReadPageAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(pages, p => p.Contains("Passage annulé", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("Ce passage vient d'être modifié par un autre coordinateur", StringComparison.Ordinal) || p.Contains("Ce passage est déjà annulé.", StringComparison.Ordinal));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Subject.EndsWith(": changement"))));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<BusPassage>().Where(p => p.Id == passage.Id).Select(p => p.Sequence).SingleAsync()));

        // A form read before the other's cancellation is refused too, even later.
        using var stale = await second.PostAsync(url + "?handler=Cancel", new FormUrlEncodedContent([new("confirme", "oui"), new("notice", "Encore."), new("sequence", "0"), new("__RequestVerificationToken", forms[1].Token)]));
        Assert.Contains("Ce passage est déjà annulé.", await stale.ReadPageAsync(), StringComparison.Ordinal);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>As a resident does: asks on the commune page, then opens the link of the confirmation message and confirms.</summary>
    private async Task<Guid> SubscribeAndConfirmAsync(HttpClient anonymous, string code, string email)
    {
        using var asked = await Html.PostFormAsync(anonymous, $"/car/communes/{code}", [new("Channel", "Email"), new("Address", email), new("Consent", "true")], $"/car/communes/{code}?handler=Subscribe");
        Assert.Contains("ouvrez le lien de confirmation envoyé à cette adresse e-mail", await asked.ReadPageAsync(), StringComparison.Ordinal);
        var link = await ConfirmationLinkAsync(email);
        using var confirmed = await Html.PostFormAsync(anonymous, link, []);
        Assert.Contains("C'est confirmé", await confirmed.ReadPageAsync(), StringComparison.Ordinal);
        return await Factory.WithDbAsync(db => db.Set<BusSubscription>().Where(s => s.Address == email && s.CommuneInseeCode == code).Select(s => s.Id).SingleAsync());
    }

    private async Task<string> ConfirmationLinkAsync(string email)
    {
        var body = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Subject.EndsWith("confirmez votre demande")).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync());
        return System.Text.RegularExpressions.Regex.Match(body, @"/car/abonnement/[A-Za-z0-9_-]+").Value;
    }

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
    }

}

public sealed class SqliteBusTests(SqliteFactory factory) : BusTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBusTests(PostgresFactory factory) : BusTests(factory), IClassFixture<PostgresFactory>;
