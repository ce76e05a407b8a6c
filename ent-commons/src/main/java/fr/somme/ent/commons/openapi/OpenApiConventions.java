package fr.somme.ent.commons.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every operation of the four services documents the same way, applied to each service's OpenAPI document when
 * it is built (so the document stored at build and committed under {@code contracts/openapi/} has it too):
 * <ul>
 * <li>the error responses as {@code application/problem+json} with their {@code type} ({@link ProblemResponses});</li>
 * <li>the roles allowed and the scope rule of the scoped roles, appended to the description;</li>
 * <li>identifiers (SIREN, SIRET, UAI, INSEE code, school year) with their pattern, in parameters and properties, and
 * as named schemas;</li>
 * <li>the rule-specific problem types an operation lists in {@code x-ent-problems}, as named examples
 * ({@link ProblemResponses});</li>
 * <li>an example on every parameter and every JSON request and response body that has none ({@link SchemaExamples},
 * required properties included, patterns followed: {@link PatternExamples});</li>
 * <li>a contact, a server and the bearer token as an OAuth 2 scheme whose scopes are the roles ({@link DocumentFrame});
 * only the component schemas the operations use ({@link SchemaRefs});</li>
 * <li>paths, responses, schemas and tags sorted, so that two builds write the same document.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final Map<String, String> SCOPE_RULES = new TreeMap<>(Map.of(
            "member-agent", "A member agent (claim `member_id`) reaches only its own member: another member's resources "
                    + "answer 404, lists hold only its own.",
            "ien", "An IEN (claim `circonscription`) reaches only the projects of the schools of its circonscription.",
            "teacher", "A teacher (claim `school_uai`) reaches only their own projects and classes, at their school."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        ProblemResponses.addSchemas(components);
        Identifiers.all().forEach(id -> components.addSchema(id.schemaName(), identifierSchema(id)));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(OpenApiConventions::describeIdentifierProperties);
        }
        SchemaExamples examples = new SchemaExamples(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            Map<String, PathItem> sorted = new TreeMap<>(openAPI.getPaths().getPathItems());
            sorted.forEach((path, item) -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> describeParameter(p, examples));
                }
                item.getOperations().forEach((method, op) -> document(path, method, op, examples));
            });
            openAPI.getPaths().setPathItems(sorted);
        }
        DocumentFrame.apply(openAPI);
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(SchemaRefs.reachable(openAPI)));
        }
        if (openAPI.getTags() != null) {
            List<org.eclipse.microprofile.openapi.models.tags.Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(Comparator.comparing(org.eclipse.microprofile.openapi.models.tags.Tag::getName));
            openAPI.setTags(tags);
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation op, SchemaExamples examples) {
        List<String> roles = roles(op);
        op.setDescription(description(op, roles));
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> describeParameter(p, examples));
        }
        if (op.getRequestBody() != null) {
            addExamples(op.getRequestBody().getContent(), examples);
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        ProblemResponses.addTo(op, path, method, !roles.isEmpty() || op.getSecurity() != null && !op.getSecurity().isEmpty());
        op.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                addExamples(response.getContent(), examples);
            }
        });
        op.getResponses().setAPIResponses(new TreeMap<>(op.getResponses().getAPIResponses()));
    }

    /** The roles of the operation's security requirements (scopes of the bearer scheme, from {@code @RolesAllowed}). */
    private static List<String> roles(Operation op) {
        TreeSet<String> roles = new TreeSet<>();
        if (op.getSecurity() != null) {
            for (SecurityRequirement requirement : op.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(r -> {
                        if (r != null) {
                            roles.addAll(r);
                        }
                    });
                }
            }
        }
        return List.copyOf(roles);
    }

    private static String description(Operation op, List<String> roles) {
        String base = op.getDescription() != null ? op.getDescription()
                : op.getSummary() != null ? op.getSummary() + "." : "";
        if (roles.isEmpty() || base.contains("Roles allowed:")) {
            return base;
        }
        StringBuilder d = new StringBuilder(base).append("\n\nRoles allowed: ");
        d.append(String.join(", ", roles.stream().map(r -> "`" + r + "`").toList())).append('.');
        SCOPE_RULES.forEach((role, rule) -> {
            if (roles.contains(role)) {
                d.append(' ').append(rule);
            }
        });
        return d.toString();
    }

    /** An identifier parameter refers to its named schema; every parameter gets an example valid against its schema. */
    private static void describeParameter(Parameter p, SchemaExamples examples) {
        if (p.getName() == null || p.getSchema() == null) {
            return;
        }
        Identifiers.named(p.getName()).filter(id -> isPlainString(p.getSchema())).ifPresent(id -> {
            p.setSchema(identifierRef(id, null));
            if (p.getDescription() == null) {
                p.setDescription(id.description());
            }
        });
        boolean has = p.getExample() != null || p.getExamples() != null && !p.getExamples().isEmpty();
        if (!has) {
            Object example = examples.of(p.getSchema(), p.getName());
            if (example != null) {
                p.setExample(example);
            }
        }
    }

    /** A string property named like an identifier (siren, uai, schoolYear…) refers to the identifier's schema. */
    private static void describeIdentifierProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> Identifiers.named(name).filter(id -> isPlainString(property))
                .map(id -> identifierRef(id, property.getDescription())).orElse(property));
        schema.setProperties(properties);
    }

    private static Schema identifierRef(Identifiers id, String description) {
        Schema ref = OASFactory.createSchema().ref(SchemaRefs.PREFIX + id.schemaName());
        return description == null ? ref : ref.description(description);
    }

    private static boolean isPlainString(Schema s) {
        return s.getRef() == null && s.getPattern() == null && s.getType() != null
                && s.getType().contains(Schema.SchemaType.STRING) && s.getFormat() == null
                && (s.getEnumeration() == null || s.getEnumeration().isEmpty());
    }

    private static Schema identifierSchema(Identifiers id) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(id.pattern()).description(id.description())
                .addExample(id.example());
    }

    private static void addExamples(Content content, SchemaExamples examples) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            boolean has = media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
            if (!has && type.contains("json") && media.getSchema() != null) {
                Object example = examples.of(media.getSchema());
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }
}
