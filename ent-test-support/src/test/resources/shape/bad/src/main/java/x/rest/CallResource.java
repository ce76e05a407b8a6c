package x.rest;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

@Path("/calls")
public class CallResource {

    EntityManager em;

    public Object status(String id) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT id, status FROM contribution_call WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        return row[1];
    }
}
