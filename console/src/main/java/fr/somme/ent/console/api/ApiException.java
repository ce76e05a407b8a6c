package fr.somme.ent.console.api;

/** A service refused or could not be reached; pages turn it into French (problem.FrenchMessages). */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.status() + " " + problem.slug() + ": " + problem.detail());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
