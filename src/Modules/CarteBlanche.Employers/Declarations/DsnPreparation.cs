using System.Text.Json;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Payroll;

namespace CarteBlanche.Employers.Declarations;

/// <summary>What is missing before the month's DSN can be written: a French sentence and, for an employee, the page that completes it.</summary>
public sealed record DsnProblem(string Message, string? Link);

/// <summary>The month's DSN when everything it needs is there; otherwise what is missing, and the payslip lines it leaves to the firm's software.</summary>
public sealed record DsnPrepared(DsnFile? File, int Employees, IReadOnlyList<DsnProblem> Problems, IReadOnlyList<string> NotDeclared);

/// <summary>Gathers a firm's month for the DSN: its employees under contract that month, their payslips and declaration data.</summary>
public sealed class DsnPreparation(CarteBlancheDbContext db, EmployeeIdentifiers identifiers)
{
    public async Task<DsnPrepared> PrepareAsync(Firm firm, int year, int month, DateOnly madeOn, CancellationToken cancellationToken)
    {
        var problems = new List<DsnProblem>();
        var commune = firm.CommuneInseeCode is { } code ? await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.InseeCode == code, cancellationToken) : null;
        if (string.IsNullOrWhiteSpace(firm.Address) || commune == null)
        {
            problems.Add(new("Entreprise : l'adresse et la commune sont à renseigner.", $"/employeurs/{firm.Id}/modifier"));
        }
        if (firm.AtRiskCode == null)
        {
            problems.Add(new("Entreprise : le code risque accident du travail (notification de la CARSAT, 5 caractères comme 158ZA) est à renseigner ci-dessous.", null));
        }
        if (string.IsNullOrWhiteSpace(firm.ContactName) || string.IsNullOrWhiteSpace(firm.ContactEmail) || string.IsNullOrWhiteSpace(firm.ContactPhone))
        {
            problems.Add(new("Entreprise : le contact (nom, e-mail et téléphone) est à renseigner ; la DSN le demande.", $"/employeurs/{firm.Id}/modifier"));
        }

        var contracts = (await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.FirmId == firm.Id).ToListAsync(cancellationToken))
            .OrderBy(c => c.Start).ToList();
        var covering = contracts.Where(c => c.Covers(year, month)).GroupBy(c => c.EmployeeId).ToList();
        var inMonth = covering.Select(g => g.Last()).ToList();
        var ids = inMonth.Select(c => c.EmployeeId).ToList();
        var employees = await db.Set<Employee>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var register = await db.Set<StaffRegisterEntry>().AsNoTracking().Where(e => ids.Contains(e.EmployeeId)).ToDictionaryAsync(e => e.EmployeeId, e => e.Sex, cancellationToken);
        var data = await db.Set<EmployeeDeclarationData>().AsNoTracking().Where(d => ids.Contains(d.EmployeeId)).ToDictionaryAsync(d => d.EmployeeId, cancellationToken);
        var ends = await db.Set<ContractEnd>().AsNoTracking().Where(e => ids.Contains(e.EmployeeId)).ToDictionaryAsync(e => e.ContractId, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => ids.Contains(p.EmployeeId) && p.Year == year && p.Month == month).ToDictionaryAsync(p => p.EmployeeId, cancellationToken);
        if (inMonth.Count == 0)
        {
            problems.Add(new($"Aucun salarié sous contrat en {Labels.Month(year, month)} : il n'y a rien à déclarer ce mois-ci (une DSN « néant » se fait dans le logiciel de l'entreprise).", null));
        }

        var declared = new List<DsnEmployee>();
        var notDeclared = new List<string>();
        foreach (var contract in inMonth.OrderBy(c => employees[c.EmployeeId].LastName, StringComparer.Ordinal))
        {
            var employee = employees[contract.EmployeeId];
            var link = $"/employeurs/salaries/{employee.Id}/dsn";
            var missing = new List<string>();
            data.TryGetValue(employee.Id, out var d);
            var nir = d?.NirEncrypted is { } encrypted ? identifiers.Unprotect(encrypted) : null;
            if (nir == null) { missing.Add("numéro de sécurité sociale"); }
            if (d?.Street == null || d.PostalCode == null || d.City == null) { missing.Add("adresse"); }
            if (d != null && d.BirthCountry == "FR" && d.BirthPlace == null) { missing.Add("commune de naissance"); }
            if (d?.PcsEse == null) { missing.Add("code PCS-ESE de l'emploi"); }
            if (contract.Kind == ContractKind.Cdd && d?.CddReasonCode == null) { missing.Add("motif de recours du CDD"); }
            if (employee.BirthDate == null) { missing.Add("date de naissance"); }
            if (!register.TryGetValue(employee.Id, out var sex)) { missing.Add("ligne au registre du personnel (sexe)"); }
            if (missing.Count > 0)
            {
                problems.Add(new($"{employee.FullName} : {string.Join(", ", missing)} à renseigner.", link));
            }
            if (covering.Single(g => g.Key == employee.Id).Count() > 1)
            {
                problems.Add(new($"{employee.FullName} : deux contrats se suivent en {Labels.Month(year, month)} ; cette DSN se prépare dans le logiciel de l'entreprise.", null));
            }
            ends.TryGetValue(contract.Id, out var end);
            if (end != null && end.LastDay.Year == year && end.LastDay.Month == month)
            {
                notDeclared.Add($"{employee.FullName} — fin du contrat le {Platform.Web.FrenchFormat.Date(end.LastDay)} ({Labels.Of(end.Reason)}) : le bloc « Fin du contrat » (S21.G00.62) est à ajouter dans le logiciel de l'entreprise");
            }
            if (!payslips.TryGetValue(employee.Id, out var payslip))
            {
                problems.Add(new($"{employee.FullName} : aucun bulletin de paie pour {Labels.Month(year, month)} ; établissez-le d'abord.", $"/employeurs/{firm.Id}/bulletins/nouveau"));
                continue;
            }
            var lines = JsonSerializer.Deserialize<List<PayslipLine>>(payslip.LinesJson) ?? [];
            notDeclared.AddRange(DsnContributions.From(lines, payslip.Gross).NotDeclared.Select(n => $"{employee.FullName} — {n}"));
            if (missing.Count == 0)
            {
                declared.Add(new DsnEmployee(employee, sex!, d!, nir!, contract, contracts.Where(c => c.EmployeeId == employee.Id).ToList().IndexOf(contract) + 1,
                    contracts.First(c => c.EmployeeId == employee.Id).Start, payslip, lines, end?.PlannedEnd ?? contract.End));
            }
        }
        if (problems.Count > 0)
        {
            return new DsnPrepared(null, inMonth.Count, problems, notDeclared);
        }
        var dsnFirm = new DsnFirm(firm, firm.Address!, commune!.PostalCode, commune.Name, commune.InseeCode, firm.ContactName!, firm.ContactEmail!, firm.ContactPhone!);
        var version = typeof(DsnFile).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        return new DsnPrepared(DsnFile.Build(dsnFirm, year, month, madeOn, declared, version), declared.Count, [], notDeclared);
    }
}
