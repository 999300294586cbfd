using Kvk.Bench;

namespace Kvk.Graph.Tests.Bench;

public sealed class SlicesTests
{
    [Fact]
    public void Throughput_is_all_requests_over_all_time_and_percentiles_are_the_median_of_the_turns()
    {
        // 1,000 requests in 1 s, 3,000 in 1 s, 1,000 in 2 s: 5,000 in 4 s.
        LoadResult[] turns =
        [
            new(1_000, P50Ms: 1.0, P99Ms: 4.0, Requests: 1_000, Errors: 0),
            new(3_000, P50Ms: 0.5, P99Ms: 2.0, Requests: 3_000, Errors: 1),
            new(500, P50Ms: 3.0, P99Ms: 30.0, Requests: 1_000, Errors: 2),
        ];

        var combined = Slices.Combine(turns);

        Assert.Equal(1_250, combined.RequestsPerSecond, precision: 6);
        Assert.Equal(1.0, combined.P50Ms);
        Assert.Equal(4.0, combined.P99Ms);
        Assert.Equal(5_000, combined.Requests);
        Assert.Equal(3, combined.Errors);
    }

    [Fact]
    public void An_even_number_of_turns_takes_the_mean_of_the_middle_two()
    {
        LoadResult[] turns = [new(100, 1.0, 10.0, 100, 0), new(100, 2.0, 20.0, 100, 0), new(100, 4.0, 40.0, 100, 0), new(100, 9.0, 90.0, 100, 0)];

        var combined = Slices.Combine(turns);

        Assert.Equal(3.0, combined.P50Ms);
        Assert.Equal(30.0, combined.P99Ms);
    }

    [Fact]
    public void No_turn_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Slices.Combine([]));
    }
}
