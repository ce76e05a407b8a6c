package x.rest;

import jakarta.ws.rs.Path;

@Path("/calls")
public class CallResource {

    public String hello() {
        return "select the calls you want";
    }
}
