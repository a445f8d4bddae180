using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataCustody.Grains.Ledger;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using DataCustody.Transparency.Merkle;
using NSec.Cryptography;

namespace DataCustody.Gateway.Tests;

[Collection(GatewayApiCollection.Name)]
public sealed class StatementsApiTests(GatewayApiFixture fixture)
{
    private const string SomeHandle = "h_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public async Task A_statement_is_recorded_then_a_resend_is_a_duplicate_with_the_original_result()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var id = TestProvider.NewId("profile");
        var jws = shop.Sign(shop.Profile(id));

        var first = (await shop.SubmitAsync(jws))[0];
        Assert.Equal(0, first.GetProperty("index").GetInt32());
        Assert.Equal(id, first.GetProperty("statementId").GetString());
        Assert.Equal("recorded", first.GetProperty("status").GetString());
        var entryIndex = first.GetProperty("entryIndex").GetInt64();
        var leafHash = first.GetProperty("leafHash").GetString()!;
        Assert.True(StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(leafHash), out var leaf));
        Assert.Equal(32, leaf.Length);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("violations").ValueKind);
        Assert.False(first.TryGetProperty("problem", out _));

        var again = (await shop.SubmitAsync(jws))[0];
        Assert.Equal("duplicate", again.GetProperty("status").GetString());
        Assert.Equal(entryIndex, again.GetProperty("entryIndex").GetInt64());
        Assert.Equal(leafHash, again.GetProperty("leafHash").GetString());

        // The same id with other content is a replay, not a retry.
        var replay = (await shop.SubmitAsync(shop.Sign(shop.Profile(id, level: 4))))[0];
        Problems.AssertRejected(replay, "statements[0].payload.id");
        Assert.Equal(id, replay.GetProperty("statementId").GetString());
    }

    [Fact]
    public async Task A_provider_reads_the_entry_of_its_own_statement_and_to_another_provider_it_is_as_unknown_as_no_statement()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        var id = TestProvider.NewId("entry");
        var jws = shop.Sign(shop.Profile(id));
        var result = (await shop.SubmitAsync(jws))[0];

        var entry = await shop.Http.GetFromJsonAsync<JsonElement>($"api/v1/statements/{id}/entry");

        Assert.Equal(id, entry.GetProperty("statementId").GetString());
        Assert.Equal(result.GetProperty("entryIndex").GetInt64(), entry.GetProperty("entryIndex").GetInt64());
        Assert.True(StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(entry.GetProperty("leaf").GetString()!), out var leaf));
        Assert.Equal(result.GetProperty("leafHash").GetString(), StrictBase64.EncodeUrl(MerkleHash.Leaf(leaf)));
        Assert.Equal(jws, LogEntry.FromLeaf(leaf).Jws);

        var unknownId = TestProvider.NewId("entry");
        using var othersStatement = await delivery.Http.GetAsync($"api/v1/statements/{id}/entry");
        using var noStatement = await delivery.Http.GetAsync($"api/v1/statements/{unknownId}/entry");
        var others = await Problems.AssertAsync(othersStatement, HttpStatusCode.NotFound, "id");
        var none = await Problems.AssertAsync(noStatement, HttpStatusCode.NotFound, "id");
        Assert.Equal(none.GetProperty("title").GetString(), others.GetProperty("title").GetString());
        Assert.Equal(none.GetProperty("detail").GetString()!.Replace(unknownId, id, StringComparison.Ordinal), others.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_mixed_batch_gets_one_result_per_item_in_order()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var ids = Enumerable.Range(0, 3).Select(_ => TestProvider.NewId("mixed")).ToArray();
        var results = await shop.SubmitAsync(
            shop.Sign(shop.Profile(ids[0])),
            shop.Sign(shop.Profile(ids[1], level: 99)),
            shop.Sign(shop.Profile(ids[2])));
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("recorded", results[0].GetProperty("status").GetString());
        Problems.AssertRejected(results[1], "statements[1].payload.level");
        Assert.Equal("recorded", results[2].GetProperty("status").GetString());
        Assert.Equal(results[0].GetProperty("entryIndex").GetInt64() + 1, results[2].GetProperty("entryIndex").GetInt64());
    }

    [Fact]
    public async Task Many_statements_in_one_batch_are_verified_and_recorded()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var batch = Enumerable.Range(0, 200).Select(_ => shop.Sign(shop.Profile(TestProvider.NewId("bulk")))).ToArray();
        var results = await shop.SubmitAsync(batch);
        Assert.All(results, r => Assert.Equal("recorded", r.GetProperty("status").GetString()));
        Assert.Equal(200, results.Select(r => r.GetProperty("entryIndex").GetInt64()).Distinct().Count());
    }

    public static TheoryData<string, string> RejectedItems => new()
    {
        { "wrong-alg", "statements[0].header.alg" },
        { "no-alg", "statements[0].header.alg" },
        { "bad-base64url-payload", "statements[0].payload" },
        { "bad-base64url-signature", "statements[0].signature" },
        { "two-parts", "statements[0]" },
        { "unknown-kid", "statements[0].header.kid" },
        { "no-kid", "statements[0].header.kid" },
        { "kid-of-another-provider", "statements[0].header.kid" },
        { "bad-signature", "statements[0].signature" },
        { "unknown-taxonomy-key", "statements[0].payload.categories[0]" },
        { "level-99", "statements[0].payload.level" },
        { "year-9999", "statements[0].payload.issuedAt" },
        { "other-provider-in-payload", "statements[0].payload.provider" },
        { "broker-type", "statements[0].payload.type" },
        { "unknown-member", "statements[0].payload.colour" },
        { "not-json-payload", "statements[0].payload" },
        { "null-item", "statements[0]" },
        { "too-long-for-the-log", "statements[0]" },
    };

    [Theory]
    [MemberData(nameof(RejectedItems))]
    public async Task A_bad_item_is_rejected_naming_the_field_and_nothing_is_written(string kind, string field)
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var item = kind == "kid-of-another-provider" ? await KidOfAnotherProviderAsync(shop) : BadItem(shop, kind);

        var before = await shop.RecordMarkerAsync();
        using (var response = await shop.Http.PostAsJsonAsync("api/v1/statements", new { statements = new[] { item } }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
            Assert.Single(results);
            Problems.AssertRejected(results[0], field);
        }
        var after = await shop.RecordMarkerAsync();
        Assert.Equal(before + 1, after);
    }

    public static TheoryData<string, string?> MalformedBodies => new()
    {
        { "{not json", null },
        { "", null },
        { "[]", null },
        { """{"statements":"x"}""", "statements" },
        { """{"statements":[1]}""", "statements[0]" },
        { """{"statements":[]}""", "statements" },
        { """{"items":["a"]}""", "items" },
        { "{}", "statements" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_problem_and_nothing_is_submitted(string body, string? field)
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var before = await shop.RecordMarkerAsync();
        using (var response = await shop.Http.PostAsync("api/v1/statements", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
            Assert.True(problem.TryGetProperty("field", out _));
        }
        Assert.Equal(before + 1, await shop.RecordMarkerAsync());
    }

    [Fact]
    public async Task A_batch_of_1001_items_is_a_400_problem_and_nothing_is_submitted()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var batch = Enumerable.Range(0, 1001).Select(_ => shop.Sign(shop.Profile(TestProvider.NewId("huge")))).ToArray();
        var before = await shop.RecordMarkerAsync();
        using (var response = await shop.PostBatchAsync(batch))
        {
            var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "statements");
            Assert.Contains("1001", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before + 1, await shop.RecordMarkerAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_the_server_keeps_serving()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var before = await shop.RecordMarkerAsync();
        // 9 MiB: over the 8 MiB of statement batches.
        var huge = "{\"statements\":[\"" + new string('a', 9 * 1024 * 1024) + "\"]}";
        // Expect: 100-continue lets the server refuse before the client sends the body, as careful clients do.
        using (var response = await shop.Http.SendAsync(Oversized("api/v1/statements", huge)))
        {
            await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
        }
        // 2 MiB: within the statement limit (so a 400 for the item count, not a 413) ...
        var large = "{\"statements\":[" + string.Join(',', Enumerable.Repeat("\"" + new string('a', 2000) + "\"", 1001)) + "]}";
        using (var response = await shop.Http.PostAsync("api/v1/statements", new StringContent(large, Encoding.UTF8, "application/json")))
        {
            await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "statements");
        }
        // ... but over the 1 MiB of every other endpoint.
        var registration = "{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\",\"jurisdiction\":\"JP\",\"sector\":\"s\",\"contact\":\"c\"}";
        using (var response = await shop.Http.SendAsync(Oversized("api/v1/providers", registration)))
        {
            await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
        }
        Assert.Equal(before + 1, await shop.RecordMarkerAsync());
    }

    private static HttpRequestMessage Oversized(string path, string json) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { ExpectContinue = true },
    };

    private async Task<string> KidOfAnotherProviderAsync(TestProvider shop)
    {
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        // Signed with delivery's registered key and naming it, but about (and sent by) shop.
        return CompactJws.Sign(delivery.Key, delivery.Kid, Encoding.UTF8.GetBytes(shop.Profile(TestProvider.NewId("foreign-kid"))));
    }

    // 20,000 characters of Japanese are 60,000 bytes of UTF-8: within the payload's limit, but the JWS is longer than a log entry may be.
    private static string LongTerms(TestProvider shop, string id)
    {
        var text = new string('規', 20_000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return $$$"""
            {"id":"{{{id}}}","issuedAt":"{{{TestProvider.RecentTime()}}}","type":"provider.terms","provider":"{{{shop.ProviderId}}}","sha256":"{{{sha256}}}","title":"Long contract",
             "text":"{{{text}}}","summary":{"onwardTransferAllowed":true,"breachNotificationHours":72,"deletionDays":30,"governingJurisdiction":"JP"}}
            """;
    }

    private static string BadItem(TestProvider shop, string kind)
    {
        string Payload() => shop.Profile(TestProvider.NewId(kind));
        string Header(string json) => StrictBase64.EncodeUrl(Encoding.UTF8.GetBytes(json));
        string Body(string json) => StrictBase64.EncodeUrl(Encoding.UTF8.GetBytes(json));
        string SignRaw(string header, string payload)
        {
            var input = $"{header}.{payload}";
            return $"{input}.{StrictBase64.EncodeUrl(SignatureAlgorithm.Ed25519.Sign(shop.Key, Encoding.ASCII.GetBytes(input)))}";
        }
        var valid = shop.Sign(Payload());
        var parts = valid.Split('.');
        return kind switch
        {
            "wrong-alg" => SignRaw(Header($$"""{"alg":"HS256","kid":"{{shop.Kid}}"}"""), Body(Payload())),
            "no-alg" => SignRaw(Header($$"""{"kid":"{{shop.Kid}}"}"""), Body(Payload())),
            "bad-base64url-payload" => $"{parts[0]}.{parts[1][..^2]}+/.{parts[2]}",
            "bad-base64url-signature" => $"{parts[0]}.{parts[1]}.{parts[2]}==",
            "two-parts" => $"{parts[0]}.{parts[1]}",
            "unknown-kid" => CompactJws.Sign(shop.Key, "no-such-key", Encoding.UTF8.GetBytes(Payload())),
            "no-kid" => CompactJws.Sign(shop.Key, null, Encoding.UTF8.GetBytes(Payload())),
            "bad-signature" => $"{parts[0]}.{parts[1]}.{shop.Sign(Payload()).Split('.')[2]}",
            "unknown-taxonomy-key" => shop.Sign(shop.Collected(TestProvider.NewId(kind), SomeHandle, "user.no_such_category", "essential.service", null)),
            "level-99" => shop.Sign(shop.Profile(TestProvider.NewId(kind), level: 99)),
            "year-9999" => shop.Sign(shop.Profile(TestProvider.NewId(kind), issuedAt: "9999-12-31T00:00:00Z")),
            "other-provider-in-payload" => shop.Sign(shop.Profile(TestProvider.NewId(kind), provider: "delivery")),
            "broker-type" => shop.Sign($$"""{"id":"{{TestProvider.NewId(kind)}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"provider.registered","provider":"shop","name":"n","jurisdiction":"JP","sector":"s","contact":"c"}"""),
            "unknown-member" => shop.Sign(Payload().TrimEnd().TrimEnd('}') + ",\"colour\":\"red\"}"),
            "not-json-payload" => shop.Sign("{\"id\":"),
            "null-item" => null!,
            "too-long-for-the-log" => shop.Sign(LongTerms(shop, TestProvider.NewId(kind))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
