package x.domain;

import fr.somme.ent.commons.problem.ProblemException;

public class CharterRules {

    static void signed(boolean already) {
        if (already) {
            throw ProblemException.conflict("charter-already-signed", "already signed");
        }
    }
}
