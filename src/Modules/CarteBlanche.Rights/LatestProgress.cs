namespace CarteBlanche.Rights;

/// <summary>The latest progress a long operation reported from its thread, read by the loop that writes it to the page's row.</summary>
internal sealed class LatestProgress : IProgress<double>
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Report(double value) => Volatile.Write(ref _value, value);
}
