using System.Text;

namespace CarteBlanche.Transit;

/// <summary>
/// Reads one GTFS CSV file as a stream of records (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes), strictly UTF-8 (a BOM is skipped). Columns are found by header name. Line numbers are the file's lines
/// (the header is line 1).
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    public string FileName { get; }

    /// <summary>Line of the current record (its first line).</summary>
    public int Line { get; private set; }

    public IReadOnlyList<string> Header { get; private set; } = [];

    public CsvFile(Stream stream, string fileName)
    {
        FileName = fileName;
        // Bytes that are not UTF-8 become U+FFFD, noticed on the record they are in (so the line can be named).
        _reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (ReadRecord())
        {
            Header = _fields.Select(f => f.Trim()).ToList();
            for (var i = 0; i < Header.Count; i++)
            {
                _columns.TryAdd(Header[i], i);
            }
        }
    }

    /// <summary>Index of a column, or -1.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The current record's field, or "" when the column is absent or the record shorter.</summary>
    public string this[int column] => column >= 0 && column < _fields.Count ? _fields[column] : "";

    public int FieldCount => _fields.Count;

    /// <summary>The first line holding bytes that are not UTF-8, once read.</summary>
    public int? InvalidEncodingLine { get; private set; }

    /// <summary>Moves to the next record; false at the end.</summary>
    public bool Read()
    {
        while (ReadRecord())
        {
            if (_fields.Count == 1 && _fields[0].Length == 0)
            {
                continue; // blank line
            }
            return true;
        }
        return false;
    }

    private bool ReadRecord()
    {
        _fields.Clear();
        _field.Clear();
        Line = _nextLine;
        var c = _reader.Read();
        if (c < 0)
        {
            return false;
        }
        var quoted = false;
        var atStart = true;
        while (true)
        {
            if (c < 0)
            {
                _fields.Add(_field.ToString());
                return true;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _nextLine++;
                    }
                    if (ch == '\uFFFD')
                    {
                        InvalidEncodingLine ??= Line;
                    }
                    _field.Append(ch);
                }
            }
            else if (ch == '"' && atStart)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                atStart = true;
                c = _reader.Read();
                continue;
            }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && _reader.Peek() == '\n')
                {
                    _reader.Read();
                }
                _nextLine++;
                _fields.Add(_field.ToString());
                return true;
            }
            else
            {
                if (ch == '\uFFFD')
                {
                    InvalidEncodingLine ??= Line;
                }
                _field.Append(ch);
            }
            atStart = false;
            c = _reader.Read();
        }
    }

    public void Dispose() => _reader.Dispose();
}
