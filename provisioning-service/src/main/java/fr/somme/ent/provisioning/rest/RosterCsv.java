package fr.somme.ent.provisioning.rest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.provisioning.domain.PersonName;
import fr.somme.ent.provisioning.rest.ClassDtos.RosterLine;

/**
 * A roster uploaded as CSV ({@code text/csv; charset=UTF-8}): {@code last name,first name} per line, optional header
 * ({@code nom;prénom}, {@code lastName,firstName}), {@code ,} or {@code ;}, quotes as RFC 4180.
 */
final class RosterCsv {

    private RosterCsv() {
    }

    /** At most this many bytes are read: 100 lines of two 100-character names, quoted, in UTF-8, fit largely. */
    static final int MAX_BYTES = 128 * 1024;

    /**
     * Reads the roster while it streams in, and stops as soon as it is too large: more than {@value #MAX_BYTES} bytes
     * ({@code 413 roster-too-large}) or more than 100 students ({@code 400 roster-size}); nothing is stored then.
     */
    static List<RosterLine> parse(InputStream csv) {
        List<RosterLine> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new Bounded(csv), utf8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                line = line.replace("\uFEFF", "");
                if (line.isBlank()) {
                    continue;
                }
                char sep = line.indexOf(';') >= 0 ? ';' : ',';
                List<String> cells = split(line, sep);
                if (n == 1 && cells.get(0).strip().toLowerCase(Locale.ROOT).replace(" ", "").matches("lastname|nom")) {
                    continue;
                }
                if (cells.size() != 2) {
                    throw ProblemException.badRequest("roster-line", "line " + n + ": expected last name, first name");
                }
                if (out.size() == PersonName.MAX_ROSTER) {
                    throw ProblemException.badRequest("roster-size", "a roster has 1 to 100 students");
                }
                out.add(new RosterLine(cells.get(0).strip(), cells.get(1).strip()));
            }
        } catch (TooLarge e) {
            throw new ProblemException(413, "roster-too-large", "Payload Too Large",
                    "a roster file has at most " + MAX_BYTES / 1024 + " KiB");
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("roster-encoding", "a roster is text/csv in UTF-8");
        } catch (IOException e) {
            throw ProblemException.badRequest("roster-line", "unreadable CSV");
        }
        return out;
    }

    /** Thrown by {@link Bounded} past {@link #MAX_BYTES}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The body, cut off past {@link #MAX_BYTES}: reading stops there. */
    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }

    private static List<String> split(String line, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString());
        return cells;
    }
}
