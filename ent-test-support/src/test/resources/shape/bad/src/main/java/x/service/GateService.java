package x.service;

import java.sql.ResultSet;
import java.sql.SQLException;

public class GateService {

    String status(ResultSet rs) throws SQLException {
        return rs.getString(13);
    }

    String sql() {
        return """
                UPDATE class_deployment SET status = 'DEPLOYED' WHERE project_id = ?
                """;
    }
}
