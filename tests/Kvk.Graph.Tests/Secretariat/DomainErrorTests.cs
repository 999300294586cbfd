using Kvk.Domain.Rounds;
using Kvk.Graph.Secretariat;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class DomainErrorTests
{
    [Theory]
    [InlineData(RefusalCode.RoundNotFound, "ROUND_NOT_FOUND")]
    [InlineData(RefusalCode.RoundAlreadyExists, "ROUND_ALREADY_EXISTS")]
    [InlineData(RefusalCode.UnknownMunicipality, "UNKNOWN_MUNICIPALITY")]
    [InlineData(RefusalCode.InvalidInput, "INVALID_INPUT")]
    public void A_refusal_code_is_spelled_as_a_graphql_code(RefusalCode code, string expected) => Assert.Equal(expected, DomainError.CodeOf(code));

    [Fact]
    public void Every_refusal_code_and_the_concurrency_conflict_have_one_concrete_error_type()
    {
        var types = DomainErrorType.All.Select(t => (DomainErrorType)Activator.CreateInstance(t)!).ToList();

        var expected = Enum.GetValues<RefusalCode>().Select(DomainError.CodeOf).Append(DomainError.ConcurrencyConflict).Order();
        Assert.Equal(expected, types.Select(t => t.Code).Order());
        Assert.All(types, t => Assert.Equal(string.Concat(t.Code.Split('_').Select(w => w[0] + w[1..].ToLowerInvariant())) + "Error", t.Name));
        Assert.Contains(types, t => t.Name == "RoundNotFoundError");
    }
}
