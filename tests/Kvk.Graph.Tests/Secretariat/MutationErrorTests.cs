using Kvk.Domain.Rounds;
using Kvk.Graph.Secretariat;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class MutationErrorTests
{
    [Theory]
    [InlineData(RefusalCode.RoundNotFound, "ROUND_NOT_FOUND", "RoundNotFoundError")]
    [InlineData(RefusalCode.RoundAlreadyExists, "ROUND_ALREADY_EXISTS", "RoundAlreadyExistsError")]
    [InlineData(RefusalCode.UnknownMunicipality, "UNKNOWN_MUNICIPALITY", "UnknownMunicipalityError")]
    [InlineData(RefusalCode.InvalidInput, "INVALID_INPUT", "InvalidInputError")]
    public void A_refusal_code_is_spelled_as_a_graphql_code_and_names_its_error_type(RefusalCode code, string expected, string typeName)
    {
        Assert.Equal(expected, MutationError.CodeOf(code));
        Assert.Equal(typeName, MutationError.TypeNameOf(expected));
    }

    [Fact]
    public void Every_refusal_code_and_every_recording_code_has_one_described_error_type()
    {
        var types = MutationErrorTypes.Create();

        var expected = Enum.GetValues<RefusalCode>()
            .Select(MutationError.CodeOf)
            .Append(MutationError.ConcurrencyConflict)
            .Append(MutationError.IdempotencyKeyReused)
            .Order();
        Assert.Equal(expected, types.Keys.Order());
        Assert.All(types, t => Assert.False(string.IsNullOrWhiteSpace(t.Value.Description), t.Key));
    }
}
