using Negotiations.Parties;
using Xunit;

namespace Negotiations.Tests.Parties;

public class PartyNamesTests
{
    [Theory]
    [InlineData("Amazon", "amazon")]
    [InlineData("  AMAZON.COM  ", "amazon.com")]
    [InlineData("Nestlé   S.A.", "nestle s.a.")]
    [InlineData("Société\tGénérale", "societe generale")]
    [InlineData("Ångström Ventures", "angstrom ventures")]
    public void a_names_key_ignores_case_accents_and_spacing(string name, string key)
    {
        Assert.Equal(key, PartyNames.Key(name));
    }

    [Fact]
    public void nothing_else_is_guessed_amazon_com_is_not_amazon()
    {
        Assert.NotEqual(PartyNames.Key("Amazon"), PartyNames.Key("Amazon.com"));
        Assert.NotEqual(PartyIds.Of("Amazon"), PartyIds.Of("Amazon.com"));
    }

    [Fact]
    public void a_first_sight_id_comes_from_the_names_key_so_every_spelling_and_every_rebuild_gives_the_same_id()
    {
        Assert.Equal(PartyIds.Of("Nestlé S.A."), PartyIds.Of("  nestle   s.a. "));
        Assert.Equal(Guid.Parse("c4950590-321d-5eb0-8f64-7ac023efcb79"), PartyIds.Of("Amazon"));
    }

    [Fact]
    public void a_first_sight_id_is_a_name_based_uuid_version_5()
    {
        var id = PartyIds.Of("OpenAI").ToString();

        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
