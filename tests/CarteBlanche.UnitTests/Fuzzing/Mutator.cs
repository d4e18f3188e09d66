using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// Mutates a valid input into a broken one, as a fuzzer's havoc stage does: one to three of byte flips, truncation,
/// deletion, duplication and swap of lines and fields, empty fields, random Unicode, huge and odd numbers, a BOM,
/// wrong separators, NUL, a very long line, deep nesting, and the format's own tokens. For a zip: an entry mutated,
/// removed, doubled, renamed or added, or the archive's bytes corrupted or cut. Deterministic: input
/// <c>i</c> of a format is always the same (its generator is seeded with the format's number and <c>i</c>).
/// </summary>
public sealed class Mutator
{
    private static readonly string[] Unicode =
    [
        "é", "e\u0301", "\u200B", "\u202E", "\uFEFF", "\uFFFD", "😀", "\u0660\u0661\u0662", "𝟘𝟙", "中文", "\u00A0", "\u2028", "ß", "İ", "\u0085",
        "Ω", "\uD800", "\uDFFF", "\u0000", "\u001B[31m", "ﬁ", "\u3000", "Ǆ",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "-0", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999999999", "1e308", "1e400",
        "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "0x1F", "1,5", "1.5.5", "00000000000000000001", "١٢", "+7", " 12 ", "4294967296",
        "79228162514264337593543950336", "0.000000000000000000000000000001",
    ];

    private static readonly byte[] Interesting = [0, 0xFF, 0x7F, 0x80, 0xC3, 0xE2, (byte)'"', (byte)',', (byte)';', (byte)'\n', (byte)'\r', (byte)'\t', (byte)'{', (byte)'[', (byte)':', (byte)'\\', (byte)'\'', (byte)'-', (byte)'#', (byte)'&', (byte)'*'];

    private static readonly byte[] Separators = [(byte)',', (byte)';', (byte)'\t', (byte)':', (byte)'|', (byte)' '];

    private readonly Random _random;
    private readonly IReadOnlyList<string> _tokens;
    private readonly List<string> _log = [];

    /// <param name="format">A number for the format, so that two formats do not get the same mutations.</param>
    /// <param name="index">The input's number.</param>
    /// <param name="tokens">Words of the format (JSON's null, YAML's anchors…), sometimes put in place of a field.</param>
    public Mutator(int format, int index, IReadOnlyList<string> tokens)
    {
        _random = new Random(unchecked((format * 1_000_003) + index));
        _tokens = tokens;
    }

    /// <summary>What was done, for the report of a failing input.</summary>
    public string Log => string.Join(", ", _log);

