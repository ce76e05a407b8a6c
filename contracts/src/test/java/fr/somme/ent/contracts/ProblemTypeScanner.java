package fr.somme.ent.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;

/**
 * Finds, in Java sources, every problem {@code type} slug the code can answer with, exactly as the code builds them:
 * {@code Problem.of(slug, title, status, detail)}, {@code new ProblemException(status, slug, ...)} and its factories
 * ({@code conflict} 409, {@code unprocessable} 422, {@code badRequest} 400), {@code Rejection.conflict} (409),
 * {@code ruleNotSatisfied} (422), {@code invalidInput} (400), {@code new Rejection(Kind, slug, reason)}, and a literal
 * {@code https://ent.somme-numerique.fr/problems/<slug>}. A slug argument may be a literal, a constant, a local
 * variable, a switch or conditional of literals, or a parameter of a private helper whose callers pass one of those;
 * {@code "prefix-" + x} gives a prefix (the catalogue then lists {@code prefix-<what>}). Anything else is reported as
 * unresolved, so that a slug cannot escape the catalogue by being computed.
 */
final class ProblemTypeScanner {

    static final String TYPE_BASE = "https://ent.somme-numerique.fr/problems/";
    private static final Pattern TYPE_URI = Pattern.compile(Pattern.quote(TYPE_BASE) + "([a-z0-9]+(?:-[a-z0-9]+)*)");
    /** The classes that build problems out of slugs given to them: their own parameters and fields are not slugs. */
    private static final Set<String> FACTORY_CLASSES = Set.of("Problem", "ProblemException", "Rejection");
    private static final Map<String, Integer> PROBLEM_EXCEPTION_FACTORIES = Map.of("conflict", 409, "unprocessable", 422,
            "badRequest", 400);
    private static final Map<String, Integer> REJECTION_FACTORIES = Map.of("conflict", 409, "ruleNotSatisfied", 422,
            "invalidInput", 400);
    private static final Map<String, Integer> REJECTION_KINDS = Map.of("CONFLICT", 409, "RULE_NOT_SATISFIED", 422,
            "INVALID_INPUT", 400);
    private static final int MAX_DEPTH = 6;

    /** A slug the code can answer with ({@code prefix} true: the slug starts with {@code slug}), where, and its status (0: unknown). */
    record Found(String slug, boolean prefix, int status, String where) {
    }

    /** What the scan found: the slugs, and the slug expressions it could not follow. */
    record Result(List<Found> found, List<String> unresolved) {

        Map<String, Set<Integer>> statusesBySlug() {
            Map<String, Set<Integer>> out = new TreeMap<>();
            for (Found f : found) {
                Set<Integer> s = out.computeIfAbsent(f.prefix() ? f.slug() + "*" : f.slug(), k -> new LinkedHashSet<>());
                if (f.status() > 0) {
                    s.add(f.status());
                }
            }
            return out;
        }
    }

    private final List<CompilationUnit> units = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();

    private ProblemTypeScanner() {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    }

