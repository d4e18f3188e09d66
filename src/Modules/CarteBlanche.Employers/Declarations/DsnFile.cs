using System.Globalization;
using System.Text;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Payroll;
using CarteBlanche.Platform.People;

namespace CarteBlanche.Employers.Declarations;

/// <summary>One employee's part of the month's DSN: who, under which contract, and the month's payslip.</summary>
public sealed record DsnEmployee(
    Employee Employee, string Sex, EmployeeDeclarationData Data, string Nir, EmploymentContract Contract, int ContractNumber, DateOnly HiredOn,
    Payslip Payslip, IReadOnlyList<PayslipLine> Lines, DateOnly? PlannedEnd);

/// <summary>The firm's part: identity, address and the accident-at-work risk code.</summary>
public sealed record DsnFirm(Firm Firm, string Street, string PostalCode, string City, string CommuneInseeCode, string ContactName, string ContactEmail, string ContactPhone);

/// <summary>
/// The monthly DSN (« DSN mensuelle normale », norm P26V01) in the NEODeS structure, for the firm's declaration software
/// to check (DSN-Val) and file; the product files nothing (docs/adr/0019). One rubric a line, `code,'value'`, CRLF,
/// ISO-8859-1, rubrics in increasing order within a block, blocks in the norm's order, the total line count last.
/// Test mode (S10.G00.00.005 = 01) until a person switches the firm's software to real sending.
/// </summary>
public sealed class DsnFile
{
    public const string Norm = "P26V01";

    /// <summary>The firm's reference working time for the category, a month: 35 h × 52 / 12.</summary>
    private const decimal FullTimeMonthlyHours = 151.67m;
    private readonly List<(string Code, string Value)> _lines = [];

    public IReadOnlyList<(string Code, string Value)> Lines => _lines;