    /// <summary>One to three mutations of <paramref name="seed"/>.</summary>
    public byte[] Mutate(byte[] seed)
    {
        var data = seed;
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            data = MutateOnce(data);
        }
        return data;
    }

    /// <summary>A zip of <paramref name="files"/>, mutated: mostly one entry's content, else the entries or the archive itself.</summary>
    public byte[] MutateZip(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var entries = files.ToList();
        var i = _random.Next(entries.Count);
        switch (_random.Next(10))
        {
            case < 5:
                _log.Add($"entry {entries[i].Name}:");
                entries[i] = (entries[i].Name, Mutate(entries[i].Content));
                break;
            case 5:
                _log.Add($"remove {entries[i].Name}");
                entries.RemoveAt(i);
                break;
            case 6:
                _log.Add($"double {entries[i].Name}");
                entries.Insert(_random.Next(entries.Count + 1), (_random.Next(2) == 0 ? entries[i].Name : "sous-dossier/" + entries[i].Name, Mutate(entries[i].Content)));
                break;
            case 7:
                var renamed = _random.Next(5) switch
                {
                    0 => entries[i].Name.ToUpperInvariant(),
                    1 => "../" + entries[i].Name,
                    2 => entries[i].Name + " ",
                    3 => "dossier/" + entries[i].Name,
                    _ => entries[i].Name.Replace(".txt", ".csv", StringComparison.Ordinal),
                };
                _log.Add($"rename {entries[i].Name} to {renamed}");
                entries[i] = (renamed, entries[i].Content);
                break;
            case 8:
                var added = _random.Next(4) switch
                {
                    0 => ("vide.txt", Array.Empty<byte>()),
                    1 => ("dossier/", Array.Empty<byte>()),
                    2 => ("é\u0000\u202E.txt", Encoding.UTF8.GetBytes("a,b\n1,2\n")),
                    _ => (entries[i].Name + "/", Array.Empty<byte>()),
                };
                _log.Add($"add {added.Item1}");
                entries.Add(added);
                break;
            default:
                break; // the archive's own bytes, below
        }
        var stored = _random.Next(4) == 0;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }
        var archive = buffer.ToArray();
        if (_random.Next(4) == 0)
        {
            archive = _random.Next(3) switch
            {
                0 => Truncate(archive),
                1 => Flip(archive),
                _ => SetBytes(archive),
            };
            _log.Add("archive: " + _log[^1]);
        }
        return archive;
    }

    private byte[] MutateOnce(byte[] data)
    {
        if (data.Length == 0)
        {
            _log.Add("from empty");
            return Encoding.UTF8.GetBytes(Pick(Unicode) + Pick(Numbers));
        }
        return _random.Next(23) switch
        {
            0 => Flip(data),
            1 => SetBytes(data),
            2 => Truncate(data),
            3 => OnLines(data, "delete line", (lines, i) => lines.RemoveAt(i)),
            4 => OnLines(data, "duplicate line", (lines, i) => lines.Insert(_random.Next(lines.Count + 1), lines[i])),
            5 => OnLines(data, "swap lines", (lines, i) => Swap(lines, i, _random.Next(lines.Count))),
            6 => OnFields(data, "delete field", (fields, i) => fields.RemoveAt(i)),
            7 => OnFields(data, "duplicate field", (fields, i) => fields.Insert(i, fields[i])),
            8 => OnFields(data, "swap fields", (fields, i) => Swap(fields, i, _random.Next(fields.Count))),
            9 => OnFields(data, "empty field", (fields, i) => fields[i] = []),
            10 => Insert(data, "unicode", Encoding.UTF8.GetBytes(Pick(Unicode))),
            11 => Number(data),
            12 => _random.Next(3) > 0 ? Insert(data, "BOM", [0xEF, 0xBB, 0xBF], at: 0) : Insert(data, "BOM", [0xEF, 0xBB, 0xBF]),
            13 => Separator(data),
            14 => Insert(data, "NUL", [0]),
            15 => Insert(data, "long line", Encoding.UTF8.GetBytes(new string(Pick(['a', '9', ',', ' ', 'é', '"']), 20_000 + _random.Next(80_000)))),
            16 => LineEndings(data),
            17 => _tokens.Count == 0 ? Flip(data) : OnFields(data, "token", (fields, i) => fields[i] = Encoding.UTF8.GetBytes(Pick(_tokens))),
            18 => Delete(data),
            20 or 21 when _tokens.Count > 0 => Word(data),
            19 => Insert(data, "nesting", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Pick(["[", "{", "{\"a\":", "- ", "a:\n ", "(", "\""]), 200 + _random.Next(20_000))))),
            _ => _tokens.Count == 0 ? SetBytes(data) : Insert(data, "token", Encoding.UTF8.GetBytes(Pick(_tokens))),
        };
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];

    /// <summary>A word (letters, digits, « _-.:/ ») or a quoted text replaced by one of the format's tokens: a key, a value, a date or a period.</summary>
    private byte[] Word(byte[] data)
    {
        static bool InWord(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.' or (byte)':' or (byte)'/' or >= 0x80;
        var quoted = _random.Next(2) == 0;
        var starts = Enumerable.Range(0, data.Length).Where(i => quoted ? data[i] == '"' : InWord(data[i]) && (i == 0 || !InWord(data[i - 1]))).ToList();
        if (starts.Count == 0)
        {
            return Insert(data, "token", Encoding.UTF8.GetBytes(Pick(_tokens)));
        }
        var start = Pick(starts);
        var end = start + 1;
        while (end < data.Length && (quoted ? data[end - 1] != '"' || end == start + 1 : InWord(data[end])))
        {
            end++;
        }
        var token = Pick(_tokens);
        _log.Add($"{(quoted ? "quoted text" : "word")} at {start} to {token}");
        return [.. data[..start], .. Encoding.UTF8.GetBytes(token), .. data[end..]];
    }

    private static void Swap<T>(List<T> list, int a, int b) => (list[a], list[b]) = (list[b], list[a]);

    private byte[] Flip(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var n = 1 + _random.Next(4);
        for (var k = 0; k < n; k++)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }
        _log.Add($"flip {n} bits");
        return copy;
    }

    private byte[] SetBytes(byte[] data)
    {
        var copy = (byte[])data.Clone();
        var n = 1 + _random.Next(4);
        for (var k = 0; k < n; k++)
        {
            copy[_random.Next(copy.Length)] = _random.Next(2) == 0 ? Pick(Interesting) : (byte)_random.Next(256);
        }
        _log.Add($"set {n} bytes");
        return copy;
    }

    private byte[] Truncate(byte[] data)
    {
        var length = _random.Next(data.Length);
        _log.Add($"truncate at {length}");
        return data[..length];
    }

    private byte[] Delete(byte[] data)
    {
        var start = _random.Next(data.Length);
        var length = 1 + _random.Next(Math.Min(64, data.Length - start));
        _log.Add($"delete {length} bytes at {start}");
        return [.. data[..start], .. data[(start + length)..]];
    }

    private byte[] Insert(byte[] data, string what, byte[] inserted, int? at = null)
    {
        var position = at ?? _random.Next(data.Length + 1);
        _log.Add($"{what} at {position}");
        return [.. data[..position], .. inserted, .. data[position..]];
    }

    /// <summary>A run of digits replaced by a huge, negative, non-finite or odd number (or one put anywhere when there is none).</summary>
    private byte[] Number(byte[] data)
    {
        var number = Encoding.UTF8.GetBytes(Pick(Numbers));
        var digits = Enumerable.Range(0, data.Length).Where(i => char.IsAsciiDigit((char)data[i]) && (i == 0 || !char.IsAsciiDigit((char)data[i - 1]))).ToList();
        if (digits.Count == 0)
        {
            return Insert(data, "number", number);
        }
        var start = Pick(digits);
        var end = start;
        while (end < data.Length && char.IsAsciiDigit((char)data[end]))
        {
            end++;
        }
        _log.Add($"number {Encoding.UTF8.GetString(number)} at {start}");
        return [.. data[..start], .. number, .. data[end..]];
    }

    /// <summary>Every one separator becomes another: a CSV with ';', a tab, or none.</summary>
    private byte[] Separator(byte[] data)
    {
        var present = Separators.Where(s => data.Contains(s)).ToList();
        if (present.Count == 0)
        {
            return Insert(data, "separator", [Pick(Separators)]);
        }
        var from = Pick(present);
        var to = Pick(Separators.Where(s => s != from).ToList());
        _log.Add($"separator '{(char)from}' to '{(char)to}'");
        return data.Select(b => b == from ? to : b).ToArray();
    }

    private byte[] LineEndings(byte[] data)
    {
        var ending = Pick(["\r\n", "\r", "\n\n", "\u2028"]);
        _log.Add($"line endings {ending.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}");
        return Join(Split(data, (byte)'\n'), Encoding.UTF8.GetBytes(ending));
    }

    private byte[] OnLines(byte[] data, string what, Action<List<byte[]>, int> change)
    {
        var lines = Split(data, (byte)'\n');
        var i = _random.Next(lines.Count);
        _log.Add($"{what} {i + 1}");
        change(lines, i);
        return Join(lines, [(byte)'\n']);
    }

    /// <summary>A change to the fields of one line, split on the line's commonest separator.</summary>
    private byte[] OnFields(byte[] data, string what, Action<List<byte[]>, int> change)
    {
        var lines = Split(data, (byte)'\n');
        var l = _random.Next(lines.Count);
        var separator = Separators.Take(5).OrderByDescending(s => lines[l].Count(b => b == s)).First();
        var fields = Split(lines[l], separator);
        var f = _random.Next(fields.Count);
        _log.Add($"{what} {f + 1} of line {l + 1}");
        change(fields, f);
        lines[l] = Join(fields, [separator]);
        return Join(lines, [(byte)'\n']);
    }

    private static List<byte[]> Split(byte[] data, byte separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i == data.Length || data[i] == separator)
            {
                parts.Add(data[start..i]);
                start = i + 1;
            }
        }
        return parts;
    }

    private static byte[] Join(List<byte[]> parts, byte[] separator)
    {
        using var joined = new MemoryStream();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                joined.Write(separator);
            }
            joined.Write(parts[i]);
        }
        return joined.ToArray();
    }
}

