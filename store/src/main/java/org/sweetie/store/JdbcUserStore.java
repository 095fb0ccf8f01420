package org.sweetie.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.Role;
import org.sweetie.core.User;
import org.sweetie.core.UserStore;

/** The console's users over JDBC (table console_user). */
final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "SELECT name, role, password_hash, created_at, disabled_at FROM console_user ";

    private final Database db;

    JdbcUserStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean add(User user) {
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO console_user (name, role, password_hash, created_at, disabled_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")) {
                insert.setString(1, user.name());
                insert.setString(2, user.role().key());
                insert.setString(3, user.passwordHash());
                insert.setLong(4, user.createdAt().toEpochMilli());
                insert.setObject(5, user.disabledAt() == null ? null : user.disabledAt().toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<User> find(String name) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(COLUMNS + "WHERE name = ?")) {
                q.setString(1, name);
                return users(q).stream().findFirst();
            }
        });
    }

    @Override
    public List<User> all() {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(COLUMNS + "ORDER BY name")) {
                return users(q);
            }
        });
    }

    @Override
    public boolean disable(String name, Instant when) {
        return db.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE console_user SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL")) {
                update.setLong(1, when.toEpochMilli());
                update.setString(2, name);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static List<User> users(PreparedStatement q) throws SQLException {
        List<User> found = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                Role role = Role.of(r.getString(2)).orElseThrow(() -> new StoreException("console user has an "
                        + "unknown role in the store"));
                long disabled = r.getLong(5);
                Instant disabledAt = r.wasNull() ? null : Instant.ofEpochMilli(disabled);
                found.add(new User(r.getString(1), role, r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                        disabledAt));
            }
        }
        return found;
    }
}
