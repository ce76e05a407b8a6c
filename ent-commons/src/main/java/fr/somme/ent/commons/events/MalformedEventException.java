package fr.somme.ent.commons.events;

/** A record that is not a usable CloudEvent; its consumer sends it to the DLQ with this message as the reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
