using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Api;

/// <summary>The query parameters an endpoint takes, attached to it so the OpenAPI document lists them.</summary>
public sealed record QueryParametersMetadata(IReadOnlyList<ParameterDefinition> Parameters);

/// <summary>The file formats an endpoint answers with (besides any JSON), for the OpenAPI document.</summary>
public sealed record FileResponsesMetadata(IReadOnlyList<string> ContentTypes);

/// <summary>
/// Writes each endpoint's query parameters into the OpenAPI document from the same declarations the handlers check
/// (<see cref="QueryParameters"/>), with their types, ranges and allowed values, so a client generated from the
/// document sends what the API accepts.
/// </summary>
public static class OpenApiParameters
{
    /// <summary>Declares the query parameters of an endpoint (for the OpenAPI document; the handler checks them).</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<ParameterDefinition> parameters)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new QueryParametersMetadata(parameters));

    /// <summary>Declares that the endpoint answers 200 with files of these types (binary content in the OpenAPI document).</summary>
    public static TBuilder WithFileResponses<TBuilder>(this TBuilder builder, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new FileResponsesMetadata(contentTypes));

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var endpointMetadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (endpointMetadata.OfType<FileResponsesMetadata>().LastOrDefault() is { } files)
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = response;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in files.ContentTypes)
            {
                response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        var metadata = endpointMetadata.OfType<QueryParametersMetadata>().LastOrDefault();
        if (metadata is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var parameter in metadata.Parameters)
        {
            var schema = Schema(parameter);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = false,
                Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
                Explode = parameter.Repeatable,
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(ParameterDefinition parameter) => parameter.Kind switch
    {
        ParameterKind.WholeNumber => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = parameter.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = parameter.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ParameterKind.Code => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. parameter.Values.Select(v => (JsonNode)JsonValue.Create(v)!)] },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CaseQuery.MaxTextLength },
    };
}