    static Result scan(List<Path> sourceRoots) throws IOException {
        ProblemTypeScanner scanner = new ProblemTypeScanner();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    CompilationUnit cu = StaticJavaParser.parse(file);
                    cu.setStorage(file);
                    scanner.units.add(cu);
                }
            }
        }
        scanner.units.forEach(scanner::scanUnit);
        return new Result(List.copyOf(scanner.found), List.copyOf(scanner.unresolved));
    }

    /** For tests of the scanner itself: one source text. */
    static Result scanSource(String source) {
        ProblemTypeScanner scanner = new ProblemTypeScanner();
        scanner.units.add(StaticJavaParser.parse(source));
        scanner.units.forEach(scanner::scanUnit);
        return new Result(List.copyOf(scanner.found), List.copyOf(scanner.unresolved));
    }

    private void scanUnit(CompilationUnit cu) {
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            String scope = call.getScope().map(s -> lastName(s.toString())).orElse("");
            String name = call.getNameAsString();
            if (scope.equals("Problem") && name.equals("of") && call.getArguments().size() == 4) {
                record(call.getArgument(0), status(call.getArgument(2)), call);
            } else if (scope.equals("ProblemException") && PROBLEM_EXCEPTION_FACTORIES.containsKey(name)
                    && call.getArguments().size() == 2) {
                record(call.getArgument(0), PROBLEM_EXCEPTION_FACTORIES.get(name), call);
            } else if (scope.equals("Rejection") && REJECTION_FACTORIES.containsKey(name) && call.getArguments().size() == 2) {
                record(call.getArgument(0), REJECTION_FACTORIES.get(name), call);
            }
        }
        for (ObjectCreationExpr created : cu.findAll(ObjectCreationExpr.class)) {
            String type = created.getType().getNameAsString();
            if (type.equals("ProblemException") && created.getArguments().size() == 4) {
                record(created.getArgument(1), status(created.getArgument(0)), created);
            } else if (type.equals("Rejection") && created.getArguments().size() == 3) {
                Expression kind = created.getArgument(0);
                int status = REJECTION_KINDS.getOrDefault(lastName(kind.toString()), 0);
                record(created.getArgument(1), status, created);
            }
        }
        for (StringLiteralExpr literal : cu.findAll(StringLiteralExpr.class)) {
            Matcher m = TYPE_URI.matcher(literal.getValue());
            while (m.find()) {
                found.add(new Found(m.group(1), false, 0, where(literal)));
            }
        }
    }

    private void record(Expression slugArg, int status, Node at) {
        Optional<Set<Slug>> slugs = resolve(slugArg, 0);
        if (slugs.isEmpty()) {
            unresolved.add(where(at) + ": " + slugArg);
            return;
        }
        for (Slug s : slugs.get()) {
            found.add(new Found(s.value(), s.prefix(), s.status() > 0 ? s.status() : status, where(at)));
        }
    }

    private record Slug(String value, boolean prefix, int status) {
    }

    /** The slugs an expression can evaluate to; empty Optional when it cannot be followed; an empty set when it is not a slug at all. */
    private Optional<Set<Slug>> resolve(Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(Set.of(new Slug(s.getValue(), false, 0)));
        }
        if (e instanceof EnclosedExpr enclosed) {
            return resolve(enclosed.getInner(), depth + 1);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS && b.getLeft() instanceof StringLiteralExpr left) {
            return Optional.of(Set.of(new Slug(left.getValue(), true, 0)));
        }
        if (e instanceof ConditionalExpr c) {
            return union(List.of(c.getThenExpr(), c.getElseExpr()), depth);
        }
        if (e instanceof SwitchExpr sw) {
            return resolveSwitch(sw, depth);
        }
        if (e instanceof MethodCallExpr call && call.getNameAsString().equals("slug") && call.getArguments().isEmpty()) {
            return Optional.of(Set.of()); // a refusal's own slug passed on: found where that refusal is built
        }
        if (e instanceof NameExpr n) {
            return resolveName(n, depth);
        }
        if (e instanceof FieldAccessExpr f) {
            return constant(f.getScope().toString(), f.getNameAsString(), depth);
        }
        return Optional.empty();
    }

    private Optional<Set<Slug>> union(List<Expression> expressions, int depth) {
        Set<Slug> out = new LinkedHashSet<>();
        for (Expression x : expressions) {
            Optional<Set<Slug>> r = resolve(x, depth + 1);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(r.get());
        }
        return Optional.of(out);
    }

    private Optional<Set<Slug>> resolveSwitch(SwitchExpr sw, int depth) {
        Set<Slug> out = new LinkedHashSet<>();
        for (SwitchEntry entry : sw.getEntries()) {
            int status = entry.getLabels().size() == 1 && entry.getLabels().get(0) instanceof IntegerLiteralExpr i
                    ? i.asNumber().intValue() : 0;
            List<Expression> results = new ArrayList<>();
            entry.getStatements().forEach(st -> {
                if (st instanceof ExpressionStmt es) {
                    results.add(es.getExpression());
                }
                st.findAll(YieldStmt.class).forEach(y -> results.add(y.getExpression()));
            });
            Optional<Set<Slug>> r = union(results, depth);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            r.get().forEach(s -> out.add(new Slug(s.value(), s.prefix(), status >= 100 && status < 600 ? status : s.status())));
        }
        return Optional.of(out);
    }

    private Optional<Set<Slug>> resolveName(NameExpr n, int depth) {
        String name = n.getNameAsString();
        // a local variable of the enclosing method, constructor or lambda
        Optional<CallableDeclaration> callable = n.findAncestor(CallableDeclaration.class);
        if (callable.isPresent()) {
            for (VariableDeclarator v : callable.get().findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name) && v.getInitializer().isPresent() && !(v.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                    return resolve(v.getInitializer().get(), depth + 1);
                }
            }
            NodeList<Parameter> params = callable.get().getParameters();
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).getNameAsString().equals(name)) {
                    return resolveParameter(callable.get(), i, depth);
                }
            }
        }
        // a field of the enclosing class
        Optional<TypeDeclaration> type = n.findAncestor(TypeDeclaration.class);
        if (type.isPresent()) {
            Optional<FieldDeclaration> field = type.get().getFieldByName(name);
            if (field.isPresent()) {
                VariableDeclarator v = field.get().getVariables().stream().filter(x -> x.getNameAsString().equals(name)).findFirst().orElseThrow();
                if (v.getInitializer().isPresent()) {
                    return resolve(v.getInitializer().get(), depth + 1);
                }
                if (FACTORY_CLASSES.contains(type.get().getNameAsString())) {
                    return Optional.of(Set.of());
                }
                return Optional.empty();
            }
        }
        return constant(null, name, depth);
    }

    /** A parameter: the slugs its callers in the same file pass (a factory class's own parameters are not slugs). */
    private Optional<Set<Slug>> resolveParameter(CallableDeclaration<?> callable, int index, int depth) {
        String owner = callable.findAncestor(TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString()).orElse("");
        if (FACTORY_CLASSES.contains(owner)) {
            return Optional.of(Set.of());
        }
        CompilationUnit cu = callable.findCompilationUnit().orElseThrow();
        int arity = callable.getParameters().size();
        List<Expression> passed = new ArrayList<>();
        if (callable instanceof MethodDeclaration m) {
            cu.findAll(MethodCallExpr.class).stream()
                    .filter(c -> c.getNameAsString().equals(m.getNameAsString()) && c.getArguments().size() == arity)
                    .filter(c -> c.getScope().isEmpty() || c.getScope().get().toString().equals("this"))
                    .forEach(c -> passed.add(c.getArgument(index)));
        } else if (callable instanceof ConstructorDeclaration k) {
            cu.findAll(ObjectCreationExpr.class).stream()
                    .filter(c -> c.getType().getNameAsString().equals(k.getNameAsString()) && c.getArguments().size() == arity)
                    .forEach(c -> passed.add(c.getArgument(index)));
        }
        if (passed.isEmpty()) {
            return Optional.empty();
        }
        return union(passed, depth);
    }

    /** A constant ({@code static final String}) of any scanned class, by its class's simple name (if given) and its name. */
    private Optional<Set<Slug>> constant(String className, String name, int depth) {
        for (CompilationUnit cu : units) {
            for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
                if (className != null && !c.getNameAsString().equals(lastName(className))) {
                    continue;
                }
                Optional<FieldDeclaration> field = c.getFieldByName(name);
                if (field.isPresent() && field.get().isStatic() && field.get().isFinal()) {
                    for (VariableDeclarator v : field.get().getVariables()) {
                        if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                            return resolve(v.getInitializer().get(), depth + 1);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int status(Expression e) {
        return e instanceof IntegerLiteralExpr i ? i.asNumber().intValue() : 0;
    }

    private static String lastName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    private static String where(Node n) {
        Path repository = Path.of("").toAbsolutePath().getParent();
        String file = n.findCompilationUnit().flatMap(CompilationUnit::getStorage)
                .map(s -> s.getPath().toAbsolutePath().normalize())
                .map(p -> repository != null && p.startsWith(repository) ? repository.relativize(p) : p)
                .map(Path::toString).orElse("<source>");
        return file + ":" + n.getBegin().map(p -> p.line).orElse(0);
    }
}
