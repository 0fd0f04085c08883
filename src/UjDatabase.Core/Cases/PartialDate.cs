using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using UjDatabase.Core.Languages;

namespace UjDatabase.Core.Cases;

/// <summary>How much of a partial date is known.</summary>
public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>A date known to the year, the month or the day (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>).</summary>
/// <remarks>
/// Ordering puts a less precise date before a more precise one that it contains ("2011" &lt; "2011-04" &lt; "2011-04-01"),
/// which is also the ordinal order of the text form, so SQL <c>ORDER BY</c> on the stored text agrees with this type.
/// </remarks>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day)
    {
        Year = year;
        MonthOrZero = month;
        DayOrZero = day;
    }

    public int Year { get; }

    private int MonthOrZero { get; }

    private int DayOrZero { get; }

    public int? Month => MonthOrZero == 0 ? null : MonthOrZero;

    public int? Day => DayOrZero == 0 ? null : DayOrZero;

    public DatePrecision Precision => DayOrZero != 0 ? DatePrecision.Day : MonthOrZero != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first calendar day the date may stand for.</summary>
    public DateOnly Earliest => new(Year, MonthOrZero == 0 ? 1 : MonthOrZero, DayOrZero == 0 ? 1 : DayOrZero);

    /// <summary>The last calendar day the date may stand for.</summary>
    public DateOnly Latest
    {
        get
        {
            if (DayOrZero != 0)
            {
                return new DateOnly(Year, MonthOrZero, DayOrZero);
            }

            var month = MonthOrZero == 0 ? 12 : MonthOrZero;
            return new DateOnly(Year, month, DateTime.DaysInMonth(Year, month));
        }
    }

    public static PartialDate OfYear(int year) => Create(year, 0, 0);

    public static PartialDate OfMonth(int year, int month) => Create(year, month, 0);

    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day);

    public static PartialDate FromDate(DateOnly date) => Create(date.Year, date.Month, date.Day);

    private static PartialDate Create(int year, int month, int day)
    {
        if (!IsValid(year, month, day))
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"{year:D4}-{month:D2}-{day:D2} is not a calendar date.");
        }

        return new PartialDate(year, month, day);
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1000 and <= 9999
        && month is >= 0 and <= 12
        && (day == 0 || (month != 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month)));

    /// <summary>Parses exactly <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; nothing else (no spaces, no times, no other separators).</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year))
        {
            return false;
        }

        var month = 0;
        var day = 0;
        if (text.Length >= 7 && (text[4] != '-' || !TryDigits(text, 5, 2, out month)))
        {
            return false;
        }

        if (text.Length == 10 && (text[7] != '-' || !TryDigits(text, 8, 2, out day)))
        {
            return false;
        }

        if ((text.Length >= 7 && month == 0) || (text.Length == 10 && day == 0) || !IsValid(year, month, day))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>True when every day this date may stand for comes before every day <paramref name="other"/> may stand for.</summary>
    public bool IsCertainlyBefore(PartialDate other) => Latest < other.Earliest;

    /// <summary>The date for people, at its precision: "13 January 2022", "April 2011", "2019".</summary>
    public string ToDisplayString()
    {
        // English keeps the invariant month names it always had; another site language writes its own ("13 janvier 2022").
        var culture = Texts.Current == Texts.English ? CultureInfo.InvariantCulture : Texts.CultureOf(Texts.Current);
        return Precision switch
        {
            // French writes the first of the month as an ordinal: "1er mars 2011".
            DatePrecision.Day when DayOrZero == 1 && Texts.Current == Texts.French => Earliest.ToString("d'er' MMMM yyyy", culture),
            DatePrecision.Day => Earliest.ToString("d MMMM yyyy", culture),
            DatePrecision.Month => Earliest.ToString("MMMM yyyy", culture),
            _ => Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOrZero:D2}-{DayOrZero:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOrZero:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public int CompareTo(PartialDate other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byMonth = MonthOrZero.CompareTo(other.MonthOrZero);
        return byMonth != 0 ? byMonth : DayOrZero.CompareTo(other.DayOrZero);
    }

    public bool Equals(PartialDate other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Year, MonthOrZero, DayOrZero);

    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="PartialDate"/> as its text form.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return PartialDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
