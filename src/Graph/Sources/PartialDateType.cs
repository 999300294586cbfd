using GraphQL.Types;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Sources;

public sealed class PartialDateType : ObjectGraphType<PartialDate>
{
    public PartialDateType()
    {
        Name = "PartialDate";
        Description = "A date as precise as its source gives it; nothing is invented to fill it up (a year stays a year).";
        Field("date", x => x.Value).Description("The date as YYYY, YYYY-MM or YYYY-MM-DD, following `precision`.");
        Field<NonNullGraphType<DatePrecisionType>>("precision").Description("How much of the date the source gives.").Resolve(c => c.Source.Precision);
    }
}

public sealed class DatePrecisionType : EnumerationGraphType<DatePrecision>
{
    public DatePrecisionType()
    {
        Name = "DatePrecision";
        Description = "How much of a date a source gives.";
        Values["YEAR"]!.Description = "Only the year, e.g. \"2019\".";
        Values["MONTH"]!.Description = "The year and month, e.g. \"2019-11\".";
        Values["DAY"]!.Description = "The day, e.g. \"2019-11-14\".";
    }
}
