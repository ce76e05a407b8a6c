package x.repository;

import java.sql.ResultSet;
import java.sql.SQLException;

public class CallRepository {

    static final String BY_ID = "SELECT id, status FROM contribution_call WHERE id = ?";

    record Row(String id, String status) {
    }

    Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("status"));
    }
}