    /// <summary>The month's file; <paramref name="softwareVersion"/> is the product's, in S10.G00.00.003.</summary>
    public static DsnFile Build(DsnFirm firm, int year, int month, DateOnly madeOn, IReadOnlyList<DsnEmployee> employees, string softwareVersion)
    {
        var f = new DsnFile();
        var siren = firm.Firm.Siret[..9];
        var nic = firm.Firm.Siret[9..];
        var first = new DateOnly(year, month, 1);
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var naf = firm.Firm.NafCode.Replace(".", "", StringComparison.Ordinal);
        var idcc = firm.Firm.Idcc ?? "9999";

        f.Add("S10.G00.00.001", "CARTE BLANCHE");
        f.Add("S10.G00.00.002", "CARTE BLANCHE");
        f.Add("S10.G00.00.003", softwareVersion);
        f.Add("S10.G00.00.005", "01");
        f.Add("S10.G00.00.006", Norm);
        f.Add("S10.G00.00.007", "01");
        f.Add("S10.G00.00.008", "01");
        f.Add("S10.G00.01.001", siren);
        f.Add("S10.G00.01.002", nic);
        f.Add("S10.G00.01.003", Text(firm.Firm.Name));
        f.Add("S10.G00.01.004", Address(firm.Street));
        f.Add("S10.G00.01.005", firm.PostalCode);
        f.Add("S10.G00.01.006", Locality(firm.City));
        f.Add("S10.G00.02.002", Text(firm.ContactName));
        f.Add("S10.G00.02.004", firm.ContactEmail);
        f.Add("S10.G00.02.005", new string(firm.ContactPhone.Where(char.IsAsciiDigit).ToArray()));
        f.Add("S20.G00.05.001", "01");
        f.Add("S20.G00.05.002", "01");
        f.Add("S20.G00.05.003", "11");
        f.Add("S20.G00.05.004", "1");
        f.Add("S20.G00.05.005", Date(first));
        f.Add("S20.G00.05.007", Date(madeOn));
        f.Add("S20.G00.05.008", "01");
        f.Add("S20.G00.05.010", "01");
        f.Add("S21.G00.06.001", siren);
        f.Add("S21.G00.06.002", nic);
        f.Add("S21.G00.06.003", naf);
        f.Add("S21.G00.06.004", Address(firm.Street));
        f.Add("S21.G00.06.005", firm.PostalCode);
        f.Add("S21.G00.06.006", Locality(firm.City));
        f.Add("S21.G00.11.001", nic);
        f.Add("S21.G00.11.002", naf);
        f.Add("S21.G00.11.003", Address(firm.Street));
        f.Add("S21.G00.11.004", firm.PostalCode);
        f.Add("S21.G00.11.005", Locality(firm.City));
        f.Add("S21.G00.11.022", idcc);

        foreach (var e in employees)
        {
            var d = e.Data;
            var c = e.Contract;
            var number = e.ContractNumber.ToString("D5", CultureInfo.InvariantCulture);
            var start = c.Start > first ? c.Start : first;
            var end = c.End is { } ce && ce < last ? ce : last;
            f.Add("S21.G00.30.001", e.Nir[..13]);
            f.Add("S21.G00.30.002", Text(e.Employee.LastName));
            f.Add("S21.G00.30.004", Text(e.Employee.FirstName));
            f.Add("S21.G00.30.005", e.Sex == "M" ? "01" : "02");
            f.Add("S21.G00.30.006", Date(e.Employee.BirthDate!.Value));
            if (d.BirthCountry == "FR")
            {
                f.Add("S21.G00.30.007", Locality(d.BirthPlace!));
            }
            f.Add("S21.G00.30.008", Address(d.Street!));
            f.Add("S21.G00.30.009", d.PostalCode!);
            f.Add("S21.G00.30.010", Locality(d.City!));
            f.Add("S21.G00.30.013", d.NationalityGroup);
            // Born abroad: « 99 »; in France, the NIR's positions 6 and 7 (2A/2B for Corsica).
            f.Add("S21.G00.30.014", d.BirthCountry == "FR" ? e.Nir.Substring(5, 2) : "99");
            f.Add("S21.G00.30.015", d.BirthCountry);

            var apprenticeship = c.Kind == ContractKind.Apprenticeship;
            f.Add("S21.G00.40.001", Date(c.Start));
            f.Add("S21.G00.40.002", d.ConventionalStatus);
            f.Add("S21.G00.40.003", d.ConventionalStatus is "03" or "04" ? "01" : "04");
            f.Add("S21.G00.40.004", d.PcsEse!);
            f.Add("S21.G00.40.006", Text(c.JobTitle));
            f.Add("S21.G00.40.007", c.Kind == ContractKind.Cdi ? "01" : "02");
            f.Add("S21.G00.40.008", apprenticeship ? (firm.Firm.Headcount < 11 ? "64" : "65") : "99");
            f.Add("S21.G00.40.009", number);
            if (c.Kind != ContractKind.Cdi && e.PlannedEnd is { } planned)
            {
                f.Add("S21.G00.40.010", Date(planned));
            }
            f.Add("S21.G00.40.011", "10");
            f.Add("S21.G00.40.012", Amount(FullTimeMonthlyHours));
            f.Add("S21.G00.40.013", Amount(c.MonthlyHours));
            f.Add("S21.G00.40.014", c.IsPartTime ? "20" : "10");
            f.Add("S21.G00.40.016", "99");
            f.Add("S21.G00.40.017", idcc);
            f.Add("S21.G00.40.018", "200");
            f.Add("S21.G00.40.019", firm.Firm.Siret);
            f.Add("S21.G00.40.020", "200");
            if (c.Kind == ContractKind.Cdd && d.CddReasonCode is { } reason)
            {
                f.Add("S21.G00.40.021", reason);
            }
            f.Add("S21.G00.40.024", "99");
            f.Add("S21.G00.40.026", "99");
            f.Add("S21.G00.40.036", "01");
            f.Add("S21.G00.40.037", "01");
            f.Add("S21.G00.40.039", "200");
            f.Add("S21.G00.40.040", firm.Firm.AtRiskCode!);
            var atmp = e.Lines.FirstOrDefault(l => l.Rule == "salarié . cotisations . ATMP")?.EmployerRate;
            if (atmp is { } atRate)
            {
                f.Add("S21.G00.40.043", Amount((decimal)atRate));
            }
            f.Add("S21.G00.71.002", "RUAA");

            var p = e.Payslip;
            var taxable = p.NetTaxable;
            f.Add("S21.G00.50.001", Date(last));
            f.Add("S21.G00.50.002", Amount(taxable));
            f.Add("S21.G00.50.003", "01");
            f.Add("S21.G00.50.004", Amount(p.NetBeforeTax));
            // The withholding tax withheld on the payslip: the DGFiP's rate (type 01, with its identifier) or the neutral monthly grid (13).
            f.Add("S21.G00.50.006", Amount(p.TaxRate));
            f.Add("S21.G00.50.007", p.TaxRatePersonalised ? "01" : "13");
            if (p.TaxRatePersonalised && d.TaxRateId is { } rateId)
            {
                f.Add("S21.G00.50.008", rateId);
            }
            f.Add("S21.G00.50.009", Amount(p.Tax));
            f.Add("S21.G00.50.013", Amount(taxable));
            // The four remunerations every contract needs (001, 003, 010, then 002 with the hours worked under it).
            foreach (var (type, amount) in new[] { ("001", p.Gross), ("003", p.Gross + UnpaidPay(p)), ("010", p.BaseGross) })
            {
                f.Add("S21.G00.51.001", Date(start));
                f.Add("S21.G00.51.002", Date(end));
                f.Add("S21.G00.51.010", number);
                f.Add("S21.G00.51.011", type);
                f.Add("S21.G00.51.013", Amount(amount));
            }
            if (p.OvertimeHours > 0)
            {
                f.Add("S21.G00.51.001", Date(start));
                f.Add("S21.G00.51.002", Date(end));
                f.Add("S21.G00.51.010", number);
                f.Add("S21.G00.51.011", "017");
                f.Add("S21.G00.51.012", Amount(p.OvertimeHours));
                f.Add("S21.G00.51.013", Amount(p.OvertimePay));
            }
            f.Add("S21.G00.51.001", Date(start));
            f.Add("S21.G00.51.002", Date(end));
            f.Add("S21.G00.51.010", number);
            f.Add("S21.G00.51.011", "002");
            f.Add("S21.G00.51.013", Amount(p.Gross));
            f.Add("S21.G00.53.001", "01");
            f.Add("S21.G00.53.002", Amount(c.MonthlyHours - p.UnpaidHours + p.OvertimeHours));
            f.Add("S21.G00.53.003", "10");
            f.Add("S21.G00.58.001", Date(start));
            f.Add("S21.G00.58.002", Date(end));
            f.Add("S21.G00.58.003", "03");
            f.Add("S21.G00.58.004", Amount(p.NetSocial));
            foreach (var b in DsnContributions.From(e.Lines, p.Gross).Bases)
            {
                f.Add("S21.G00.78.001", b.Code);
                f.Add("S21.G00.78.002", Date(start));
                f.Add("S21.G00.78.003", Date(end));
                f.Add("S21.G00.78.004", Amount(b.Amount));
                f.Add("S21.G00.78.006", number);
                if (b.Code == "03" && p.SmicReference is { } smic)
                {
                    // The SMIC the general reduction was computed on (block 79, type 01), under the uncapped base.
                    f.Add("S21.G00.79.001", "01");
                    f.Add("S21.G00.79.004", Amount(smic));
                }
                foreach (var k in b.Contributions)
                {
                    f.Add("S21.G00.81.001", k.Code);
                    f.Add("S21.G00.81.003", Amount(k.Base));
                    f.Add("S21.G00.81.004", Amount(k.Amount));
                    // A reduction carries no rate: its amount comes from a formula (the RGDU's coefficient), not a rate.
                    if (k.Rate is { } rate && k.Amount > 0)
                    {
                        f.Add("S21.G00.81.007", Rate(rate));
                    }
                }
            }
            var (unit, seniority) = Seniority(e.HiredOn, last);
            f.Add("S21.G00.86.001", "07");
            f.Add("S21.G00.86.002", unit);
            f.Add("S21.G00.86.003", seniority.ToString(CultureInfo.InvariantCulture));
            f.Add("S21.G00.86.005", number);
        }

        f.Add("S21.G00.85.001", firm.Firm.Siret);
        f.Add("S21.G00.85.002", naf);
        f.Add("S21.G00.85.003", Address(firm.Street));
        f.Add("S21.G00.85.004", firm.PostalCode);
        f.Add("S21.G00.85.005", Locality(firm.City));
        f.Add("S21.G00.85.010", "01");
        f.Add("S21.G00.85.011", firm.CommuneInseeCode);
        // The total counts every line, its own two included.
        f.Add("S90.G00.90.001", (f._lines.Count + 2).ToString(CultureInfo.InvariantCulture));
        f.Add("S90.G00.90.002", "1");
        return f;
    }

