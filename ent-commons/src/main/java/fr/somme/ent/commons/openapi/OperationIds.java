package fr.somme.ent.commons.openapi;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;

import io.smallrye.openapi.api.OperationIdGenerator;

/**
 * The operationId of every operation ({@code quarkus.smallrye-openapi.operation-id-strategy} names this class): the
 * Java method, then the resource class without {@code Resource}, in camelCase — {@code MemberResource.list} is
 * {@code listMember}, {@code AdhesionResource.sign} is {@code signAdhesion}, {@code DlqReplayResource.replay} is
 * {@code replayDlq}. Unique in a service as long as a resource's
 * methods have distinct names (no overloaded resource methods), stable across builds.
 */
public class OperationIds implements OperationIdGenerator {

    @Override
    public String generateOperationId(ClassInfo resourceClass, MethodInfo method) {
        return of(resourceClass.simpleName(), method.name());
    }

    static String of(String className, String methodName) {
        String stem = className.endsWith("Resource") ? className.substring(0, className.length() - "Resource".length()) : className;
        String name = methodName.replaceAll("[^A-Za-z0-9]", "");
        String camel = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        String verb = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        if (stem.endsWith(verb) && stem.length() > verb.length()) {
            stem = stem.substring(0, stem.length() - verb.length()); // DlqReplayResource.replay: replayDlq
        }
        return stem.isEmpty() || camel.toLowerCase().endsWith(stem.toLowerCase()) ? camel
                : camel + Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }
}