/// <summary>What a parser did with one input: took it, or refused it with a structured error (then <paramref name="Problem"/> says what is wrong with that error, if anything).</summary>
public readonly record struct FuzzOutcome(bool Accepted, string? Problem = null)
{
    public static FuzzOutcome Took => new(true);

    public static FuzzOutcome Refused(string? problem = null) => new(false, problem);
}

/// <summary>The loop every format's fuzz test runs: each input once, a watchdog for hangs, the offending inputs reported.</summary>
public static class Fuzz
{
    /// <summary>How many inputs per format: <paramref name="suiteDefault"/>, or CARTEBLANCHE_FUZZ_INPUTS when set.</summary>
    public static int Inputs(int suiteDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("CARTEBLANCHE_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : suiteDefault;

    /// <summary>
    /// Runs <paramref name="check"/> (given each input's number and bytes) on inputs 0 to <paramref name="count"/> − 1 (made by <paramref name="input"/>) on a
    /// thread of their own; any exception out of <paramref name="check"/> is a crash, one input running longer than
    /// <paramref name="hang"/> a hang. Returns the counts and the problems, each with its input's number and first bytes;
    /// with CARTEBLANCHE_FUZZ_DUMP set to a folder, each problem's whole input is written there (<c>format-number</c>).
    /// </summary>
    public static FuzzSummary Run(string format, int count, Func<int, (byte[] Bytes, string Log)> input, Func<int, byte[], FuzzOutcome> check, TimeSpan hang)
    {
        var problems = new List<string>();
        int accepted = 0, rejected = 0, current = -1;
        var watch = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                Volatile.Write(ref current, i);
                var (bytes, log) = input(i);
                try
                {
                    var outcome = check(i, bytes);
                    if (outcome.Accepted)
                    {
                        accepted++;
                    }
                    else
                    {
                        rejected++;
                    }
                    if (outcome.Problem != null)
                    {
                        Report(problems, format, i, bytes, log, outcome.Problem);
                    }
                }
                catch (Exception e)
                {
                    Report(problems, format, i, bytes, log, $"crash: {e.GetType().FullName}: {e.Message}\n{string.Join('\n', (e.StackTrace ?? "").Split('\n').Take(6))}");
                }
            }
        })
        { IsBackground = true, Name = "fuzz" };
        worker.Start();
        var (seen, since) = (-1, Stopwatch.StartNew());
        while (!worker.Join(200))
        {
            var now = Volatile.Read(ref current);
            if (now != seen)
            {
                (seen, since) = (now, Stopwatch.StartNew());
            }
            else if (since.Elapsed > hang)
            {
                var (bytes, log) = input(now);
                lock (problems)
                {
                    Report(problems, format, now, bytes, log, $"hang: still running after {hang.TotalSeconds:0} s");
                }
                break; // the worker is left behind (a background thread): the test fails
            }
        }
        lock (problems)
        {
            return new FuzzSummary(count, accepted, rejected, watch.Elapsed, [.. problems]);
        }
    }

    private static void Report(List<string> problems, string format, int index, byte[] bytes, string log, string problem)
    {
        if (Environment.GetEnvironmentVariable("CARTEBLANCHE_FUZZ_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{format}-{index}")), bytes);
        }
        lock (problems)
        {
            problems.Add($"input {index} ({bytes.Length} bytes; {log}): {problem}\n  first bytes: {Printable(bytes, 160)}");
        }
    }

    /// <summary>The first bytes, printable ASCII as is and the others as \xNN.</summary>
    public static string Printable(byte[] bytes, int max)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(max))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : b == '\n' ? "\\n" : string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}"));
        }
        return text.ToString();
    }

    private static readonly string[] FrenchWords =
    [
        " de ", " du ", " des ", " la ", " le ", " les ", " est ", " pas ", " une ", " un ", " au ", " aux ", " ou ", " et ", " sans ",
        "ligne", "colonne", "fichier", "attendu", "absent", "illisible", "inconnu", "invalide", "vide", "« ",
    ];

    /// <summary>
    /// The first value of an accepted input that its column could not hold: longer than the column (PostgreSQL's
    /// varchar(n)), a NUL (refused by PostgreSQL's text) or half a surrogate pair (not encodable in UTF-8).
    /// </summary>
    public static string? Unstorable(params (string Field, string? Value, int MaxLength)[] values)
    {
        foreach (var (field, value, max) in values)
        {
            if (value == null)
            {
                continue;
            }
            if (value.Length > max)
            {
                return string.Create(CultureInfo.InvariantCulture, $"accepted {field} of {value.Length} characters, its column holds {max}");
            }
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                return $"accepted {field} with a NUL character";
            }
            if (HasLoneSurrogate(value))
            {
                return $"accepted {field} with half a surrogate pair";
            }
        }
        return null;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A message a French reader understands: not empty, with French words (a fragment of the parser's own may follow).</summary>
    public static bool IsFrench(string? message) =>
        !string.IsNullOrWhiteSpace(message) && FrenchWords.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase));
}

public sealed record FuzzSummary(int Count, int Accepted, int Rejected, TimeSpan Elapsed, IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} inputs: {Accepted} accepted, {Rejected} rejected, {Problems.Count} problem(s), {Elapsed.TotalSeconds:0.0} s");

    /// <summary>Fails with the first problems (input number, what was done, first bytes) when there is any.</summary>
    public void AssertNoProblem()
    {
        if (Problems.Count > 0)
        {
            // The first problems in full, then how many of each kind (the problem's first words).
            var kinds = Problems.GroupBy(p => Regex.Replace(new string(p[(p.IndexOf("): ", StringComparison.Ordinal) + 3)..].TakeWhile(c => c != '\n').Take(90).ToArray()), "[0-9]+", "N"))
                .Select(g => $"{g.Count()} × {g.Key}");
            Xunit.Assert.Fail($"{this}\n{string.Join("\n", Problems.Take(8))}\nkinds:\n{string.Join("\n", kinds)}");
        }
    }
}
