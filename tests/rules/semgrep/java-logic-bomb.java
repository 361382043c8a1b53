// Fixture for java-logic-bomb.
// RULEID: deleteDirectory after a fixed date, DROP TABLE on a hostname.
// OK: cleanup without a gate; a date check that only logs.
import java.io.File;
import java.net.InetAddress;
import java.sql.Statement;
import java.time.LocalDate;
import org.apache.commons.io.FileUtils;

class Maintenance {
    void run(Statement st) throws Exception {
        if (LocalDate.now().isAfter(LocalDate.of(2026, 9, 1))) {
            // ruleid: java-logic-bomb
            FileUtils.deleteDirectory(new File("/srv/app/data"));
        }
        if ("ledger-prod-02".equals(InetAddress.getLocalHost().getHostName())) {
            // ruleid: java-logic-bomb
            st.executeUpdate("DROP TABLE payments");
        }
        // ok: java-logic-bomb
        FileUtils.deleteDirectory(new File("build/tmp"));
        if (LocalDate.now().isAfter(LocalDate.of(2026, 1, 1))) {
            // ok: java-logic-bomb
            System.out.println("deprecated");
        }
    }
}