    /// <summary>The file's bytes: ISO-8859-1, CRLF after every line.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var (code, value) in _lines)
        {
            text.Append(code).Append(",'").Append(value).Append("'\r\n");
        }
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>Seniority in the firm at the end of the month: whole months, or days (first day counted) under one month; never 0.</summary>
    public static (string Unit, int Value) Seniority(DateOnly hiredOn, DateOnly at)
    {
        var months = ((at.Year - hiredOn.Year) * 12) + at.Month - hiredOn.Month - (at.Day < hiredOn.Day ? 1 : 0);
        return months >= 1 ? ("02", months) : ("01", Math.Max(1, at.DayNumber - hiredOn.DayNumber + 1));
    }

    private static decimal UnpaidPay(Payslip p) => p.ContractGross - p.BaseGross;

    private void Add(string code, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _lines.Add((code, value));
        }
    }

    private static string Date(DateOnly day) => day.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Rates: 2 decimals, 3 when the rate has 3 (0.016).</summary>
    private static string Rate(decimal value) => Math.Round(value, 3) == Math.Round(value, 2) ? value.ToString("0.00", CultureInfo.InvariantCulture) : Math.Round(value, 3).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Names and words in capitals without accents, as declaration software writes them; only letters, digits, spaces, apostrophes, hyphens and dots.</summary>
    public static string Text(string value) =>
        Collapse(new string(Plain(value).Select(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '\'' or '-' or '.' ? c : ' ').ToArray()));

    /// <summary>A street: no comma (CSL-11).</summary>
    private static string Address(string value) => Text(value.Replace(',', ' '));

    /// <summary>A locality: neither apostrophe nor hyphen (« L ABSIE », « LE BOURGET DU LAC »).</summary>
    public static string Locality(string value) => Collapse(Text(value).Replace('\'', ' ').Replace('-', ' ').Replace(".", "", StringComparison.Ordinal));

    /// <summary>No accents, œ as OE, in capitals (<see cref="Platform.Territory.SearchText.Fold"/>).</summary>
    private static string Plain(string value) => Platform.Territory.SearchText.Fold(value).ToUpperInvariant();

    private static string Collapse(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'', '-', '.');

    /// <summary>The NIR's 13 characters without its key, or null when the text is not a NIR (its French reason through <see cref="Nir.Check"/>).</summary>
    public static string? NirWithoutKey(string text) => Nir.Check(text) == null ? Nir.Normalise(text)[..13] : null;
}
