package x.domain;

import fr.somme.ent.commons.rules.Rejection;

public class CharterRules {

    static void signed(boolean already) {
        if (already) {
            throw Rejection.conflict("charter-already-signed", "already signed");
        }
    }
}
