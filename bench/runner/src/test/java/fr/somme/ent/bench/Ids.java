package fr.somme.ent.bench;

/** Valid identifiers made up for the benchmark: SIREN (Luhn) and UAI (check letter), distinct per number. */
final class Ids {

    private static final String UAI_CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Ids() {
    }

    /** A SIREN starting with 2 (public bodies), then the 7-digit number, then its Luhn check digit. */
    static String siren(int number) {
        String body = "2" + String.format("%07d", number);
        for (int d = 0; d <= 9; d++) {
            if (luhnValid(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + body);
    }

    /** A UAI of département {@code dept} (three digits, e.g. "080") and school number 0..9999. */
    static String uai(String dept, int school) {
        String seven = dept + String.format("%04d", school);
        return seven + UAI_CHECK_ALPHABET.charAt((int) (Long.parseLong(seven) % 23));
    }

    /** A UAI of any 7-digit number (billing only checks the shape and the check letter). */
    static String uai(int number) {
        String seven = String.format("%07d", number);
        return seven + UAI_CHECK_ALPHABET.charAt((int) (Long.parseLong(seven) % 23));
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
